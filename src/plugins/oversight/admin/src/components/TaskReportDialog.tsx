import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  Radio,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, useApi, type TaskReportInput, type TaskRow } from '../api';
import { useT } from '../i18n';
import { OtherErrors } from './common';

interface TaskReportDialogProps {
  task: TaskRow | null;
  onClose: () => void;
  onDone: () => void;
}

const FIELDS = ['status', 'results', 'outputCount'];

/** A unit reports the results of one of its tasks (in progress or done); the latest report sets its status. */
export const TaskReportDialog = ({ task, onClose, onDone }: TaskReportDialogProps) => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = React.useState<'in_progress' | 'done'>('in_progress');
  const [results, setResults] = React.useState('');
  const [outputCount, setOutputCount] = React.useState<number | undefined>(undefined);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!task) return;
    setErrors({});
    setStatus(task.lastReport?.status ?? 'in_progress');
    setResults('');
    setOutputCount(undefined);
  }, [task]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!task || busy) return;
    if (!results.trim()) {
      setErrors({ results: t('form.required', 'Vui lòng nhập nội dung.') });
      return;
    }
    const input: TaskReportInput = { planTask: task.documentId, status, results: results.trim() };
    if (outputCount !== undefined) input.outputCount = outputCount;
    setBusy(true);
    try {
      await api.reportTask(input);
      toggleNotification({ type: 'success', message: t('taskReport.saved', 'Đã gửi báo cáo kết quả.') });
      onDone();
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={task !== null} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={save} noValidate data-testid="task-report-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{t('taskReport.title', 'Báo cáo kết quả')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {task && (
                <Box padding={3} background="neutral100" hasRadius>
                  <Typography fontWeight="bold">{task.code}</Typography>{' '}
                  <Typography textColor="neutral800">{task.content}</Typography>
                </Box>
              )}
              <Field.Root name="status" error={errors.status} required>
                <Field.Label>{t('taskReport.status', 'Tình hình thực hiện')}</Field.Label>
                <Radio.Group
                  value={status}
                  onValueChange={(value: string) => setStatus(value === 'done' ? 'done' : 'in_progress')}
                  aria-label={t('taskReport.status', 'Tình hình thực hiện')}
                >
                  <Radio.Item value="in_progress" data-testid="task-report-in_progress">
                    {t('taskStatus.in_progress', 'Đang thực hiện')}
                  </Radio.Item>
                  <Radio.Item value="done" data-testid="task-report-done">
                    {t('taskStatus.done', 'Đã hoàn thành')}
                  </Radio.Item>
                </Radio.Group>
                <Field.Error />
              </Field.Root>
              <Field.Root name="results" error={errors.results} required>
                <Field.Label>{t('taskReport.results', 'Kết quả thực hiện')}</Field.Label>
                <Textarea
                  data-testid="task-report-results"
                  rows={6}
                  value={results}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setResults(event.target.value);
                    setErrors(({ results: _dropped, ...rest }) => rest);
                  }}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="outputCount"
                error={errors.outputCount}
                hint={
                  task?.targetCount
                    ? t('taskReport.outputCount.hint', 'Chỉ tiêu của nhiệm vụ: {target}.', {
                        target: task.targetCount,
                      })
                    : undefined
                }
              >
                <Field.Label>{t('taskReport.outputCount', 'Số sản phẩm đã thực hiện')}</Field.Label>
                <NumberInput
                  data-testid="task-report-outputCount"
                  value={outputCount}
                  onValueChange={(value: number | undefined) => setOutputCount(value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <OtherErrors errors={errors} fields={FIELDS} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" loading={busy} data-testid="task-report-save">
              {t('taskReport.send', 'Gửi báo cáo')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
