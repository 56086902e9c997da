import * as React from 'react';
import { Box, Checkbox, Flex, NumberInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { FormDialog, type FieldErrors, FormField, RadioField, TextField } from '#admin/shared/kit';
import { useApi, type TaskReportInput, type TaskRow } from '../api';
import { useT } from '../i18n';
import { submissionStateLabel } from '../labels';
import { shorten } from '#admin/shared/common';

interface TaskReportDialogProps {
  task: TaskRow | null;
  onClose: () => void;
  onDone: () => void;
}

/**
 * The output count of the items picked, as the server derives it (domain/task-outputs.ts derivedOutputCount): a
 * submission and the article approved from it are one output.
 */
export const outputCountOf = (
  task: TaskRow,
  articles: Set<string>,
  submissions: Set<string>,
  extra: number
) =>
  articles.size +
  (task.linked?.submissions.latest ?? []).filter(
    (submission) =>
      submissions.has(submission.documentId) &&
      !(submission.articleDocumentId && articles.has(submission.articleDocumentId))
  ).length +
  extra;

const toggled = (set: Set<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

/** The linked items ticked, by field of the report. */
type Picks = Record<'articles' | 'submissions', Set<string>>;

const NO_PICKS: Picks = { articles: new Set(), submissions: new Set() };

/**
 * A unit reports the results of one of its tasks (in progress or done): it ticks the task's linked articles and
 * submissions it delivered, and counts the outputs outside the CMS; the output count is derived from them.
 */
export const TaskReportDialog = ({ task, onClose, onDone }: TaskReportDialogProps) => {
  const t = useT();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = React.useState<'in_progress' | 'done'>('in_progress');
  const [results, setResults] = React.useState('');
  const [picks, setPicks] = React.useState<Picks>(NO_PICKS);
  const [extra, setExtra] = React.useState<number | undefined>(undefined);

  React.useEffect(() => {
    if (!task) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setStatus(task.lastReport?.status ?? 'in_progress');
    setResults('');
    setPicks(NO_PICKS);
    setExtra(undefined);
  }, [task]);

  const linked = task?.linked;
  const { articles, submissions } = picks;
  const count = task ? outputCountOf(task, articles, submissions, extra ?? 0) : 0;
  const counted = articles.size > 0 || submissions.size > 0 || extra !== undefined;

  const validate = (): FieldErrors =>
    results.trim() ? {} : { results: t('form.required', 'Vui lòng nhập nội dung.') };

  const submit = async () => {
    if (!task) return;
    const input: TaskReportInput = { planTask: task.documentId, status, results: results.trim() };
    if (articles.size) input.articles = [...articles];
    if (submissions.size) input.submissions = [...submissions];
    if (extra !== undefined) input.extraOutputCount = extra;
    const report = await api.reportTask(input);
    toggleNotification({
      type: 'success',
      message:
        report.outputCount !== null && report.outputCount !== undefined
          ? t('taskReport.savedCount', 'Đã gửi báo cáo kết quả: {count} sản phẩm.', {
              count: report.outputCount,
            })
          : t('taskReport.saved', 'Đã gửi báo cáo kết quả.'),
    });
    onDone();
  };

  return (
    <FormDialog
      open={task !== null}
      title={t('taskReport.title', 'Báo cáo kết quả')}
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      submitLabel={t('taskReport.send', 'Gửi báo cáo')}
      fields={['status', 'results', 'extraOutputCount', 'outputCount']}
      testId="task-report-dialog"
    >
      {({ errors, clearError }) => {
        /** A tick per linked item of one kind (`<kind>s` its field), then how many are not listed. */
        const pickList = <I extends { documentId: string }>(
          kind: 'submission' | 'article',
          { latest, total }: { latest: I[]; total: number },
          label: (item: I) => string
        ) => {
          const field = `${kind}s` as const;
          return (
            <>
              {latest.map((item) => (
                <Checkbox
                  key={item.documentId}
                  checked={picks[field].has(item.documentId)}
                  onCheckedChange={(checked) => {
                    setPicks((was) => ({
                      ...was,
                      [field]: toggled(was[field], item.documentId, checked === true),
                    }));
                    clearError(field);
                  }}
                  data-testid={`task-report-${kind}`}
                >
                  {label(item)}
                </Checkbox>
              ))}
              {total > latest.length && (
                <Typography variant="pi" textColor="neutral600">
                  {t('taskReport.linked.more', 'Chỉ liệt kê {shown} mục mới nhất trong {total} mục.', {
                    shown: latest.length,
                    total,
                  })}
                </Typography>
              )}
            </>
          );
        };
        return (
          <>
            {task && (
              <Box padding={3} background="neutral100" hasRadius>
                <Typography fontWeight="bold">{task.code}</Typography>{' '}
                <Typography textColor="neutral800">{task.content}</Typography>
              </Box>
            )}
            <RadioField
              name="status"
              label={t('taskReport.status', 'Tình hình thực hiện')}
              error={errors.status}
              required
              value={status}
              onChange={setStatus}
              options={[
                {
                  value: 'in_progress',
                  label: t('taskStatus.in_progress', 'Đang thực hiện'),
                  testId: 'task-report-in_progress',
                },
                { value: 'done', label: t('taskStatus.done', 'Đã hoàn thành'), testId: 'task-report-done' },
              ]}
            />
            <TextField
              name="results"
              error={errors.results}
              required
              label={t('taskReport.results', 'Kết quả thực hiện')}
              testId="task-report-results"
              rows={5}
              value={results}
              onChange={(value) => {
                setResults(value);
                clearError('results');
              }}
              multiline
            />
            <Flex
              direction="column"
              alignItems="stretch"
              gap={2}
              tag="fieldset"
              data-testid="task-report-outputs"
            >
              <Typography variant="sigma" textColor="neutral600" tag="legend">
                {t('taskReport.outputs', 'Sản phẩm đã thực hiện')}
              </Typography>
              {!linked || linked.submissions.total + linked.articles.total === 0 ? (
                <Typography variant="pi" textColor="neutral600">
                  {t(
                    'taskReport.outputs.none',
                    'Chưa có tin bài, bài viết nào gắn với nhiệm vụ này; có thể nhập số sản phẩm khác bên dưới.'
                  )}
                </Typography>
              ) : (
                <>
                  {pickList('submission', linked.submissions, (submission) =>
                    t('taskReport.submission', 'Tin bài: {title} ({state})', {
                      title: shorten(submission.title, 80),
                      state: submissionStateLabel(t, submission.state),
                    })
                  )}
                  {pickList('article', linked.articles, (article) =>
                    t('taskReport.article', 'Bài viết: {title} ({state})', {
                      title: shorten(article.title ?? '—', 80),
                      state: article.published
                        ? t('task.linked.published', 'Đã đăng')
                        : t('task.linked.draft', 'Bản nháp'),
                    })
                  )}
                </>
              )}
            </Flex>
            <FormField
              name="extraOutputCount"
              error={errors.extraOutputCount}
              hint={t('taskReport.extra.hint', 'Hội nghị, tập huấn, tài liệu in… không có trong hệ thống.')}
              label={t('taskReport.extra', 'Số sản phẩm khác ngoài hệ thống')}
            >
              <NumberInput
                data-testid="task-report-extra"
                value={extra}
                onValueChange={(value: number | undefined) => {
                  setExtra(value);
                  clearError('extraOutputCount');
                }}
              />
            </FormField>
            <Box
              padding={3}
              background="primary100"
              hasRadius
              data-testid="task-report-count"
              data-count={count}
            >
              <Typography textColor="primary700">
                {counted
                  ? t('taskReport.count', 'Số sản phẩm: {count}', { count })
                  : t('taskReport.count.none', 'Số sản phẩm: chưa chọn')}
                {task?.targetCount
                  ? ` · ${t('taskReport.target', 'chỉ tiêu {target}', { target: task.targetCount })}`
                  : ''}
              </Typography>
              <Typography tag="p" variant="pi" textColor="neutral600">
                {t(
                  'taskReport.count.hint',
                  'Một tin bài và bài viết được duyệt từ tin bài đó tính là một sản phẩm.'
                )}
              </Typography>
            </Box>
          </>
        );
      }}
    </FormDialog>
  );
};
