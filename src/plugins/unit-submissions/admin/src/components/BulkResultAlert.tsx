import { Alert, Flex, Typography } from '@strapi/design-system';
import type { BulkMove, BulkResult } from '../api';
import { useT } from '../i18n';

interface BulkResultAlertProps {
  move: BulkMove;
  results: BulkResult[];
  /** How a submission is named in the list of failures. */
  titleOf: (documentId: string) => string;
  onClose: () => void;
}

/** What a bulk move did: how many moved, and each one that did not, with the server's reason. */
export const BulkResultAlert = ({ move, results, titleOf, onClose }: BulkResultAlertProps) => {
  const t = useT();
  const failed = results.filter((result) => !result.ok);
  const values = { moved: results.length - failed.length, total: results.length };
  return (
    <Alert
      variant={failed.length === 0 ? 'success' : results.length === failed.length ? 'danger' : 'warning'}
      closeLabel={t('dialog.close', 'Đóng')}
      onClose={onClose}
      title={
        move === 'claim'
          ? t('bulk.result.claim', 'Đã nhận biên tập {moved}/{total} tin bài.', values)
          : t('bulk.result.approve', 'Đã duyệt {moved}/{total} tin bài.', values)
      }
      data-testid="bulk-result"
      data-moved={values.moved}
      data-failed={failed.length}
    >
      {failed.length > 0 && (
        // The alert's body is a paragraph: the failures are lines of spans.
        <Flex tag="span" direction="column" alignItems="flex-start" paddingTop={1}>
          {failed.map((result) => (
            <Typography tag="span" key={result.documentId} data-testid="bulk-failure">
              {t('bulk.result.failure', '{title}: {reason}', {
                title: titleOf(result.documentId),
                reason: result.ok ? '' : result.error.message,
              })}
            </Typography>
          ))}
        </Flex>
      )}
    </Alert>
  );
};
