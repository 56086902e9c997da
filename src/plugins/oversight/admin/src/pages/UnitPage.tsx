import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Bell, Cross, Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import {
  articlePath,
  dayOf,
  feedbackPath,
  PLUGIN_PATH,
  submissionPath,
  useApi,
  type ArticleRow,
  type DrillTab,
  type FeedbackRow,
  type Paginated,
  type SubmissionRow,
  type TaskRow,
  type UnitRef,
} from '../api';
import { Empty, Pager, shorten, useDates, useLoader, WRAP } from '../components/common';
import { DifficultyList } from '../components/DifficultyList';
import { InspectionDialog, InspectionList } from '../components/Inspections';
import { useOptions } from '../components/OptionsContext';
import { ReminderDialog, type ReminderTarget } from '../components/ReminderDialog';
import { ReminderList } from '../components/ReminderList';
import { useTestIdRef } from '../components/testId';
import { tm, useT } from '../i18n';
import {
  ARTICLE_CHANNELS,
  ARTICLE_KINDS,
  FEEDBACK_FILTERS,
  FEEDBACK_FILTER_LABELS,
  SUBMISSION_STATES,
  SUBMISSION_STATE_VARIANTS,
  TASK_STATUSES,
  TASK_STATUS_VARIANTS,
  articleKindLabel,
  channelLabel,
  feedbackStateLabel,
  isSubmissionState,
  isTaskStatus,
  submissionKindLabel,
  submissionStateLabel,
  taskFormLabel,
  taskStatusLabel,
} from '../labels';
import { Section } from '../../../../../admin/shared/Section';

/** Feedback states in which the unit owes an answer. */
const WAITING_FOR_UNIT = ['assigned', 'answer_drafted'];

const TABS: DrillTab[] = ['tasks', 'submissions', 'articles', 'feedback'];
const FILTER_KEYS = ['status', 'state', 'kind', 'channel', 'filter', 'task'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

interface UnitQuery {
  year?: string;
  tab?: string;
  status?: string;
  state?: string;
  kind?: string;
  channel?: string;
  filter?: string;
  task?: string;
  page?: string;
  pageSize?: string;
}

type Rows =
  | { tab: 'tasks'; page: Paginated<TaskRow> }
  | { tab: 'submissions'; page: Paginated<SubmissionRow> }
  | { tab: 'articles'; page: Paginated<ArticleRow> }
  | { tab: 'feedback'; page: Paginated<FeedbackRow> };

const key = (target: Pick<ReminderTarget, 'type' | 'documentId'>) => `${target.type}:${target.documentId}`;

/** One unit's drill-down: its tasks, submissions, articles and feedback, reminders, checks and difficulties. */
export const UnitPage = () => {
  const { unitId = '' } = useParams<{ unitId: string }>();
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { day, instant } = useDates();
  const [{ query }, setQuery] = useQueryParams<UnitQuery>();
  const [selected, setSelected] = React.useState<Map<string, ReminderTarget>>(new Map());
  const [reminding, setReminding] = React.useState<ReminderTarget[] | null>(null);
  const [inspecting, setInspecting] = React.useState(false);
  const [reminderPage, setReminderPage] = React.useState(1);
  const [inspectionPage, setInspectionPage] = React.useState(1);
  const [difficultyPage, setDifficultyPage] = React.useState(1);
  const statusRef = useTestIdRef('filter-status');
  const stateRef = useTestIdRef('filter-state');
  const kindRef = useTestIdRef('filter-kind');
  const channelRef = useTestIdRef('filter-channel');
  const feedbackFilterRef = useTestIdRef('filter-filter');

  const tab: DrillTab = TABS.includes(query.tab as DrillTab) ? (query.tab as DrillTab) : 'tasks';
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 20;
  const year = query.year ? Number(query.year) : undefined;
  const { status, state, kind, channel, filter, task } = query;
  const known = options.units.find((unit) => String(unit.id) === unitId);
  const canManage = options.access.canManage;

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

  const reminders = useLoader(
    () => api.listReminders({ unit: unitId, page: reminderPage, pageSize: 5 }),
    [api, unitId, reminderPage]
  );
  const inspections = useLoader(
    () => api.listInspections({ unit: unitId, page: inspectionPage, pageSize: 5 }),
    [api, unitId, inspectionPage]
  );
  const difficulties = useLoader(
    () => api.listDifficulties({ unit: unitId, page: difficultyPage, pageSize: 5 }),
    [api, unitId, difficultyPage]
  );

  const unit = React.useMemo<UnitRef | null>(
    () => (known ? { id: known.id, code: known.code, name: known.name } : null),
    [known]
  );
  const unitName = unit?.name ?? t('unit.unknown', 'Đơn vị {id}', { id: unitId });

  const setTab = (next: string) => {
    const cleared = Object.fromEntries(FILTER_KEYS.map((name) => [name, undefined]));
    setQuery({ ...cleared, tab: next, page: '1' });
  };
  const setFilter = (name: FilterKey, value: string | undefined) =>
    setQuery({ [name]: value || undefined, page: '1' });
  /** From a task's figures: its submissions or articles. */
  const openForTask = (next: 'submissions' | 'articles', documentId: string) => {
    const cleared = Object.fromEntries(FILTER_KEYS.map((name) => [name, undefined]));
    setQuery({ ...cleared, tab: next, task: documentId, page: '1' });
  };

  const toggle = (target: ReminderTarget, checked: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      if (checked) next.set(key(target), target);
      else next.delete(key(target));
      return next;
    });

  const taskTarget = (row: TaskRow): ReminderTarget => ({
    type: 'task',
    documentId: row.documentId,
    label: `${row.code ?? ''} ${shorten(row.content, 100)}`.trim(),
  });
  const feedbackTarget = (row: FeedbackRow): ReminderTarget => ({
    type: 'feedback',
    documentId: row.documentId,
    label: shorten(row.subject, 100),
  });

  const selectFilter = (
    name: FilterKey,
    label: string,
    choices: { value: string; label: string }[],
    ref: (node: HTMLElement | null) => void
  ) => (
    <Box minWidth="200px">
      <Field.Root name={`filter-${name}`} id={`oversight-filter-${name}`}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          ref={ref}
          size="S"
          value={query[name] ?? null}
          placeholder={t('filter.all', 'Tất cả')}
          onChange={(value) => setFilter(name, String(value))}
          onClear={() => setFilter(name, undefined)}
          clearLabel={t('filter.clear', 'Bỏ lọc {name}', { name: label })}
        >
          {choices.map((choice) => (
            <SingleSelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );

  const filters = () => {
    switch (tab) {
      case 'tasks':
        return selectFilter(
          'status',
          t('field.status', 'Trạng thái'),
          TASK_STATUSES.map((value) => ({ value, label: taskStatusLabel(t, value) })),
          statusRef
        );
      case 'submissions':
        return selectFilter(
          'state',
          t('field.state', 'Trạng thái'),
          SUBMISSION_STATES.map((value) => ({ value, label: submissionStateLabel(t, value) })),
          stateRef
        );
      case 'articles':
        return (
          <>
            {selectFilter(
              'kind',
              t('field.kind', 'Thể loại'),
              ARTICLE_KINDS.map((value) => ({ value, label: articleKindLabel(t, value) })),
              kindRef
            )}
            {selectFilter(
              'channel',
              t('field.channel', 'Kênh'),
              ARTICLE_CHANNELS.map((value) => ({ value, label: channelLabel(t, value) })),
              channelRef
            )}
          </>
        );
      default:
        return selectFilter(
          'filter',
          t('field.feedbackFilter', 'Phản ánh, kiến nghị'),
          FEEDBACK_FILTERS.map((value) => ({ value, label: tm(t, FEEDBACK_FILTER_LABELS[value]) })),
          feedbackFilterRef
        );
    }
  };

  const header = (labels: string[]) => (
    <Thead>
      <Tr>
        {labels.map((label, index) => (
          <Th key={`${label}-${index}`}>
            <Typography variant="sigma" style={{ whiteSpace: 'normal' }}>
              {label}
            </Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );

  const checkboxCell = (target: ReminderTarget, label: string) => (
    <Td>
      <Checkbox
        aria-label={label}
        checked={selected.has(key(target))}
        onCheckedChange={(checked) => toggle(target, checked === true)}
        data-testid="select-item"
      />
    </Td>
  );

  const tasksTable = (results: TaskRow[]) => {
    const labels = [
      ...(canManage ? [''] : []),
      t('task.code', 'Mã'),
      t('task.content', 'Nhiệm vụ'),
      t('task.form', 'Hình thức, kênh'),
      t('task.target', 'Chỉ tiêu'),
      t('task.dueDate', 'Thời hạn'),
      t('field.status', 'Trạng thái'),
      t('task.submissions', 'Tin bài đã gửi'),
      t('task.published', 'Đã đăng'),
      t('task.lastReport', 'Báo cáo gần nhất'),
      t('task.difficulties', 'Khó khăn'),
      ...(canManage ? [''] : []),
    ];
    return (
      <Table colCount={labels.length} rowCount={results.length + 1} data-testid="tasks-table">
        {header(labels)}
        <Tbody>
          {results.map((row) => (
            <Tr key={row.documentId} data-testid="task-row" data-status={row.status} data-code={row.code}>
              {canManage &&
                checkboxCell(
                  taskTarget(row),
                  t('task.select', 'Chọn nhiệm vụ {code}', { code: row.code ?? '' })
                )}
              <Td>
                <Typography fontWeight="bold">{row.code ?? '—'}</Typography>
              </Td>
              <Td minWidth="260px" maxWidth="400px" style={WRAP}>
                <Typography textColor="neutral800">{shorten(row.content, 200)}</Typography>
              </Td>
              <Td style={WRAP} minWidth="120px" maxWidth="180px">
                <Typography variant="pi" textColor="neutral700">
                  {[taskFormLabel(t, row.form), row.channel ? channelLabel(t, row.channel) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Td>
              <Td>
                <Typography>{row.targetCount ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography textColor={row.status === 'overdue' ? 'danger600' : 'neutral800'}>
                  {day(row.dueDate)}
                </Typography>
              </Td>
              <Td>
                {isTaskStatus(row.status) ? (
                  <Badge
                    variant={TASK_STATUS_VARIANTS[row.status]}
                    data-testid="task-status"
                    data-status={row.status}
                  >
                    {taskStatusLabel(t, row.status)}
                  </Badge>
                ) : (
                  <Typography>{row.status}</Typography>
                )}
              </Td>
              <Td>
                <Link
                  href="#"
                  onClick={(event: React.MouseEvent) => {
                    event.preventDefault();
                    openForTask('submissions', row.documentId);
                  }}
                  data-testid="task-submissions"
                >
                  {String(row.submissions ?? 0)}
                </Link>
              </Td>
              <Td>
                <Link
                  href="#"
                  onClick={(event: React.MouseEvent) => {
                    event.preventDefault();
                    openForTask('articles', row.documentId);
                  }}
                  data-testid="task-articles"
                >
                  {`${row.publishedArticles ?? 0}${row.targetCount ? ` / ${row.targetCount}` : ''}`}
                </Link>
              </Td>
              <Td minWidth="200px" maxWidth="300px" style={WRAP}>
                {row.lastReport ? (
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
                )}
              </Td>
              <Td>
                <Typography textColor={row.openDifficulties ? 'danger600' : 'neutral500'}>
                  {row.openDifficulties ?? 0}
                </Typography>
              </Td>
              {canManage && (
                <Td>
                  <Button
                    size="S"
                    variant={row.status === 'overdue' ? 'danger-light' : 'tertiary'}
                    startIcon={<Bell />}
                    onClick={() => setReminding([taskTarget(row)])}
                    data-testid="task-remind"
                  >
                    {t('reminder.one', 'Đôn đốc')}
                  </Button>
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  };

  const taskCell = (task: { documentId: string; code?: string | null } | null) =>
    task ? (
      <Link
        href="#"
        onClick={(event: React.MouseEvent) => {
          event.preventDefault();
          setFilter('task', task.documentId);
        }}
      >
        {task.code ?? t('task.some', 'Nhiệm vụ')}
      </Link>
    ) : (
      <Typography textColor="neutral500">—</Typography>
    );

  const submissionsTable = (results: SubmissionRow[]) => {
    const labels = [
      t('submission.title', 'Tiêu đề'),
      t('field.kind', 'Thể loại'),
      t('field.state', 'Trạng thái'),
      t('submission.submittedAt', 'Ngày gửi'),
      t('submission.dueDate', 'Hạn biên tập'),
      t('task.column', 'Nhiệm vụ'),
    ];
    return (
      <Table colCount={labels.length} rowCount={results.length + 1} data-testid="submissions-table">
        {header(labels)}
        <Tbody>
          {results.map((row) => (
            <Tr key={row.documentId} data-testid="submission-row" data-state={row.state}>
              <Td minWidth="260px" maxWidth="420px" style={WRAP}>
                <Link tag={NavLink} to={submissionPath(row.documentId)}>
                  {shorten(row.title, 120)}
                </Link>
              </Td>
              <Td>
                <Typography>{submissionKindLabel(t, row.kind)}</Typography>
              </Td>
              <Td>
                <Badge
                  variant={isSubmissionState(row.state) ? SUBMISSION_STATE_VARIANTS[row.state] : 'neutral'}
                >
                  {submissionStateLabel(t, row.state)}
                </Badge>
              </Td>
              <Td>
                <Typography>{instant(row.submittedAt)}</Typography>
              </Td>
              <Td>
                <Typography>{day(row.dueDate)}</Typography>
              </Td>
              <Td>{taskCell(row.planTask)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  };

  const articlesTable = (results: ArticleRow[]) => {
    const labels = [
      t('article.title', 'Tiêu đề'),
      t('field.kind', 'Thể loại'),
      t('field.channel', 'Kênh'),
      t('article.publishedAt', 'Ngày đăng'),
      t('task.column', 'Nhiệm vụ'),
    ];
    return (
      <Table colCount={labels.length} rowCount={results.length + 1} data-testid="articles-table">
        {header(labels)}
        <Tbody>
          {results.map((row) => (
            <Tr key={row.documentId} data-testid="article-row">
              <Td minWidth="260px" maxWidth="460px" style={WRAP}>
                <Link tag={NavLink} to={articlePath(row.documentId)}>
                  {shorten(row.title, 120)}
                </Link>
              </Td>
              <Td>
                <Typography>{articleKindLabel(t, row.kind)}</Typography>
              </Td>
              <Td>
                <Typography>{channelLabel(t, row.channel)}</Typography>
              </Td>
              <Td>
                <Typography>{instant(row.publishedAt)}</Typography>
              </Td>
              <Td>{taskCell(row.planTask)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  };

  const feedbackTable = (results: FeedbackRow[]) => {
    // The feedback rows say whether they were answered on time, not whether they are overdue: those waiting for
    // the unit's answer past their due date are (and, under the overdue filter, every row).
    const overdueOf = (row: FeedbackRow) =>
      row.overdue ??
      (filter === 'overdue' ||
        (!row.answeredAt &&
          WAITING_FOR_UNIT.includes(row.state) &&
          row.dueDate !== null &&
          row.dueDate < dayOf(new Date())));
    const labels = [
      ...(canManage ? [''] : []),
      t('feedback.receivedAt', 'Ngày tiếp nhận'),
      t('feedback.subject', 'Tiêu đề'),
      t('field.state', 'Trạng thái'),
      t('feedback.dueDate', 'Hạn trả lời'),
      t('feedback.answeredAt', 'Ngày trả lời'),
      t('feedback.onTime', 'Đúng hạn'),
    ];
    return (
      <Table colCount={labels.length} rowCount={results.length + 1} data-testid="feedback-table">
        {header(labels)}
        <Tbody>
          {results.map((row) => {
            const overdue = overdueOf(row);
            return (
              <Tr
                key={row.documentId}
                data-testid="feedback-row"
                data-overdue={overdue ? 'true' : 'false'}
                background={overdue ? 'danger100' : undefined}
              >
                {canManage &&
                  (overdue ? (
                    checkboxCell(
                      feedbackTarget(row),
                      t('feedback.select', 'Chọn phản ánh {subject}', { subject: shorten(row.subject, 60) })
                    )
                  ) : (
                    <Td />
                  ))}
                <Td>
                  <Typography>{instant(row.receivedAt)}</Typography>
                </Td>
                <Td minWidth="260px" maxWidth="420px" style={WRAP}>
                  <Link tag={NavLink} to={feedbackPath(row.documentId)}>
                    {shorten(row.subject, 120)}
                  </Link>
                </Td>
                <Td>
                  <Typography>{feedbackStateLabel(t, row.state)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={overdue ? 'danger600' : 'neutral800'}>{day(row.dueDate)}</Typography>
                </Td>
                <Td>
                  <Typography>{instant(row.answeredAt)}</Typography>
                </Td>
                <Td>
                  {row.onTime === null ? (
                    <Typography textColor="neutral500">—</Typography>
                  ) : row.onTime ? (
                    <Badge variant="success">{t('feedback.onTime.yes', 'Đúng hạn')}</Badge>
                  ) : (
                    <Badge variant="danger">{t('feedback.onTime.no', 'Trễ hạn')}</Badge>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  };

  const table = () => {
    const loaded = rows.data;
    if (!loaded || loaded.tab !== tab) return <Loader>{t('loading', 'Đang tải…')}</Loader>;
    if (loaded.page.results.length === 0)
      return <Empty testId="drill-empty">{t('drill.empty', 'Không có mục nào phù hợp.')}</Empty>;
    const content =
      loaded.tab === 'tasks'
        ? tasksTable(loaded.page.results)
        : loaded.tab === 'submissions'
          ? submissionsTable(loaded.page.results)
          : loaded.tab === 'articles'
            ? articlesTable(loaded.page.results)
            : feedbackTable(loaded.page.results);
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        {content}
        <Pagination.Root
          pageCount={loaded.page.pagination.pageCount}
          total={loaded.page.pagination.total}
          defaultPageSize={loaded.page.pagination.pageSize}
        >
          <Pagination.PageSize />
          <Pagination.Links />
        </Pagination.Root>
      </Flex>
    );
  };

  const selection = Array.from(selected.values());
  const tabLabels: Record<DrillTab, string> = {
    tasks: t('tab.tasks', 'Nhiệm vụ'),
    submissions: t('tab.submissions', 'Tin bài đơn vị gửi'),
    articles: t('tab.articles', 'Tin bài đã đăng'),
    feedback: t('tab.feedback', 'Phản ánh, kiến nghị'),
  };
  const taskFilterCode = (() => {
    if (!task || !rows.data) return task;
    const results = rows.data.page.results as {
      planTask?: { documentId: string; code?: string | null } | null;
    }[];
    return results.find((row) => row.planTask?.documentId === task)?.planTask?.code ?? task;
  })();

  return (
    <Page.Main>
      <Page.Title>{unitName}</Page.Title>
      <Layouts.Header
        title={unitName}
        subtitle={year ? t('unit.subtitle', 'Theo dõi thực hiện kế hoạch năm {year}', { year }) : undefined}
        navigationAction={
          options.access.canDashboard ? (
            <BackButton fallback={`${PLUGIN_PATH}${year ? `?year=${year}` : ''}`} />
          ) : undefined
        }
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              <Button
                variant="secondary"
                startIcon={<Plus />}
                onClick={() => setInspecting(true)}
                data-testid="inspection-new"
              >
                {t('inspection.record', 'Ghi nhận kiểm tra')}
              </Button>
              <Button
                startIcon={<Bell />}
                disabled={!unit}
                onClick={() => setReminding(selection)}
                data-testid="reminder-selected"
              >
                {selection.length
                  ? t('reminder.selected', 'Gửi đôn đốc ({count})', { count: selection.length })
                  : t('reminder.send', 'Gửi đôn đốc')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Tabs.Root value={tab} onValueChange={setTab} variant="simple">
              <Tabs.List aria-label={t('tab.label', 'Số liệu của đơn vị')}>
                {TABS.map((value) => (
                  <Tabs.Trigger key={value} value={value} data-testid={`tab-${value}`}>
                    {tabLabels[value]}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              <Tabs.Content value={tab}>
                <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                  <Flex gap={3} wrap="wrap" alignItems="flex-end">
                    {filters()}
                    {task && (tab === 'submissions' || tab === 'articles') && (
                      <Button
                        variant="tertiary"
                        size="S"
                        endIcon={<Cross />}
                        onClick={() => setFilter('task', undefined)}
                        data-testid="filter-task"
                      >
                        {t('filter.task', 'Nhiệm vụ {code}', { code: taskFilterCode ?? '' })}
                      </Button>
                    )}
                    {rows.loading && <Loader small>{t('loading', 'Đang tải…')}</Loader>}
                  </Flex>
                  {table()}
                </Flex>
              </Tabs.Content>
            </Tabs.Root>
          </Box>
          <Section title={t('unit.reminders', 'Đôn đốc')} testId="unit-reminders">
            {reminders.data ? (
              <>
                <ReminderList reminders={reminders.data.results} />
                <Pager pagination={reminders.data.pagination} onPage={setReminderPage} />
              </>
            ) : (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            )}
          </Section>
          <Section
            title={t('unit.difficulties', 'Khó khăn, vướng mắc')}
            testId="unit-difficulties"
            action={
              <Link tag={NavLink} to={`${PLUGIN_PATH}/difficulties?unit=${unitId}`}>
                {t('unit.allDifficulties', 'Xem tất cả')}
              </Link>
            }
          >
            {difficulties.data ? (
              <>
                <DifficultyList
                  difficulties={difficulties.data.results}
                  actions
                  showUnit={false}
                  onChanged={difficulties.reload}
                />
                <Pager pagination={difficulties.data.pagination} onPage={setDifficultyPage} />
              </>
            ) : (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            )}
          </Section>
          <Section title={t('unit.inspections', 'Kiểm tra')} testId="unit-inspections">
            {inspections.data ? (
              <>
                <InspectionList inspections={inspections.data.results} />
                <Pager pagination={inspections.data.pagination} onPage={setInspectionPage} />
              </>
            ) : (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
      <ReminderDialog
        unit={reminding && unit ? unit : null}
        items={reminding ?? []}
        onClose={() => setReminding(null)}
        onSent={() => {
          setReminding(null);
          setSelected(new Map());
          setReminderPage(1);
          reminders.reload();
        }}
      />
      <InspectionDialog
        open={inspecting}
        unit={unit}
        units={options.units}
        onClose={() => setInspecting(false)}
        onDone={() => {
          setInspecting(false);
          setInspectionPage(1);
          inspections.reload();
        }}
      />
    </Page.Main>
  );
};
