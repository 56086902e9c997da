import * as React from 'react';
import { Box, Button, Flex, IconButton, Link, Tooltip, Typography } from '@strapi/design-system';
import { Bell, ChevronDown, ChevronUp } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { DataTable, sortRows, useUrlFilters, type Column, PageShell } from '#admin/shared/kit';
import {
  PLUGIN_PATH,
  unitPath,
  useApi,
  type DashboardFigures,
  type DashboardRow,
  type UnitRef,
} from '../api';
import { Charts } from '../components/Charts';
import { useDates, useLoader } from '#admin/shared/common';
import { Nav } from '../components/Nav';
import { YearFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { ReminderDialog } from '../components/ReminderDialog';
import { useT } from '../i18n';
import {
  ARTICLE_CHANNELS,
  ARTICLE_KINDS,
  SUBMISSION_STATES,
  SUBMISSION_STATE_VARIANTS,
  articleKindLabel,
  channelLabel,
  submissionStateLabel,
} from '../labels';

interface FigureProps {
  value: number | null | undefined;
  to: string;
  testId: string;
  /** Shown in the danger colour when above zero. */
  danger?: boolean;
  label: string;
}

/** A figure of the dashboard: always a link to the rows that make it. */
const Figure = ({ value, to, testId, danger, label }: FigureProps) => {
  const count = value ?? 0;
  const alarming = danger && count > 0;
  return (
    <Link tag={NavLink} to={to} data-testid={testId} data-value={count} aria-label={`${label}: ${count}`}>
      <Typography
        fontWeight={alarming ? 'bold' : 'regular'}
        textColor={alarming ? 'danger600' : count === 0 ? 'neutral500' : 'primary600'}
      >
        {count}
      </Typography>
    </Link>
  );
};

/** Submissions by state, compact: only the states that have some. */
const SubmissionStates = ({ row, year }: { row: DashboardRow; year: number }) => {
  const t = useT();
  const states = SUBMISSION_STATES.filter((state) => (row.submissions.byState[state] ?? 0) > 0);
  if (states.length === 0) return null;
  return (
    <Flex gap={1} wrap="wrap">
      {states.map((state) => (
        <Link
          key={state}
          tag={NavLink}
          to={unitPath(row.unit.id, { year, tab: 'submissions', state })}
          data-testid={`figure-submissions-${state}`}
        >
          <Typography
            variant="pi"
            textColor={
              SUBMISSION_STATE_VARIANTS[state] === 'danger' || SUBMISSION_STATE_VARIANTS[state] === 'warning'
                ? 'danger600'
                : 'neutral700'
            }
          >
            {`${submissionStateLabel(t, state)}: ${row.submissions.byState[state]}`}
          </Typography>
        </Link>
      ))}
    </Flex>
  );
};

/** Published articles by kind and by channel, each a link to the articles that make it. */
const Breakdown = ({ row, year }: { row: DashboardRow; year: number }) => {
  const t = useT();
  const group = (
    title: string,
    entries: { key: string; label: string; value: number; params: Record<string, string> }[]
  ) => (
    <Flex gap={3} wrap="wrap" alignItems="baseline">
      <Typography variant="sigma" textColor="neutral600">
        {title}
      </Typography>
      {entries.map((entry) => (
        <Link
          key={entry.key}
          tag={NavLink}
          to={unitPath(row.unit.id, { year, tab: 'articles', ...entry.params })}
          data-testid={`figure-articles-${entry.key}`}
        >
          <Typography variant="pi" textColor={entry.value ? 'primary600' : 'neutral500'}>
            {`${entry.label}: ${entry.value}`}
          </Typography>
        </Link>
      ))}
    </Flex>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="dashboard-breakdown">
      {group(
        t('dashboard.byKind', 'Theo thể loại'),
        ARTICLE_KINDS.map((kind) => ({
          key: `kind-${kind}`,
          label: articleKindLabel(t, kind),
          value: row.articles.byKind[kind] ?? 0,
          params: { kind },
        }))
      )}
      {group(
        t('dashboard.byChannel', 'Theo kênh'),
        ARTICLE_CHANNELS.map((channel) => ({
          key: `channel-${channel}`,
          label: channelLabel(t, channel),
          value: row.articles.byChannel[channel] ?? 0,
          params: { channel },
        }))
      )}
    </Flex>
  );
};

/** The tooltip of a unit's published articles: the same breakdown in one line each. */
const breakdownText = (t: ReturnType<typeof useT>, figures: DashboardFigures['articles']) =>
  [
    ARTICLE_KINDS.filter((kind) => figures.byKind[kind])
      .map((kind) => `${articleKindLabel(t, kind)}: ${figures.byKind[kind]}`)
      .join(', '),
    ARTICLE_CHANNELS.filter((channel) => figures.byChannel[channel])
      .map((channel) => `${channelLabel(t, channel)}: ${figures.byChannel[channel]}`)
      .join(', '),
  ]
    .filter(Boolean)
    .join(' · ') || t('dashboard.noArticles', 'Chưa có tin bài nào được đăng.');

/** Every unit against the year's plan, each figure a link to the rows that make it; the charts below. */
export const DashboardPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { day, instant } = useDates();
  const { values, setFilter, clearFilters, sort, setSort } = useUrlFilters(['year'] as const);
  const [expanded, setExpanded] = React.useState<Set<number>>(new Set());
  const [reminding, setReminding] = React.useState<UnitRef | null>(null);
  // Without a choice, the latest plan's year: the current year's once it has a plan.
  const requested = Number(values.year) || options.years[0] || undefined;
  const { data, loading, reload } = useLoader(() => api.getDashboard(requested), [api, requested]);

  const title = t('plugin.name', 'Theo dõi, đôn đốc');
  if (!data) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

  const year = data.year;
  const years = Array.from(new Set([...options.years, year])).sort((a, b) => b - a);
  const toggle = (unitId: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(unitId)) next.delete(unitId);
      else next.add(unitId);
      return next;
    });
  const to = (row: DashboardRow, params: Record<string, string>) =>
    unitPath(row.unit.id, { year, ...params });

  /** A figure of a column: its label and a link to its rows (and, after a slash, another one). */
  interface Line {
    key: string;
    label: string;
    value: (row: DashboardRow) => number | null | undefined;
    link: (row: DashboardRow) => string;
    danger?: boolean;
    per?: Omit<Line, 'per'>;
  }
  const figure = (row: DashboardRow, line: Omit<Line, 'per'>) => (
    <Figure
      value={line.value(row)}
      to={line.link(row)}
      testId={`figure-${line.key}`}
      label={line.label}
      danger={line.danger}
    />
  );
  /** A column of figures, one per line (a single one without its label), sorted by the first. */
  const figures = (key: string, header: string, lines: Line[]): Column<DashboardRow> => ({
    key,
    header,
    minWidth: lines.length > 1 ? '150px' : undefined,
    sortable: true,
    sortValue: (row) => lines[0].value(row) ?? 0,
    cell: (row) => (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {lines.map((line) => (
          <Flex key={line.key} gap={1} wrap="wrap" alignItems="baseline">
            {lines.length > 1 && (
              <Typography variant="pi" textColor="neutral600">{`${line.label}:`}</Typography>
            )}
            {figure(row, line)}
            {line.per && (
              <>
                <Typography textColor="neutral600">/</Typography>
                {figure(row, line.per)}
              </>
            )}
          </Flex>
        ))}
      </Flex>
    ),
  });

  const columns: Column<DashboardRow>[] = [
    {
      key: 'unit',
      header: t('dashboard.unit', 'Đơn vị'),
      minWidth: '180px',
      sortable: true,
      sortValue: (row) => row.unit.name,
      cell: (row) => (
        <Link tag={NavLink} to={to(row, { tab: 'tasks' })} data-testid="dashboard-unit">
          {row.unit.name}
        </Link>
      ),
    },
    figures('tasks', t('dashboard.tasks', 'Nhiệm vụ'), [
      {
        key: 'tasks-overdue',
        label: t('dashboard.tasksOverdue', 'Quá hạn'),
        value: (row) => row.tasks.overdue,
        link: (row) => to(row, { tab: 'tasks', status: 'overdue' }),
        danger: true,
      },
      {
        key: 'tasks-in_progress',
        label: t('dashboard.tasksInProgress', 'Đang thực hiện'),
        value: (row) => row.tasks.inProgress,
        link: (row) => to(row, { tab: 'tasks', status: 'in_progress' }),
      },
      {
        key: 'tasks-done',
        label: t('dashboard.tasksDone', 'Nhiệm vụ hoàn thành'),
        value: (row) => row.tasks.done,
        link: (row) => to(row, { tab: 'tasks', status: 'done' }),
      },
    ]),
    {
      key: 'submissions',
      header: t('dashboard.submissions', 'Tin bài đơn vị gửi'),
      minWidth: '150px',
      sortable: true,
      sortValue: (row) => row.submissions.total,
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Figure
            value={row.submissions.total}
            to={to(row, { tab: 'submissions' })}
            testId="figure-submissions-total"
            label={t('dashboard.submissions', 'Tin bài đơn vị gửi')}
          />
          <SubmissionStates row={row} year={year} />
        </Flex>
      ),
    },
    {
      key: 'articles',
      header: t('dashboard.articles', 'Đã đăng / chỉ tiêu'),
      sortable: true,
      sortValue: (row) =>
        row.articles.target ? row.articles.published / row.articles.target : row.articles.published,
      cell: (row) => {
        const open = expanded.has(row.unit.id);
        return (
          <Flex direction="column" alignItems="flex-start" gap={2}>
            <Flex gap={1} alignItems="center">
              <Tooltip label={breakdownText(t, row.articles)}>
                <Flex gap={1} data-testid="figure-articles">
                  <Figure
                    value={row.articles.published}
                    to={to(row, { tab: 'articles' })}
                    testId="figure-articles-published"
                    label={t('dashboard.articles', 'Đã đăng / chỉ tiêu')}
                  />
                  <Typography textColor="neutral600">{`/ ${row.articles.target ?? 0}`}</Typography>
                </Flex>
              </Tooltip>
              <IconButton
                label={
                  open
                    ? t('dashboard.collapse', 'Ẩn chi tiết tin bài')
                    : t('dashboard.expand', 'Tin bài theo thể loại, kênh')
                }
                variant="ghost"
                size="S"
                onClick={() => toggle(row.unit.id)}
                data-testid="dashboard-expand"
              >
                {open ? <ChevronUp /> : <ChevronDown />}
              </IconButton>
            </Flex>
            {open && <Breakdown row={row} year={year} />}
          </Flex>
        );
      },
    },
    figures('feedback', t('dashboard.feedback', 'Phản ánh, kiến nghị'), [
      {
        key: 'feedback-overdue',
        label: t('dashboard.feedbackOverdue', 'PAKN quá hạn'),
        value: (row) => row.feedback.overdue,
        link: (row) => to(row, { tab: 'feedback', filter: 'overdue' }),
        danger: true,
      },
      {
        key: 'feedback-assigned',
        label: t('dashboard.feedbackAssigned', 'PAKN được giao'),
        value: (row) => row.feedback.assigned,
        link: (row) => to(row, { tab: 'feedback', filter: 'assigned' }),
      },
      {
        key: 'feedback-on_time',
        label: t('dashboard.feedbackOnTime', 'Trả lời đúng hạn'),
        value: (row) => row.feedback.answeredOnTime,
        link: (row) => to(row, { tab: 'feedback', filter: 'on_time' }),
        per: {
          key: 'feedback-answered',
          label: t('dashboard.feedbackAnswered', 'PAKN đã trả lời'),
          value: (row) => row.feedback.answered,
          link: (row) => to(row, { tab: 'feedback', filter: 'answered' }),
        },
      },
    ]),
    {
      key: 'lastReminder',
      header: t('dashboard.lastReminder', 'Đôn đốc gần nhất'),
      sortable: true,
      sortValue: (row) => row.lastReminderAt,
      cell: (row) => (
        <Typography textColor="neutral800" data-testid="dashboard-last-reminder">
          {row.lastReminderAt ? instant(row.lastReminderAt) : '—'}
        </Typography>
      ),
    },
    figures('difficulties', t('dashboard.openDifficulties', 'Khó khăn chưa xử lý'), [
      {
        key: 'difficulties-open',
        label: t('dashboard.openDifficulties', 'Khó khăn chưa xử lý'),
        value: (row) => row.openDifficulties,
        link: (row) => `${PLUGIN_PATH}/difficulties?unit=${row.unit.id}&state=open`,
        danger: true,
      },
    ]),
  ];

  const totals = data.totals;

  return (
    <PageShell
      title={title}
      subtitle={
        data.plan
          ? t('dashboard.plan', 'Kế hoạch {symbol}: {title}', {
              symbol: [data.plan.number, data.plan.symbol].filter(Boolean).join('/') || '—',
              title: data.plan.title,
            })
          : t('dashboard.noPlan', 'Năm {year} chưa có kế hoạch truyền thông.', { year })
      }
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
            <YearFilter
              value={values.year}
              years={years}
              year={year}
              onChange={setFilter}
              onClear={clearFilters}
              testId="dashboard-filters"
            />
            <Typography variant="pi" textColor="neutral600" data-testid="dashboard-today">
              {t('dashboard.today', 'Số liệu đến ngày {date}', { date: day(data.today) })}
            </Typography>
          </Flex>
          {totals && <Totals totals={totals} />}
          <DataTable
            rows={sortRows(data.units, columns, sort)}
            columns={columns}
            rowKey={(row) => String(row.unit.id)}
            label={title}
            sort={sort}
            onSort={setSort}
            loading={loading}
            rowData={(row) => ({ unit: row.unit.code, 'unit-id': row.unit.id })}
            testId="dashboard-table"
            rowTestId="dashboard-row"
            actions={
              options.access.canManage
                ? (row) => (
                    <Button
                      size="S"
                      variant={row.tasks.overdue || row.feedback.overdue ? 'danger-light' : 'tertiary'}
                      startIcon={<Bell />}
                      onClick={() => setReminding(row.unit)}
                      data-testid="dashboard-remind"
                    >
                      {t('reminder.one', 'Đôn đốc')}
                    </Button>
                  )
                : undefined
            }
          />
        </Flex>
        <Charts dashboard={data} />
      </Flex>
      <ReminderDialog
        unit={reminding}
        onClose={() => setReminding(null)}
        onSent={() => {
          setReminding(null);
          reload();
        }}
      />
    </PageShell>
  );
};

/** The department's totals, above the units' rows. */
const Totals = ({ totals }: { totals: Partial<DashboardFigures> }) => {
  const t = useT();
  const { instant } = useDates();
  const facts: { key: string; label: string; value: React.ReactNode; danger?: boolean }[] = [
    { key: 'done', label: t('dashboard.tasksDone', 'Nhiệm vụ hoàn thành'), value: totals.tasks?.done ?? 0 },
    {
      key: 'in_progress',
      label: t('dashboard.tasksInProgress', 'Đang thực hiện'),
      value: totals.tasks?.inProgress ?? 0,
    },
    {
      key: 'overdue',
      label: t('dashboard.tasksOverdue', 'Quá hạn'),
      value: totals.tasks?.overdue ?? 0,
      danger: Boolean(totals.tasks?.overdue),
    },
    {
      key: 'submissions',
      label: t('dashboard.submissions', 'Tin bài đơn vị gửi'),
      value: totals.submissions?.total ?? 0,
    },
    {
      key: 'articles',
      label: t('dashboard.articles', 'Đã đăng / chỉ tiêu'),
      value: `${totals.articles?.published ?? 0} / ${totals.articles?.target ?? 0}`,
    },
    {
      key: 'on_time',
      label: t('dashboard.feedbackOnTime', 'Trả lời đúng hạn'),
      value: `${totals.feedback?.answeredOnTime ?? 0} / ${totals.feedback?.answered ?? 0}`,
    },
    {
      key: 'feedback_overdue',
      label: t('dashboard.feedbackOverdue', 'PAKN quá hạn'),
      value: totals.feedback?.overdue ?? 0,
      danger: Boolean(totals.feedback?.overdue),
    },
    {
      key: 'reminder',
      label: t('dashboard.lastReminder', 'Đôn đốc gần nhất'),
      value: totals.lastReminderAt ? instant(totals.lastReminderAt) : '—',
    },
    {
      key: 'difficulties',
      label: t('dashboard.openDifficulties', 'Khó khăn chưa xử lý'),
      value: (
        <Link tag={NavLink} to={`${PLUGIN_PATH}/difficulties?state=open`}>
          {String(totals.openDifficulties ?? 0)}
        </Link>
      ),
    },
  ];
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="dashboard-totals">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" tag="h2">
          {t('dashboard.totals', 'Toàn Sở')}
        </Typography>
        <Flex gap={6} wrap="wrap" tag="dl">
          {facts.map((fact) => (
            <Flex key={fact.key} direction="column" alignItems="flex-start" gap={1}>
              <Typography tag="dt" variant="sigma" textColor="neutral600">
                {fact.label}
              </Typography>
              <Typography tag="dd" fontWeight="bold" textColor={fact.danger ? 'danger600' : 'neutral800'}>
                {fact.value}
              </Typography>
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
};
