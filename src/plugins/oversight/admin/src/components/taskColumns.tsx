import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { Column } from '#admin/shared/kit';
import { articlePath, submissionPath, type TaskRow } from '../api';
import type { Translate } from '../i18n';
import {
  isSubmissionState,
  isTaskStatus,
  SUBMISSION_STATE_VARIANTS,
  submissionStateLabel,
  TASK_STATUS_VARIANTS,
  TASK_STATUSES,
  taskStatusLabel,
} from '../labels';
import { shorten, useDates } from '#admin/shared/common';

type Dates = ReturnType<typeof useDates>;

/** The submissions and articles linked to a task (the latest few, and how many more), each a link to its page. */
export const LinkedOutputs = ({ task, t }: { task: TaskRow; t: Translate }) => {
  const linked = task.linked;
  if (!linked || linked.articles.total + linked.submissions.total === 0)
    return (
      <Typography variant="pi" textColor="neutral500">
        {t('task.linked.none', 'Chưa có tin bài nào gắn với nhiệm vụ')}
      </Typography>
    );
  const more = (total: number, shown: number) =>
    total > shown ? (
      <Typography variant="pi" textColor="neutral600">
        {t('task.linked.more', 'và {count} mục khác', { count: total - shown })}
      </Typography>
    ) : null;
  const group = (label: string) => (
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
  );
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="task-linked">
      {linked.submissions.total > 0 && group(t('task.linked.submissions', 'Tin bài đơn vị gửi'))}
      {linked.submissions.latest.map((submission) => (
        <Flex key={submission.documentId} gap={1} wrap="wrap" data-testid="task-linked-submission">
          <Link tag={NavLink} to={submissionPath(submission.documentId)}>
            {shorten(submission.title, 60)}
          </Link>
          <Badge
            size="S"
            variant={
              isSubmissionState(submission.state) ? SUBMISSION_STATE_VARIANTS[submission.state] : 'neutral'
            }
          >
            {submissionStateLabel(t, submission.state)}
          </Badge>
        </Flex>
      ))}
      {more(linked.submissions.total, linked.submissions.latest.length)}
      {linked.articles.total > 0 && group(t('task.linked.articles', 'Bài viết'))}
      {linked.articles.latest.map((article) => (
        <Flex key={article.documentId} gap={1} wrap="wrap" data-testid="task-linked-article">
          <Link tag={NavLink} to={articlePath(article.documentId)}>
            {shorten(article.title ?? t('task.linked.untitled', 'Bài viết chưa có tiêu đề'), 60)}
          </Link>
          <Badge size="S" variant={article.published ? 'success' : 'neutral'}>
            {article.published ? t('task.linked.published', 'Đã đăng') : t('task.linked.draft', 'Bản nháp')}
          </Badge>
        </Flex>
      ))}
      {more(linked.articles.total, linked.articles.latest.length)}
    </Flex>
  );
};

/** The columns every list of tasks shows: code, content, target, due date, status, linked outputs, last report. */
export const taskColumns = (t: Translate, { day, instant }: Dates): Column<TaskRow>[] => [
  {
    key: 'code',
    header: t('task.code', 'Mã'),
    sortable: true,
    sortValue: (row) => row.code,
    cell: (row) => <Typography fontWeight="bold">{row.code ?? '—'}</Typography>,
  },
  {
    key: 'content',
    header: t('task.content', 'Nhiệm vụ'),
    minWidth: '220px',
    maxWidth: '340px',
    cell: (row) => <Typography textColor="neutral800">{shorten(row.content, 200)}</Typography>,
  },
  {
    key: 'target',
    header: t('task.target', 'Chỉ tiêu'),
    sortable: true,
    sortValue: (row) => row.targetCount,
    cell: (row) => <Typography>{row.targetCount ?? '—'}</Typography>,
  },
  {
    key: 'dueDate',
    header: t('task.dueDate', 'Thời hạn'),
    sortable: true,
    sortValue: (row) => row.dueDate,
    cell: (row) => (
      <Typography textColor={row.status === 'overdue' ? 'danger600' : 'neutral800'}>
        {day(row.dueDate)}
      </Typography>
    ),
  },
  {
    key: 'status',
    header: t('field.status', 'Trạng thái'),
    sortable: true,
    sortValue: (row) => TASK_STATUSES.indexOf(row.status),
    cell: (row) =>
      isTaskStatus(row.status) ? (
        <Badge variant={TASK_STATUS_VARIANTS[row.status]} data-testid="task-status" data-status={row.status}>
          {taskStatusLabel(t, row.status)}
        </Badge>
      ) : (
        <Typography>{row.status}</Typography>
      ),
  },
  {
    key: 'linked',
    header: t('task.linked', 'Tin bài, bài viết'),
    minWidth: '180px',
    maxWidth: '260px',
    cell: (row) => <LinkedOutputs task={row} t={t} />,
  },
  {
    key: 'lastReport',
    header: t('task.lastReport', 'Báo cáo gần nhất'),
    minWidth: '160px',
    maxWidth: '240px',
    sortable: true,
    sortValue: (row) => row.lastReport?.reportedAt,
    cell: (row) =>
      row.lastReport ? (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">
            {`${instant(row.lastReport.reportedAt)} · ${row.lastReport.reportedByName}`}
          </Typography>
          <Typography variant="pi" textColor="neutral800">
            {shorten(row.lastReport.results, 160)}
          </Typography>
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral500">
          {t('task.noReport', 'Chưa báo cáo')}
        </Typography>
      ),
  },
];
