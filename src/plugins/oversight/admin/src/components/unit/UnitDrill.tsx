import * as React from 'react';
import { Box, Button, Flex, Tabs } from '@strapi/design-system';
import { Bell, Cross } from '@strapi/icons';
import { useSearchParams } from 'react-router-dom';
import {
  DataTable,
  type DataTableProps,
  FilterBar,
  type FilterDef,
  ListPagination,
  sortRows,
  useUrlFilters,
} from '#admin/shared/kit';
import {
  dayOf,
  useApi,
  type ArticleRow,
  type DrillTab,
  type FeedbackRow,
  type Paginated,
  type SubmissionRow,
  type TaskRef,
  type TaskRow,
} from '../../api';
import { tm, useT } from '../../i18n';
import {
  ARTICLE_CHANNELS,
  ARTICLE_KINDS,
  FEEDBACK_FILTERS,
  FEEDBACK_FILTER_LABELS,
  SUBMISSION_STATES,
  TASK_STATUSES,
  articleKindLabel,
  channelLabel,
  submissionStateLabel,
  taskStatusLabel,
} from '../../labels';
import { shorten, useDates, useLoader } from '#admin/shared/common';
import type { ReminderTarget } from '../ReminderDialog';
import { articleColumns, feedbackColumns, submissionColumns, unitTaskColumns } from './drillColumns';

export const DRILL_TABS: DrillTab[] = ['tasks', 'submissions', 'articles', 'feedback'];
const FILTERS = ['status', 'state', 'kind', 'channel', 'filter', 'task'] as const;
type FilterName = (typeof FILTERS)[number];

/** Feedback states in which the unit owes an answer. */
const WAITING_FOR_UNIT = ['assigned', 'answer_drafted'];

type Rows =
  | { tab: 'tasks'; page: Paginated<TaskRow> }
  | { tab: 'submissions'; page: Paginated<SubmissionRow> }
  | { tab: 'articles'; page: Paginated<ArticleRow> }
  | { tab: 'feedback'; page: Paginated<FeedbackRow> };

interface UnitDrillProps {
  unitId: string;
  year: number | undefined;
  /** The Office's "Đôn đốc" on a task or an overdue feedback row; none for those who only read. */
  onRemind?: (target: ReminderTarget) => void;
}

/** One tab's table: its rows sorted in the browser (one page of them), with the kit's table, keyed by documentId. */
function DrillTable<T extends { documentId: string }>({
  rows,
  columns,
  ...props
}: Omit<DataTableProps<T>, 'sort' | 'onSort' | 'rowKey'>) {
  const { sort, setSort } = useUrlFilters([]);
  return (
    <DataTable
      {...props}
      rows={sortRows(rows, columns, sort)}
      columns={columns}
      rowKey={(row) => row.documentId}
      sort={sort}
      onSort={setSort}
    />
  );
}

/**
 * A unit's figures, tab by tab (tasks, submissions, articles, feedback), each filtered as the dashboard's figure
 * that leads here; tab, filters, sort and page live in the URL.
 */
export const UnitDrill = ({ unitId, year, onRemind }: UnitDrillProps) => {
  const t = useT();
  const api = useApi();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const { values, setFilter, clearFilters, page, pageSize } = useUrlFilters(FILTERS);
  const tab: DrillTab = DRILL_TABS.includes(params.get('tab') as DrillTab)
    ? (params.get('tab') as DrillTab)
    : 'tasks';
  const { status, state, kind, channel, filter, task } = values;

  const rows = useLoader<Rows>(async () => {
    const common = { year, page, pageSize };
    switch (tab) {
      case 'submissions':
        return { tab, page: await api.listSubmissions(unitId, { ...common, state, task }) };
      case 'articles':
        return { tab, page: await api.listArticles(unitId, { ...common, kind, channel, task }) };
      case 'feedback':
        return { tab, page: await api.listFeedback(unitId, { ...common, filter }) };
      default:
        return { tab: 'tasks', page: await api.listTasks(unitId, { ...common, status }) };
    }
  }, [api, unitId, tab, year, page, pageSize, status, state, kind, channel, filter, task]);

  /** Another tab, its filters (and sort, page) cleared; `task` filters it by a task. */
  const open = (next: DrillTab, taskId?: string) =>
    setParams((previous) => {
      const query = new URLSearchParams(previous);
      for (const name of [...FILTERS, 'sort', 'page']) query.delete(name);
      query.set('tab', next);
      if (taskId) query.set('task', taskId);
      return query;
    });
  const filterByTask = (ref: TaskRef) => setFilter('task', ref.documentId);

  const options = (values: readonly string[], label: (value: string) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const filterDefs: Record<DrillTab, FilterDef<FilterName>[]> = {
    tasks: [
      {
        kind: 'select',
        name: 'status',
        label: t('field.status', 'Trạng thái'),
        options: options(TASK_STATUSES, (value) => taskStatusLabel(t, value)),
      },
    ],
    submissions: [
      {
        kind: 'select',
        name: 'state',
        label: t('field.state', 'Trạng thái'),
        options: options(SUBMISSION_STATES, (value) => submissionStateLabel(t, value)),
      },
    ],
    articles: [
      {
        kind: 'select',
        name: 'kind',
        label: t('field.kind', 'Thể loại'),
        options: options(ARTICLE_KINDS, (value) => articleKindLabel(t, value)),
      },
      {
        kind: 'select',
        name: 'channel',
        label: t('field.channel', 'Kênh'),
        options: options(ARTICLE_CHANNELS, (value) => channelLabel(t, value)),
      },
    ],
    feedback: [
      {
        kind: 'select',
        name: 'filter',
        label: t('field.feedbackFilter', 'Phản ánh, kiến nghị'),
        options: FEEDBACK_FILTERS.map((value) => ({ value, label: tm(t, FEEDBACK_FILTER_LABELS[value]) })),
      },
    ],
  };

  // The feedback rows say whether they were answered on time, not whether they are overdue: those waiting for
  // the unit's answer past their due date are (and, under the overdue filter, every row).
  const overdueOf = (row: FeedbackRow) =>
    row.overdue ??
    (filter === 'overdue' ||
      (!row.answeredAt &&
        WAITING_FOR_UNIT.includes(row.state) &&
        row.dueDate !== null &&
        row.dueDate < dayOf(new Date())));

  const remindButton = (target: ReminderTarget, danger: boolean, testId: string) =>
    onRemind && (
      <Button
        size="S"
        variant={danger ? 'danger-light' : 'tertiary'}
        startIcon={<Bell />}
        onClick={() => onRemind(target)}
        data-testid={testId}
      >
        {t('reminder.one', 'Đôn đốc')}
      </Button>
    );

  const loaded = rows.data && rows.data.tab === tab ? rows.data : null;
  const table = () => {
    const common = {
      loading: rows.loading,
      empty: t('drill.empty', 'Không có mục nào phù hợp.'),
      testId: `${tab}-table`,
    };
    if (!loaded)
      return <DataTable rows={[]} columns={[]} rowKey={() => ''} label="" {...common} testId="drill" />;
    /** The table of the loaded tab: its rows, and what its columns, rows and actions are. */
    const drill = <T extends { documentId: string }>(
      rows: T[],
      props: Pick<DataTableProps<T>, 'columns' | 'rowTestId' | 'highlight' | 'rowData' | 'actions'>
    ) => <DrillTable<T> {...common} label={tabLabels[tab]} rows={rows} {...props} />;
    switch (loaded.tab) {
      case 'tasks':
        return drill(loaded.page.results, {
          columns: unitTaskColumns(t, dates, (row) => open('articles', row.documentId)),
          highlight: (row) => row.status === 'overdue',
          rowData: (row) => ({ status: row.status, code: row.code }),
          rowTestId: 'task-row',
          actions:
            onRemind &&
            ((row) =>
              remindButton(
                {
                  type: 'task',
                  documentId: row.documentId,
                  label: `${row.code ?? ''} ${shorten(row.content, 100)}`.trim(),
                },
                row.status === 'overdue',
                'task-remind'
              )),
        });
      case 'submissions':
        return drill(loaded.page.results, {
          columns: submissionColumns(t, dates, filterByTask),
          rowData: (row) => ({ state: row.state }),
          rowTestId: 'submission-row',
        });
      case 'articles':
        return drill(loaded.page.results, {
          columns: articleColumns(t, dates, filterByTask),
          rowTestId: 'article-row',
        });
      case 'feedback':
        return drill(loaded.page.results, {
          columns: feedbackColumns(t, dates, overdueOf),
          highlight: overdueOf,
          rowData: (row) => ({ overdue: overdueOf(row) }),
          rowTestId: 'feedback-row',
          actions:
            onRemind &&
            ((row) =>
              overdueOf(row)
                ? remindButton(
                    { type: 'feedback', documentId: row.documentId, label: shorten(row.subject, 100) },
                    true,
                    'feedback-remind'
                  )
                : null),
        });
    }
  };

  const tabLabels: Record<DrillTab, string> = {
    tasks: t('tab.tasks', 'Nhiệm vụ'),
    submissions: t('tab.submissions', 'Tin bài đơn vị gửi'),
    articles: t('tab.articles', 'Tin bài đã đăng'),
    feedback: t('tab.feedback', 'Phản ánh, kiến nghị'),
  };
  // The task filtered by, named by its code when a row shows it.
  const taskCode =
    task &&
    ((loaded?.page.results as { planTask?: TaskRef | null }[] | undefined)?.find(
      (row) => row.planTask?.documentId === task
    )?.planTask?.code ??
      task);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Tabs.Root value={tab} onValueChange={(next) => open(next as DrillTab)} variant="simple">
        <Tabs.List aria-label={t('tab.label', 'Số liệu của đơn vị')}>
          {DRILL_TABS.map((value) => (
            <Tabs.Trigger key={value} value={value} data-testid={`tab-${value}`}>
              {tabLabels[value]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value={tab}>
          <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
            <Flex gap={3} wrap="wrap" alignItems="flex-end">
              <FilterBar
                filters={filterDefs[tab]}
                values={values}
                onChange={setFilter}
                onClear={clearFilters}
              />
              {task && (tab === 'submissions' || tab === 'articles') && (
                <Button
                  variant="tertiary"
                  size="S"
                  endIcon={<Cross />}
                  onClick={() => setFilter('task', undefined)}
                  data-testid="filter-task"
                >
                  {t('filter.task', 'Nhiệm vụ {code}', { code: taskCode ?? '' })}
                </Button>
              )}
            </Flex>
            {table()}
            <ListPagination pagination={loaded?.page.pagination} />
          </Flex>
        </Tabs.Content>
      </Tabs.Root>
    </Box>
  );
};
