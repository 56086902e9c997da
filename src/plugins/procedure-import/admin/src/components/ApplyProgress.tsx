import { Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportSummary } from '../api';
import { useT } from '../i18n';

/**
 * How far applying has gone: rows written of rows to write. The count lives in the process that applies; another
 * node of the cluster has none to give, and says so.
 */
export const ApplyProgress = ({ progress }: { progress: ImportSummary['progress'] }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  if (!progress) {
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="apply-progress">
        {t('progress.elsewhere', 'Đang áp dụng; máy chủ này chưa có số liệu tiến độ.')}
      </Typography>
    );
  }
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Flex gap={2} data-testid="apply-progress" data-done={progress.done} data-total={progress.total}>
      <ProgressBar value={percent} aria-label={t('progress.label', 'Tiến độ áp dụng')} style={{ flex: 1 }} />
      <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
        {t('progress.count', '{done}/{total} thủ tục', {
          done: formatNumber(progress.done),
          total: formatNumber(progress.total),
        })}
      </Typography>
    </Flex>
  );
};
