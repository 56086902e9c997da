import * as React from 'react';
import { numberOnly } from '#annual-report/domain/document-format';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DataTable, FormDialog, type Column, TextField } from '#admin/shared/kit';
import { isConflict, useApi, type Change, type Report } from '../api';
import { useT } from '../i18n';

/** What a recomputation changed: each number, before → after. */
export const ChangesDialog = ({ changes, onClose }: { changes: Change[] | null; onClose: () => void }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const show = (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : typeof value === 'number'
        ? formatNumber(value)
        : String(value);
  const columns: Column<Change>[] = [
    {
      key: 'path',
      header: t('recompute.path', 'Số liệu'),
      cell: (change) => <Typography textColor="neutral800">{change.path}</Typography>,
    },
    {
      key: 'before',
      header: t('recompute.before', 'Trước'),
      cell: (change) => <Typography textColor="neutral600">{show(change.before)}</Typography>,
    },
    {
      key: 'after',
      header: t('recompute.after', 'Sau'),
      cell: (change) => (
        <Typography textColor="neutral800" fontWeight="semiBold">
          → {show(change.after)}
        </Typography>
      ),
    },
  ];
  return (
    <Modal.Root open={changes !== null} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
          <Modal.Title>{t('recompute.title', 'Số liệu đã được tính lại')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="changes-dialog">
            {changes && changes.length > 0 && (
              <Typography textColor="neutral700">
                {t('recompute.count', '{count} số liệu thay đổi:', { count: changes.length })}
              </Typography>
            )}
            <DataTable
              rows={changes ?? []}
              columns={columns}
              rowKey={(change) => change.path}
              label={t('recompute.title', 'Số liệu đã được tính lại')}
              empty={t('recompute.none', 'Không có số liệu nào thay đổi.')}
              rowData={(change) => ({ path: change.path })}
              testId="changes-table"
              rowTestId="change-row"
            />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button onClick={onClose} data-testid="changes-close">
            {t('dialog.close', 'Đóng')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Issuing a draft, confirmed, with its number: the report becomes read-only. */
export const IssueDialog = ({
  report,
  open,
  onClose,
  onIssued,
  onConflict,
}: {
  report: Report;
  open: boolean;
  onClose: () => void;
  onIssued: (report: Report) => void;
  onConflict: () => void;
}) => {
  const t = useT();
  const api = useApi();
  const [number, setNumber] = React.useState('');

  React.useEffect(() => {
    // A number stored with its symbol ("125/BC-STNMT") is offered as the number only.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    if (open) setNumber(numberOnly(report.number) ?? '');
  }, [open, report.number]);

  return (
    <FormDialog
      open={open}
      title={t('issue.title', 'Ban hành báo cáo')}
      onClose={onClose}
      validate={() =>
        number.trim() ? null : { number: t('issue.numberRequired', 'Vui lòng nhập số báo cáo.') }
      }
      onSubmit={async () =>
        onIssued(await api.issue(report.documentId, { version: report.version, number: number.trim() }))
      }
      onProblem={(problem) => {
        if (!isConflict(problem)) return false;
        onConflict();
        return true;
      }}
      submitLabel={t('issue.action', 'Ban hành')}
      submitVariant="success"
      fields={['number']}
      testId="issue-dialog"
    >
      {({ errors, clearError }) => (
        <>
          <Box padding={4} background="warning100" hasRadius>
            <Typography textColor="warning700">
              {t(
                'issue.confirm',
                'Sau khi ban hành, số liệu và nội dung của báo cáo “{title}” không thể sửa hoặc tính lại. Tiếp tục?',
                { title: report.title }
              )}
            </Typography>
          </Box>
          <TextField
            name="number"
            error={errors.number}
            required
            hint={t(
              'field.numberHint',
              'Chỉ nhập số, ví dụ: 125. Ký hiệu "/BC-…" được ghi tự động theo thông tin cơ quan của kỳ báo cáo.'
            )}
            label={t('field.number', 'Số báo cáo')}
            testId="issue-number"
            value={number}
            inputMode="numeric"
            maxLength={20}
            onChange={(value) => {
              setNumber(value);
              clearError('number');
            }}
          />
        </>
      )}
    </FormDialog>
  );
};
