import * as React from 'react';
import { numberOnly } from '../../../server/src/domain/document-format';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { isConflict, problemOf, useApi, type Change, type Report } from '../api';
import { useT } from '../i18n';
import { Empty, OtherErrors } from './common';

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
  return (
    <Modal.Root open={changes !== null} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
          <Modal.Title>{t('recompute.title', 'Số liệu đã được tính lại')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="changes-dialog">
            {!changes || changes.length === 0 ? (
              <Empty testId="changes-none">{t('recompute.none', 'Không có số liệu nào thay đổi.')}</Empty>
            ) : (
              <>
                <Typography textColor="neutral700">
                  {t('recompute.count', '{count} số liệu thay đổi:', { count: changes.length })}
                </Typography>
                <Table colCount={3} rowCount={changes.length + 1} data-testid="changes-table">
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('recompute.path', 'Số liệu')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('recompute.before', 'Trước')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('recompute.after', 'Sau')}</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {changes.map((change) => (
                      <Tr key={change.path} data-testid="change-row" data-path={change.path}>
                        <Td>
                          <Typography textColor="neutral800">{change.path}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral600">{show(change.before)}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral800" fontWeight="semiBold">
                            → {show(change.after)}
                          </Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </>
            )}
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
  const { locale } = useIntl();
  const [number, setNumber] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    // A number stored with its symbol ("125/BC-STNMT") is offered as the number only.
    setNumber(numberOnly(report.number) ?? '');
    setErrors({});
  }, [open, report.number]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!number.trim()) {
      setErrors({ number: t('issue.numberRequired', 'Vui lòng nhập số báo cáo.') });
      return;
    }
    setBusy(true);
    try {
      onIssued(await api.issue(report.documentId, { version: report.version, number: number.trim() }));
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      if (isConflict(problem)) {
        onConflict();
        return;
      }
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate data-testid="issue-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{t('issue.title', 'Ban hành báo cáo')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Box padding={4} background="warning100" hasRadius>
                <Typography textColor="warning700">
                  {t(
                    'issue.confirm',
                    'Sau khi ban hành, số liệu và nội dung của báo cáo “{title}” không thể sửa hoặc tính lại. Tiếp tục?',
                    { title: report.title }
                  )}
                </Typography>
              </Box>
              <Field.Root
                name="number"
                error={errors.number}
                required
                hint={t(
                  'field.numberHint',
                  'Chỉ nhập số, ví dụ: 125. Ký hiệu "/BC-…" được ghi tự động theo thông tin cơ quan của kỳ báo cáo.'
                )}
              >
                <Field.Label>{t('field.number', 'Số báo cáo')}</Field.Label>
                <TextInput
                  data-testid="issue-number"
                  value={number}
                  inputMode="numeric"
                  maxLength={20}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                    setNumber(event.target.value);
                    setErrors(({ number: _dropped, ...rest }) => rest);
                  }}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <OtherErrors errors={errors} fields={['number']} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" variant="success" loading={busy} data-testid="issue-confirm">
              {t('issue.action', 'Ban hành')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
