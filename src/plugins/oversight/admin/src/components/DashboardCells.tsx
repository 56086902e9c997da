import { Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { unitPath, type DashboardFigures, type DashboardRow } from '../api';
import { msg, tm, useT, type Message, type Translate } from '../i18n';
import {
  ARTICLE_CHANNELS,
  ARTICLE_KINDS,
  SUBMISSION_STATES,
  SUBMISSION_STATE_VARIANTS,
  articleKindLabel,
  channelLabel,
  submissionStateLabel,
} from '../labels';

/* The cells of the dashboard's table of units (DashboardPage.tsx): figures that link to the rows behind them. */

interface FigureProps {
  value: number | null | undefined;
  to: string;
  testId: string;
  /** Shown in the danger colour when above zero. */
  danger?: boolean;
  label: string;
}

/** A figure of the dashboard: always a link to the rows that make it. */
export const Figure = ({ value, to, testId, danger, label }: FigureProps) => {
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
export const SubmissionStates = ({ row, year }: { row: DashboardRow; year: number }) => {
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

type Articles = DashboardFigures['articles'];

/** How a unit's published articles break down, as the drill-down filters them (`param`): by kind and by channel. */
const BREAKDOWNS: {
  param: string;
  title: Message;
  codes: readonly string[];
  label: (t: Translate, code: string) => string;
  counts: (articles: Articles) => Record<string, number | undefined>;
}[] = [
  {
    param: 'kind',
    title: msg('dashboard.byKind', 'Theo thể loại'),
    codes: ARTICLE_KINDS,
    label: articleKindLabel,
    counts: (articles) => articles.byKind,
  },
  {
    param: 'channel',
    title: msg('dashboard.byChannel', 'Theo kênh'),
    codes: ARTICLE_CHANNELS,
    label: channelLabel,
    counts: (articles) => articles.byChannel,
  },
];

/** Published articles by kind and by channel, each a link to the articles that make it. */
export const Breakdown = ({ row, year }: { row: DashboardRow; year: number }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="dashboard-breakdown">
      {BREAKDOWNS.map(({ param, title, codes, label, counts }) => (
        <Flex key={param} gap={3} wrap="wrap" alignItems="baseline">
          <Typography variant="sigma" textColor="neutral600">
            {tm(t, title)}
          </Typography>
          {codes.map((code) => {
            const value = counts(row.articles)[code] ?? 0;
            return (
              <Link
                key={code}
                tag={NavLink}
                to={unitPath(row.unit.id, { year, tab: 'articles', [param]: code })}
                data-testid={`figure-articles-${param}-${code}`}
              >
                <Typography variant="pi" textColor={value ? 'primary600' : 'neutral500'}>
                  {`${label(t, code)}: ${value}`}
                </Typography>
              </Link>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
};

/** The tooltip of a unit's published articles: the same breakdown in one line each. */
export const breakdownText = (t: Translate, articles: Articles) =>
  BREAKDOWNS.map(({ codes, label, counts }) =>
    codes
      .filter((code) => counts(articles)[code])
      .map((code) => `${label(t, code)}: ${counts(articles)[code]}`)
      .join(', ')
  )
    .filter(Boolean)
    .join(' · ') || t('dashboard.noArticles', 'Chưa có tin bài nào được đăng.');
