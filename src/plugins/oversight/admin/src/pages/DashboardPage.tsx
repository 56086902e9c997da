import * as React from 'react';
import {
  Box,
  Field,
  Flex,
  IconButton,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tooltip,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ChevronDown, ChevronUp } from '@strapi/icons';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { PLUGIN_PATH, unitPath, useApi, type DashboardFigures, type DashboardRow } from '../api';
import { Charts } from '../components/Charts';
import { useDates, useLoader } from '../components/common';
import { Nav } from '../components/Nav';
import { useOptions } from '../components/OptionsContext';
import { useTestIdRef } from '../components/testId';
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
  const yearRef = useTestIdRef('dashboard-year');
  const [{ query }, setQuery] = useQueryParams<{ year?: string }>();
  const [expanded, setExpanded] = React.useState<Set<number>>(new Set());
  // Without a choice, the latest plan's year (the current year may have no plan yet).
  const requested = Number(query.year) || options.years[0] || undefined;
  const { data, loading } = useLoader(() => api.getDashboard(requested), [api, requested]);

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

  const columns: { label: string; hint?: string }[] = [
    { label: t('dashboard.unit', 'Đơn vị') },
    { label: t('dashboard.tasksDone', 'Nhiệm vụ hoàn thành') },
    { label: t('dashboard.tasksInProgress', 'Đang thực hiện') },
    { label: t('dashboard.tasksOverdue', 'Quá hạn') },
    { label: t('dashboard.submissions', 'Tin bài đơn vị gửi') },
    { label: t('dashboard.articles', 'Đã đăng / chỉ tiêu') },
    { label: t('dashboard.feedbackAssigned', 'PAKN được giao') },
    { label: t('dashboard.feedbackOnTime', 'Trả lời đúng hạn') },
    { label: t('dashboard.feedbackOverdue', 'PAKN quá hạn') },
    { label: t('dashboard.lastReminder', 'Đôn đốc gần nhất') },
    { label: t('dashboard.openDifficulties', 'Khó khăn chưa xử lý') },
  ];

  const totals = data.totals;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          data.plan
            ? t('dashboard.plan', 'Kế hoạch {symbol}: {title}', {
                symbol: [data.plan.number, data.plan.symbol].filter(Boolean).join('/') || '—',
                title: data.plan.title,
              })
            : t('dashboard.noPlan', 'Năm {year} chưa có kế hoạch truyền thông.', { year })
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="140px">
              <Field.Root name="year" id="oversight-dashboard-year">
                <Field.Label>{t('dashboard.year', 'Năm')}</Field.Label>
                <SingleSelect
                  ref={yearRef}
                  size="S"
                  value={String(year)}
                  onChange={(value) => setQuery({ year: String(value) })}
                >
                  {years.map((candidate) => (
                    <SingleSelectOption key={candidate} value={String(candidate)}>
                      {String(candidate)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Nav />
          </Flex>
        }
        endActions={
          loading ? (
            <Loader small>{t('loading', 'Đang tải…')}</Loader>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {t('dashboard.today', 'Số liệu đến ngày {date}', { date: day(data.today) })}
            </Typography>
          )
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Table colCount={columns.length} rowCount={data.units.length + 2} data-testid="dashboard-table">
            <Thead>
              <Tr>
                {columns.map((column) => (
                  <Th key={column.label}>
                    <Typography variant="sigma" style={{ whiteSpace: 'normal' }}>
                      {column.label}
                    </Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {data.units.map((row) => {
                const id = row.unit.id;
                const to = (params: Record<string, string>) => unitPath(id, { year, ...params });
                const open = expanded.has(id);
                return (
                  <React.Fragment key={id}>
                    <Tr data-testid="dashboard-row" data-unit={row.unit.code} data-unit-id={id}>
                      <Td style={{ whiteSpace: 'normal' }} minWidth="200px">
                        <Flex gap={1} alignItems="center">
                          <IconButton
                            label={
                              open
                                ? t('dashboard.collapse', 'Ẩn chi tiết tin bài')
                                : t('dashboard.expand', 'Tin bài theo thể loại, kênh')
                            }
                            variant="ghost"
                            size="S"
                            onClick={() => toggle(id)}
                            data-testid="dashboard-expand"
                          >
                            {open ? <ChevronUp /> : <ChevronDown />}
                          </IconButton>
                          <Link tag={NavLink} to={to({ tab: 'tasks' })} data-testid="dashboard-unit">
                            {row.unit.name}
                          </Link>
                        </Flex>
                      </Td>
                      <Td>
                        <Figure
                          value={row.tasks.done}
                          to={to({ tab: 'tasks', status: 'done' })}
                          testId="figure-tasks-done"
                          label={columns[1].label}
                        />
                      </Td>
                      <Td>
                        <Figure
                          value={row.tasks.inProgress}
                          to={to({ tab: 'tasks', status: 'in_progress' })}
                          testId="figure-tasks-in_progress"
                          label={columns[2].label}
                        />
                      </Td>
                      <Td>
                        <Figure
                          value={row.tasks.overdue}
                          to={to({ tab: 'tasks', status: 'overdue' })}
                          testId="figure-tasks-overdue"
                          label={columns[3].label}
                          danger
                        />
                      </Td>
                      <Td style={{ whiteSpace: 'normal' }} minWidth="160px">
                        <Flex direction="column" alignItems="flex-start" gap={1}>
                          <Figure
                            value={row.submissions.total}
                            to={to({ tab: 'submissions' })}
                            testId="figure-submissions-total"
                            label={columns[4].label}
                          />
                          <SubmissionStates row={row} year={year} />
                        </Flex>
                      </Td>
                      <Td>
                        <Tooltip label={breakdownText(t, row.articles)}>
                          <Flex gap={1} data-testid="figure-articles">
                            <Figure
                              value={row.articles.published}
                              to={to({ tab: 'articles' })}
                              testId="figure-articles-published"
                              label={columns[5].label}
                            />
                            <Typography textColor="neutral600">{`/ ${row.articles.target ?? 0}`}</Typography>
                          </Flex>
                        </Tooltip>
                      </Td>
                      <Td>
                        <Figure
                          value={row.feedback.assigned}
                          to={to({ tab: 'feedback', filter: 'assigned' })}
                          testId="figure-feedback-assigned"
                          label={columns[6].label}
                        />
                      </Td>
                      <Td>
                        <Flex gap={1}>
                          <Figure
                            value={row.feedback.answeredOnTime}
                            to={to({ tab: 'feedback', filter: 'on_time' })}
                            testId="figure-feedback-on_time"
                            label={columns[7].label}
                          />
                          <Typography textColor="neutral600">/</Typography>
                          <Figure
                            value={row.feedback.answered}
                            to={to({ tab: 'feedback', filter: 'answered' })}
                            testId="figure-feedback-answered"
                            label={t('dashboard.feedbackAnswered', 'PAKN đã trả lời')}
                          />
                        </Flex>
                      </Td>
                      <Td>
                        <Figure
                          value={row.feedback.overdue}
                          to={to({ tab: 'feedback', filter: 'overdue' })}
                          testId="figure-feedback-overdue"
                          label={columns[8].label}
                          danger
                        />
                      </Td>
                      <Td>
                        <Typography textColor="neutral800" data-testid="dashboard-last-reminder">
                          {row.lastReminderAt ? instant(row.lastReminderAt) : '—'}
                        </Typography>
                      </Td>
                      <Td>
                        <Figure
                          value={row.openDifficulties}
                          to={`${PLUGIN_PATH}/difficulties?unit=${id}&state=open`}
                          testId="figure-difficulties-open"
                          label={columns[10].label}
                          danger
                        />
                      </Td>
                    </Tr>
                    {open && (
                      <Tr data-testid="dashboard-subrow">
                        <Td colSpan={columns.length} style={{ whiteSpace: 'normal' }}>
                          <Box paddingLeft={8} paddingTop={2} paddingBottom={2}>
                            <Breakdown row={row} year={year} />
                          </Box>
                        </Td>
                      </Tr>
                    )}
                  </React.Fragment>
                );
              })}
              {totals && (
                <Tr data-testid="dashboard-totals" background="neutral100">
                  <Td>
                    <Typography fontWeight="bold">{t('dashboard.totals', 'Toàn Sở')}</Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">{totals.tasks?.done ?? 0}</Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">{totals.tasks?.inProgress ?? 0}</Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold" textColor={totals.tasks?.overdue ? 'danger600' : undefined}>
                      {totals.tasks?.overdue ?? 0}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">{totals.submissions?.total ?? 0}</Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">
                      {`${totals.articles?.published ?? 0} / ${totals.articles?.target ?? 0}`}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">{totals.feedback?.assigned ?? 0}</Typography>
                  </Td>
                  <Td>
                    <Typography fontWeight="bold">
                      {`${totals.feedback?.answeredOnTime ?? 0} / ${totals.feedback?.answered ?? 0}`}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography
                      fontWeight="bold"
                      textColor={totals.feedback?.overdue ? 'danger600' : undefined}
                    >
                      {totals.feedback?.overdue ?? 0}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{totals.lastReminderAt ? instant(totals.lastReminderAt) : '—'}</Typography>
                  </Td>
                  <Td>
                    <Link tag={NavLink} to={`${PLUGIN_PATH}/difficulties?state=open`}>
                      {String(totals.openDifficulties ?? 0)}
                    </Link>
                  </Td>
                </Tr>
              )}
            </Tbody>
          </Table>
          <Charts dashboard={data} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
