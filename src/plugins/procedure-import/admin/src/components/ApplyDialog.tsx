import * as React from 'react';
import { Box, Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { useLoader } from '#admin/shared/common';
import { FormDialog } from '#admin/shared/kit';
import type { ApiProblem } from '#admin/shared/api-problem';
import { useApi, type ApplyRequest, type ImportStatus, type ImportView, type RowFilters } from '../api';
import { tm, useT } from '../i18n';
import { LEVEL_LABELS } from '../labels';

interface ApplyDialogProps {
  view: ImportView;
  /** The preview's filters: field, level and agency narrow what is applied; the status only what is shown. */
  filters: RowFilters;
  /** Rows ticked by hand, by national code: when there are any, only they are applied. */
  ticked: ReadonlyMap<string, ImportStatus>;
  request: (publish: boolean) => ApplyRequest;
  onClose: () => void;
  onApplied: (view: ImportView) => void;
  onProblem: (problem: ApiProblem) => boolean;
}

/**
 * The last step: how many procedures will be created and updated (the ticked rows, or every row the filters
 * match), whether new ones are published, then the apply request; the work goes on in the background.
 */
export const ApplyDialog = ({
  view,
  filters,
  ticked,
  request,
  onClose,
  onApplied,
  onProblem,
}: ApplyDialogProps) => {
  const t = useT();
  const api = useApi();
  const [publish, setPublish] = React.useState(false);
  const { field, level, agency } = filters;
  const narrowed = { field, level, agency };
  const counts = useLoader(async () => {
    if (ticked.size > 0) {
      const statuses = [...ticked.values()];
      return {
        created: statuses.filter((status) => status === 'new').length,
        updated: statuses.filter((status) => status === 'changed').length,
      };
    }
    const [created, updated] = await Promise.all([
      api.countRows(view.id, { ...narrowed, status: 'new' }),
      api.countRows(view.id, { ...narrowed, status: 'changed' }),
    ]);
    return { created, updated };
  }, [api, view.id, field, level, agency, ticked]);

  const scope = [
    field && t('apply.scope.field', 'lĩnh vực “{name}”', { name: field }),
    level && tm(t, LEVEL_LABELS[level]).toLowerCase(),
    agency && t('apply.scope.agency', 'cơ quan thực hiện có “{text}”', { text: agency }),
    ticked.size > 0 &&
      t('apply.scope.ticked', '{count, plural, other {# dòng đã đánh dấu}}', { count: ticked.size }),
  ].filter(Boolean);

  return (
    <FormDialog
      open
      title={t('apply.title', 'Áp dụng vào danh mục')}
      onClose={onClose}
      onSubmit={async () => onApplied(await api.apply(view.id, request(publish)))}
      onProblem={onProblem}
      submitLabel={t('apply.submit', 'Áp dụng')}
      submitVariant="default"
      blocked={!counts.data}
      testId="apply-dialog"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {counts.data ? (
          <Typography
            tag="p"
            fontWeight="bold"
            textColor="neutral800"
            data-testid="apply-summary"
            data-created={counts.data.created}
            data-updated={counts.data.updated}
          >
            {t(
              'apply.summary',
              'Sẽ tạo {created, plural, other {# thủ tục mới}} và cập nhật {updated, plural, other {# thủ tục đã có}}.',
              counts.data
            )}
          </Typography>
        ) : (
          <Loader small>{t('apply.counting', 'Đang đếm…')}</Loader>
        )}
        <Typography tag="p" textColor="neutral700">
          {scope.length > 0
            ? t('apply.scope', 'Phạm vi: {scope}.', { scope: scope.join('; ') })
            : t('apply.scope.all', 'Phạm vi: toàn bộ tệp.')}
        </Typography>
        {filters.status && (
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t(
              'apply.statusFilter',
              'Bộ lọc "So với danh mục" chỉ để xem: các dòng mới và thay đổi trong phạm vi trên đều được áp dụng.'
            )}
          </Typography>
        )}
        {(counts.data?.updated ?? 0) > 0 && (
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t(
              'apply.modes',
              'Thủ tục đang công bố được cập nhật theo cách đã chọn ở từng dòng: đính chính tại chỗ, hoặc một phiên bản mới. Bản nháp được sửa tại chỗ.'
            )}
          </Typography>
        )}
        <Box padding={4} background="neutral100" hasRadius>
          <Checkbox
            checked={publish}
            onCheckedChange={(checked) => setPublish(checked === true)}
            data-testid="apply-publish"
          >
            {t('apply.publish', 'Công bố ngay các thủ tục mới')}
          </Checkbox>
          <Box paddingTop={2}>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {t(
                'apply.publishHint',
                'Không chọn thì thủ tục mới được tạo dưới dạng bản nháp. Thủ tục thiếu đối tượng thực hiện, cơ quan thực hiện hoặc cấp thực hiện vẫn là bản nháp (danh sách thủ tục của CSDL quốc gia không có đối tượng thực hiện).'
              )}
            </Typography>
          </Box>
        </Box>
      </Flex>
    </FormDialog>
  );
};
