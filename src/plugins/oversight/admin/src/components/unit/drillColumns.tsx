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

/** The title of a row, a link to its page (120 characters at most); sortable unless said otherwise. */
const titleColumn = <R extends { documentId: string }>(
  key: string,
  header: string,
  maxWidth: string,
  title: (row: R) => string,
  pathOf: (documentId: string) => string,
  sortable = true
): Column<R> => ({
  key,
  header,
  minWidth: '240px',
  maxWidth,
  ...(sortable ? { sortable, sortValue: title } : {}),
  cell: (row) => (
    <Link tag={NavLink} to={pathOf(row.documentId)}>
      {shorten(title(row), 120)}
    </Link>
  ),
});

/** A coded value (kind, channel, state) by its label. */
const labelColumn = <R,>(key: string, header: string, label: (row: R) => string): Column<R> => ({
  key,
  header,
  cell: (row) => <Typography>{label(row)}</Typography>,
});

/** A day or an instant, `format`ted, sorted by its value. */
const dateColumn = <R,>(
  key: string,
  header: string,
  value: (row: R) => string | null,
  format: (value: string | null) => string
): Column<R> => ({
  key,
  header,
  sortable: true,
  sortValue: value,
  cell: (row) => <Typography>{format(value(row))}</Typography>,
});

export const submissionColumns = (
  t: Translate,
  { day, instant }: Dates,
  filterByTask: (task: TaskRef) => void
): Column<SubmissionRow>[] => [
  titleColumn('title', t('submission.title', 'Tiêu đề'), '420px', (row) => row.title, submissionPath),
  labelColumn('kind', t('field.kind', 'Thể loại'), (row) => submissionKindLabel(t, row.kind)),
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
  dateColumn('submittedAt', t('submission.submittedAt', 'Ngày gửi'), (row) => row.submittedAt, instant),
  dateColumn('dueDate', t('submission.dueDate', 'Hạn biên tập'), (row) => row.dueDate, day),
  taskColumn<SubmissionRow>(t, filterByTask),
];

export const articleColumns = (
  t: Translate,
  { instant }: Dates,
  filterByTask: (task: TaskRef) => void
): Column<ArticleRow>[] => [
  titleColumn('title', t('article.title', 'Tiêu đề'), '460px', (row) => row.title, articlePath),
  labelColumn('kind', t('field.kind', 'Thể loại'), (row) => articleKindLabel(t, row.kind)),
  labelColumn('channel', t('field.channel', 'Kênh'), (row) => channelLabel(t, row.channel)),
  dateColumn('publishedAt', t('article.publishedAt', 'Ngày đăng'), (row) => row.publishedAt, instant),
  taskColumn<ArticleRow>(t, filterByTask),
];

export const feedbackColumns = (
  t: Translate,
  { day, instant }: Dates,
  overdueOf: (row: FeedbackRow) => boolean
): Column<FeedbackRow>[] => [
  dateColumn('receivedAt', t('feedback.receivedAt', 'Ngày tiếp nhận'), (row) => row.receivedAt, instant),
  titleColumn(
    'subject',
    t('feedback.subject', 'Tiêu đề'),
    '420px',
    (row) => row.subject,
    feedbackPath,
    false
  ),
  labelColumn('state', t('field.state', 'Trạng thái'), (row) => feedbackStateLabel(t, row.state)),
  {
    key: 'dueDate',
    header: t('feedback.dueDate', 'Hạn trả lời'),
    sortable: true,
    sortValue: (row) => row.dueDate,
    cell: (row) => (
      <Typography textColor={overdueOf(row) ? 'danger600' : 'neutral800'}>{day(row.dueDate)}</Typography>
    ),
  },
  dateColumn('answeredAt', t('feedback.answeredAt', 'Ngày trả lời'), (row) => row.answeredAt, instant),
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
