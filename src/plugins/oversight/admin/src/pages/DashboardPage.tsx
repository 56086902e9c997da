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
import { Breakdown, breakdownText, Figure, SubmissionStates } from '../components/DashboardCells';
import { useDates, useLoader } from '#admin/shared/common';
import { Nav } from '../components/Nav';
import { YearFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { ReminderDialog } from '../components/ReminderDialog';
import { tm, useT } from '../i18n';
import { messages } from '#admin/shared/vocabulary';

/** The figures shown per unit and for the whole department, by name: their labels. */
const LABELS = messages('dashboard', {
  tasksOverdue: 'Quá hạn',
  tasksInProgress: 'Đang thực hiện',
  tasksDone: 'Nhiệm vụ hoàn thành',
  submissions: 'Tin bài đơn vị gửi',
  articles: 'Đã đăng / chỉ tiêu',
  feedbackOverdue: 'PAKN quá hạn',
  feedbackAssigned: 'PAKN được giao',
  feedbackOnTime: 'Trả lời đúng hạn',
  feedbackAnswered: 'PAKN đã trả lời',
  lastReminder: 'Đôn đốc gần nhất',
  openDifficulties: 'Khó khăn chưa xử lý',
});
type Label = keyof typeof LABELS;

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
  const label = (name: Label) => tm(t, LABELS[name]);

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
  /** Figures that open the unit's `tab` filtered by `param`: `[value of the filter, label, figure, danger]`. */
  const drillLines = (
    tab: string,
    param: string,
    lines: [code: string, label: Label, value: Line['value'], danger?: boolean][]
  ): Line[] =>
    lines.map(([code, name, value, danger]) => ({
      key: `${tab}-${code}`,
      label: label(name),
      value,
      link: (row) => to(row, { tab, [param]: code }),
      danger,
    }));
  const [feedbackOverdue, feedbackAssigned, feedbackOnTime, feedbackAnswered] = drillLines(
    'feedback',
    'filter',
    [
      ['overdue', 'feedbackOverdue', (row) => row.feedback.overdue, true],
      ['assigned', 'feedbackAssigned', (row) => row.feedback.assigned],
      ['on_time', 'feedbackOnTime', (row) => row.feedback.answeredOnTime],
      ['answered', 'feedbackAnswered', (row) => row.feedback.answered],
    ]
  );

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
    figures(
      'tasks',
      t('dashboard.tasks', 'Nhiệm vụ'),
      drillLines('tasks', 'status', [
        ['overdue', 'tasksOverdue', (row) => row.tasks.overdue, true],
        ['in_progress', 'tasksInProgress', (row) => row.tasks.inProgress],
        ['done', 'tasksDone', (row) => row.tasks.done],
      ])
    ),
    {
      key: 'submissions',
      header: label('submissions'),
      minWidth: '150px',
      sortable: true,
      sortValue: (row) => row.submissions.total,
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Figure
            value={row.submissions.total}
            to={to(row, { tab: 'submissions' })}
            testId="figure-submissions-total"
            label={label('submissions')}
          />
          <SubmissionStates row={row} year={year} />
        </Flex>
      ),
    },
    {
      key: 'articles',
      header: label('articles'),
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
                    label={label('articles')}
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
      feedbackOverdue,
      feedbackAssigned,
      { ...feedbackOnTime, per: feedbackAnswered },
    ]),
    {
      key: 'lastReminder',
      header: label('lastReminder'),
      sortable: true,
      sortValue: (row) => row.lastReminderAt,
      cell: (row) => (
        <Typography textColor="neutral800" data-testid="dashboard-last-reminder">
          {row.lastReminderAt ? instant(row.lastReminderAt) : '—'}
        </Typography>
      ),
    },
    figures('difficulties', label('openDifficulties'), [
      {
        key: 'difficulties-open',
        label: label('openDifficulties'),
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
  const facts: [label: Label, value: React.ReactNode, danger?: boolean][] = [
    ['tasksDone', totals.tasks?.done ?? 0],
    ['tasksInProgress', totals.tasks?.inProgress ?? 0],
    ['tasksOverdue', totals.tasks?.overdue ?? 0, Boolean(totals.tasks?.overdue)],
    ['submissions', totals.submissions?.total ?? 0],
    ['articles', `${totals.articles?.published ?? 0} / ${totals.articles?.target ?? 0}`],
    ['feedbackOnTime', `${totals.feedback?.answeredOnTime ?? 0} / ${totals.feedback?.answered ?? 0}`],
    ['feedbackOverdue', totals.feedback?.overdue ?? 0, Boolean(totals.feedback?.overdue)],
    ['lastReminder', totals.lastReminderAt ? instant(totals.lastReminderAt) : '—'],
    [
      'openDifficulties',
      <Link key="difficulties" tag={NavLink} to={`${PLUGIN_PATH}/difficulties?state=open`}>
        {String(totals.openDifficulties ?? 0)}
      </Link>,
    ],
  ];
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="dashboard-totals">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" tag="h2">
          {t('dashboard.totals', 'Toàn Sở')}
        </Typography>
        <Flex gap={6} wrap="wrap" tag="dl">
          {facts.map(([name, value, danger]) => (
            <Flex key={name} direction="column" alignItems="flex-start" gap={1}>
              <Typography tag="dt" variant="sigma" textColor="neutral600">
                {tm(t, LABELS[name])}
              </Typography>
              <Typography tag="dd" fontWeight="bold" textColor={danger ? 'danger600' : 'neutral800'}>
                {value}
              </Typography>
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
};
