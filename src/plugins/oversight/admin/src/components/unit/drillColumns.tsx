import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { Column } from '#admin/shared/kit';
import {
  articlePath,
  feedbackPath,
  submissionPath,
  type ArticleRow,
  type FeedbackRow,
  type SubmissionRow,
  type TaskRef,
  type TaskRow,
} from '../../api';
import type { Translate } from '../../i18n';
import {
  articleKindLabel,
  channelLabel,
  feedbackStateLabel,
  isSubmissionState,
  SUBMISSION_STATE_VARIANTS,
  submissionKindLabel,
  submissionStateLabel,
  taskFormLabel,
} from '../../labels';
import { shorten, useDates } from '#admin/shared/common';
import { taskColumns } from '../taskColumns';

type Dates = ReturnType<typeof useDates>;

/** A link that filters the drill-down (a task's figures, a row's task): it stays on the page. */
const FilterLink = ({
  onClick,
  children,
  testId,
}: {
  onClick: () => void;
  children: string;
  testId?: string;
}) => (
  <Link
    href="#"
    onClick={(event: React.MouseEvent) => {
      event.preventDefault();
      onClick();
    }}
    data-testid={testId}
  >
    {children}
  </Link>
);

/** The unit's tasks: the common columns, with their form and channel, their published articles against the target
 * (a link to them) and their open difficulties. */
export const unitTaskColumns = (
  t: Translate,
  dates: Dates,
  openArticles: (task: TaskRow) => void
): Column<TaskRow>[] => {
  const [code, content, ...rest] = taskColumns(t, dates).filter((column) => column.key !== 'target');
  return [
    code,
    {
      ...content,
      // The task's form and channel under its content.
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          {content.cell(row)}
          <Typography variant="pi" textColor="neutral600">
            {[taskFormLabel(t, row.form), row.channel ? channelLabel(t, row.channel) : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Flex>
      ),
    },
    {
      key: 'published',
      header: t('task.published', 'Đã đăng / chỉ tiêu'),
      sortable: true,
      sortValue: (row) => row.publishedArticles ?? 0,
      cell: (row) => (
        <FilterLink onClick={() => openArticles(row)} testId="task-articles">
          {`${row.publishedArticles ?? 0}${row.targetCount ? ` / ${row.targetCount}` : ''}`}
        </FilterLink>
      ),
    },
    ...rest,
    {
      key: 'difficulties',
      header: t('task.difficulties', 'Khó khăn'),
      sortable: true,
      sortValue: (row) => row.openDifficulties ?? 0,
      cell: (row) => (
        <Typography textColor={row.openDifficulties ? 'danger600' : 'neutral500'}>
          {row.openDifficulties ?? 0}
        </Typography>
      ),
    },
  ];
};

const taskColumn = <R extends { planTask: TaskRef | null }>(
  t: Translate,
  filterByTask: (task: TaskRef) => void
): Column<R> => ({
  key: 'task',
  header: t('task.column', 'Nhiệm vụ'),
  sortable: true,
  sortValue: (row) => row.planTask?.code,
  cell: (row) =>
    row.planTask ? (
      <FilterLink onClick={() => row.planTask && filterByTask(row.planTask)}>
        {row.planTask.code ?? t('task.some', 'Nhiệm vụ')}
      </FilterLink>
    ) : (
      <Typography textColor="neutral500">—</Typography>
    ),
});

export const submissionColumns = (
  t: Translate,
  { day, instant }: Dates,
  filterByTask: (task: TaskRef) => void
): Column<SubmissionRow>[] => [
  {
    key: 'title',
    header: t('submission.title', 'Tiêu đề'),
    minWidth: '240px',
    maxWidth: '420px',
    sortable: true,
    sortValue: (row) => row.title,
    cell: (row) => (
      <Link tag={NavLink} to={submissionPath(row.documentId)}>
        {shorten(row.title, 120)}
      </Link>
    ),
  },
  {
    key: 'kind',
    header: t('field.kind', 'Thể loại'),
    cell: (row) => <Typography>{submissionKindLabel(t, row.kind)}</Typography>,
  },
  {
    key: 'state',
    header: t('field.state', 'Trạng thái'),
    sortable: true,
    sortValue: (row) => submissionStateLabel(t, row.state),
    cell: (row) => (
      <Badge variant={isSubmissionState(row.state) ? SUBMISSION_STATE_VARIANTS[row.state] : 'neutral'}>
        {submissionStateLabel(t, row.state)}
      </Badge>
    ),
  },
  {
    key: 'submittedAt',
    header: t('submission.submittedAt', 'Ngày gửi'),
    sortable: true,
    sortValue: (row) => row.submittedAt,
    cell: (row) => <Typography>{instant(row.submittedAt)}</Typography>,
  },
  {
    key: 'dueDate',
    header: t('submission.dueDate', 'Hạn biên tập'),
    sortable: true,
    sortValue: (row) => row.dueDate,
    cell: (row) => <Typography>{day(row.dueDate)}</Typography>,
  },
  taskColumn<SubmissionRow>(t, filterByTask),
];

export const articleColumns = (
  t: Translate,
  { instant }: Dates,
  filterByTask: (task: TaskRef) => void
): Column<ArticleRow>[] => [
  {
    key: 'title',
    header: t('article.title', 'Tiêu đề'),
    minWidth: '240px',
    maxWidth: '460px',
    sortable: true,
    sortValue: (row) => row.title,
    cell: (row) => (
      <Link tag={NavLink} to={articlePath(row.documentId)}>
        {shorten(row.title, 120)}
      </Link>
    ),
  },
  {
    key: 'kind',
    header: t('field.kind', 'Thể loại'),
    cell: (row) => <Typography>{articleKindLabel(t, row.kind)}</Typography>,
  },
  {
    key: 'channel',
    header: t('field.channel', 'Kênh'),
    cell: (row) => <Typography>{channelLabel(t, row.channel)}</Typography>,
  },
  {
    key: 'publishedAt',
    header: t('article.publishedAt', 'Ngày đăng'),
    sortable: true,
    sortValue: (row) => row.publishedAt,
    cell: (row) => <Typography>{instant(row.publishedAt)}</Typography>,
  },
  taskColumn<ArticleRow>(t, filterByTask),
];

export const feedbackColumns = (
  t: Translate,
  { day, instant }: Dates,
  overdueOf: (row: FeedbackRow) => boolean
): Column<FeedbackRow>[] => [
  {
    key: 'receivedAt',
    header: t('feedback.receivedAt', 'Ngày tiếp nhận'),
    sortable: true,
    sortValue: (row) => row.receivedAt,
    cell: (row) => <Typography>{instant(row.receivedAt)}</Typography>,
  },
  {
    key: 'subject',
    header: t('feedback.subject', 'Tiêu đề'),
    minWidth: '240px',
    maxWidth: '420px',
    cell: (row) => (
      <Link tag={NavLink} to={feedbackPath(row.documentId)}>
        {shorten(row.subject, 120)}
      </Link>
    ),
  },
  {
    key: 'state',
    header: t('field.state', 'Trạng thái'),
    cell: (row) => <Typography>{feedbackStateLabel(t, row.state)}</Typography>,
  },
  {
    key: 'dueDate',
    header: t('feedback.dueDate', 'Hạn trả lời'),
    sortable: true,
    sortValue: (row) => row.dueDate,
    cell: (row) => (
      <Typography textColor={overdueOf(row) ? 'danger600' : 'neutral800'}>{day(row.dueDate)}</Typography>
    ),
  },
  {
    key: 'answeredAt',
    header: t('feedback.answeredAt', 'Ngày trả lời'),
    sortable: true,
    sortValue: (row) => row.answeredAt,
    cell: (row) => <Typography>{instant(row.answeredAt)}</Typography>,
  },
  {
    key: 'onTime',
    header: t('feedback.onTime', 'Đúng hạn'),
    cell: (row) =>
      row.onTime === null ? (
        <Typography textColor="neutral500">—</Typography>
      ) : row.onTime ? (
        <Badge variant="success">{t('feedback.onTime.yes', 'Đúng hạn')}</Badge>
      ) : (
        <Badge variant="danger">{t('feedback.onTime.no', 'Trễ hạn')}</Badge>
      ),
  },
];
