/**
 * The oversight dashboard's figures: what each one counts, the query parameters of the dashboard and of its
 * drill-downs, and the arithmetic that turns per-unit aggregates into rows, totals and charts. Pure module: the
 * SQL that computes the aggregates is in services/dashboard.ts and follows these definitions.
 *
 * For a year Y (the organization's local days, `[Y-01-01, (Y+1)-01-01)`) and each active unit:
 *
 * - **tasks**: the tasks of Y's published plan whose unit is that unit (one per task document, the `vi` row), each
 *   counted by `taskStatus` (domain/task-status.ts) on its latest task report and today: `done`, `inProgress`,
 *   `overdue`; `total` is their number.
 * - **submissions**: the unit's submissions created in Y, in total and by state (every state, zeros included).
 * - **articles.published**: the unit's published articles whose `publishedAt` falls in Y, each document once
 *   (a document published in two languages counts once), by kind and by channel (kind and channel are the same in
 *   every language); **articles.target**: the sum of `targetCount` of the unit's tasks of the plan.
 * - **feedback.assigned**: the feedback whose handling unit is that unit, received in Y; **answered**: of those,
 *   the ones with `answeredAt` set; **answeredOnTime**: answered and `onTime` true; **overdue**: the open ones
 *   (accepted, assigned, answer drafted, answer approved) whose current due date (assigned: the unit's due date,
 *   else the answer due date; accepted, drafted, approved: the answer due date) is before today, plus the answered
 *   ones answered late (`onTime` false).
 * - **lastReminderAt**: the latest `sentAt` of the unit's reminders (any year); **openDifficulties**: the unit's
 *   difficulties in state open or escalated (any year).
 * - **totals**: the sum of the unit rows (the latest reminder for `lastReminderAt`).
 * - **charts.progressByUnit**: published / target per unit, `percent` = published × 100 / target rounded to one
 *   decimal, null without a target; **publicationsByMonth**: the published articles of the listed units by local
 *   month of `publishedAt` (a document counts once per month); **feedbackOnTime**: answered, answered on time, and
 *   `rate` = on time × 100 / answered (one decimal), null when nothing was answered.
 *
 * Every drill-down with the same year and filter lists exactly the items a figure counts.
 *
 * Submissions, articles and feedback are summed from rollups (src/domain/rollups.ts; what they count:
 * ../rollups.ts), per unit over the year's local months: submissions by state (`n`); articles by kind and channel,
 * `documents` (a document counted in the month of its first published row of the year, so months add up to the
 * year's documents) and `monthly` (the documents of each month, for the chart); feedback `assigned`, `answered`,
 * `on_time`, `late`, and `open` by the day its answer is due, summed over the days before today for `overdue`
 * (`addFeedbackCounter`).
 */
import { ARTICLE_KINDS } from '#domain/articles';
import type { Language } from '#domain/errors';
import { answerDueDate, AWAITING_ANSWER_STATES } from '#domain/feedback-deadlines';
import { QueryReader, type Parsed } from '#domain/query-params';
import { SUBMISSION_STATES } from '#domain/submission-states';
import { taskStatus, type TaskStatus } from './task-status';

export const CHANNELS = ['website', 'press', 'television', 'radio', 'social_media'] as const;
export const TASK_STATUSES = ['done', 'in_progress', 'overdue'] as const;
/** The drill-down filters of the feedback figures: assigned, answered, answeredOnTime, overdue. */
export const FEEDBACK_FILTERS = ['assigned', 'answered', 'on_time', 'overdue'] as const;
/** Difficulties still waiting for someone. */
export const OPEN_DIFFICULTY_STATES = ['open', 'escalated'] as const;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_PAGE_SIZE = 100;
const DOCUMENT_ID = /^[a-z0-9]{20,32}$/;

export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface Figures {
  tasks: { total: number; done: number; inProgress: number; overdue: number };
  submissions: { total: number; byState: Record<string, number> };
  articles: {
    published: number;
    target: number;
    byKind: Record<string, number>;
    byChannel: Record<string, number>;
  };
  feedback: { assigned: number; answered: number; answeredOnTime: number; overdue: number };
  lastReminderAt: string | null;
  openDifficulties: number;
}

export interface Row extends Figures {
  unit: UnitRef;
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

export function emptyFigures(): Figures {
  return {
    tasks: { total: 0, done: 0, inProgress: 0, overdue: 0 },
    submissions: { total: 0, byState: zeros(SUBMISSION_STATES) },
    articles: { published: 0, target: 0, byKind: zeros(ARTICLE_KINDS), byChannel: zeros(CHANNELS) },
    feedback: { assigned: 0, answered: 0, answeredOnTime: 0, overdue: 0 },
    lastReminderAt: null,
    openDifficulties: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Query parameters

export interface DashboardQuery {
  year: number;
}

function readYear(reader: QueryReader, defaultYear: number): number {
  const value = reader.text('year');
  if (value === undefined) return defaultYear;
  if (!/^\d{4}$/.test(value) || Number(value) < MIN_YEAR || Number(value) > MAX_YEAR) {
    reader.fail(
      'year',
      `Năm phải là số từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
      `The year must be a number from ${MIN_YEAR} to ${MAX_YEAR}.`
    );
    return defaultYear;
  }
  return Number(value);
}

export function parseDashboardQuery(
  query: Record<string, unknown>,
  language: Language,
  defaultYear: number
): Parsed<DashboardQuery> {
  const reader = new QueryReader(query, ['year'], language);
  return reader.result({ year: readYear(reader, defaultYear) });
}

export type DrillDown = 'tasks' | 'submissions' | 'articles' | 'feedback';

export interface DrillDownQuery {
  year: number;
  page: number;
  pageSize: number;
  status?: TaskStatus;
  state?: (typeof SUBMISSION_STATES)[number];
  kind?: (typeof ARTICLE_KINDS)[number];
  channel?: (typeof CHANNELS)[number];
  /** A plan task's documentId. */
  task?: string;
  filter?: FeedbackFilter;
}

const FILTERS: Record<DrillDown, string[]> = {
  tasks: ['status'],
  submissions: ['state', 'task'],
  articles: ['kind', 'channel', 'task'],
  feedback: ['filter'],
};

export function parseDrillDownQuery(
  drillDown: DrillDown,
  query: Record<string, unknown>,
  language: Language,
  defaultYear: number
): Parsed<DrillDownQuery> {
  const reader = new QueryReader(query, ['year', 'page', 'pageSize', ...FILTERS[drillDown]], language);
  const value: DrillDownQuery = {
    year: readYear(reader, defaultYear),
    page: reader.int('page', 1, 100_000),
    pageSize: reader.int('pageSize', 25, MAX_PAGE_SIZE),
  };
  if (drillDown === 'tasks') value.status = reader.oneOf('status', TASK_STATUSES);
  if (drillDown === 'submissions') value.state = reader.oneOf('state', SUBMISSION_STATES);
  if (drillDown === 'articles') {
    value.kind = reader.oneOf('kind', ARTICLE_KINDS);
    value.channel = reader.oneOf('channel', CHANNELS);
  }
  if (drillDown === 'submissions' || drillDown === 'articles') {
    value.task = reader.matching(
      'task',
      DOCUMENT_ID,
      'Mã nhiệm vụ không hợp lệ.',
      'The task must be a plan task documentId.'
    );
  }
  if (drillDown === 'feedback') value.filter = reader.oneOf('filter', FEEDBACK_FILTERS);
  for (const key of Object.keys(value) as (keyof DrillDownQuery)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return reader.result(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar

/** The local days that bound year `year`: from its first day (included) to the next year's (excluded). */
export const yearDays = (year: number) => ({ first: `${year}-01-01`, next: `${year + 1}-01-01` });

/** The first local day of each month of the year, and of the next year: 13 days, bounds of 12 months. */
export const monthStarts = (year: number) => [
  ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`),
  `${year + 1}-01-01`,
];

export const monthKeys = (year: number) =>
  monthStarts(year)
    .slice(0, 12)
    .map((d) => d.slice(0, 7));

// ---------------------------------------------------------------------------------------------------------------
// Figures

export interface PlanTaskFact {
  documentId: string;
  unitId: number | null;
  dueDate: string | null;
  targetCount: number | null;
}

/** The status of each task, by the one rule of domain/task-status.ts. */
export function statusesOf(
  tasks: PlanTaskFact[],
  latest: Map<string, { status: 'in_progress' | 'done' }>,
  today: string
): Map<string, TaskStatus> {
  return new Map(tasks.map((t) => [t.documentId, taskStatus(t, latest.get(t.documentId), today)]));
}

/** The task figures and the article target of each unit. */
export function taskFiguresByUnit(
  tasks: PlanTaskFact[],
  statuses: Map<string, TaskStatus>
): Map<number, { tasks: Figures['tasks']; target: number }> {
  const byUnit = new Map<number, { tasks: Figures['tasks']; target: number }>();
  for (const task of tasks) {
    if (task.unitId === null) continue;
    const entry = byUnit.get(task.unitId) ?? {
      tasks: { total: 0, done: 0, inProgress: 0, overdue: 0 },
      target: 0,
    };
    entry.tasks.total += 1;
    const status = statuses.get(task.documentId);
    if (status === 'done') entry.tasks.done += 1;
    else if (status === 'overdue') entry.tasks.overdue += 1;
    else entry.tasks.inProgress += 1;
    entry.target += task.targetCount ?? 0;
    byUnit.set(task.unitId, entry);
  }
  return byUnit;
}

/**
 * Where one feedback counts among its unit's figures; the SQL of the dashboard and of the feedback drill-down
 * says the same. `today` and the dates are local days (YYYY-MM-DD).
 */
export function feedbackCounts(
  feedback: {
    state: string;
    dueDate: string | null;
    unitDueDate: string | null;
    answeredAt: unknown;
    onTime: boolean | null;
  },
  today: string
): Record<FeedbackFilter, boolean> {
  const answered = feedback.answeredAt !== null && feedback.answeredAt !== undefined;
  const open = (AWAITING_ANSWER_STATES as readonly string[]).includes(feedback.state);
  const due = answerDueDate(feedback);
  return {
    assigned: true,
    answered,
    on_time: answered && feedback.onTime === true,
    overdue: (open && due !== null && due < today) || (answered && feedback.onTime === false),
  };
}

/** The feedback rollup's counters of the year (besides `open`, read as the open feedback due before today). */
export const FEEDBACK_COUNTERS = ['assigned', 'answered', 'on_time', 'late'];

/**
 * Adds a unit's feedback rollup counter to its figures: `assigned`, `answered`, `on_time` as they are; overdue is
 * `late` (answered late) plus `open`, which the reader sums over the buckets due before today only.
 */
export function addFeedbackCounter(
  figures: Figures['feedback'],
  counter: string,
  value: number
): Figures['feedback'] {
  const next = { ...figures };
  if (counter === 'assigned') next.assigned += value;
  else if (counter === 'answered') next.answered += value;
  else if (counter === 'on_time') next.answeredOnTime += value;
  else if (counter === 'late' || counter === 'open') next.overdue += value;
  return next;
}

/** `part` in percent of `whole`, to one decimal; null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

const addInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

/** The sum of the rows; the latest of their reminders. */
export function totalsOf(rows: Figures[]): Figures {
  const total = emptyFigures();
  for (const row of rows) {
    addInto(total.tasks, row.tasks);
    total.submissions.total += row.submissions.total;
    addInto(total.submissions.byState, row.submissions.byState);
    total.articles.published += row.articles.published;
    total.articles.target += row.articles.target;
    addInto(total.articles.byKind, row.articles.byKind);
    addInto(total.articles.byChannel, row.articles.byChannel);
    addInto(total.feedback, row.feedback);
    total.openDifficulties += row.openDifficulties;
    if (row.lastReminderAt && (!total.lastReminderAt || row.lastReminderAt > total.lastReminderAt))
      total.lastReminderAt = row.lastReminderAt;
  }
  return total;
}

export function chartsOf(rows: Row[], months: { month: string; count: number }[]) {
  return {
    progressByUnit: rows.map((r) => ({
      unitId: r.unit.id,
      code: r.unit.code,
      name: r.unit.name,
      published: r.articles.published,
      target: r.articles.target,
      percent: percent(r.articles.published, r.articles.target),
    })),
    publicationsByMonth: months,
    feedbackOnTime: rows.map((r) => ({
      unitId: r.unit.id,
      code: r.unit.code,
      name: r.unit.name,
      answered: r.feedback.answered,
      onTime: r.feedback.answeredOnTime,
      rate: percent(r.feedback.answeredOnTime, r.feedback.answered),
    })),
  };
}

/** A page of items already in memory (the tasks of one unit: a few dozen). */
export function pageOf<T>(items: T[], page: number, pageSize: number) {
  return {
    results: items.slice((page - 1) * pageSize, page * pageSize),
    pagination: paginationOf(page, pageSize, items.length),
  };
}

export const paginationOf = (page: number, pageSize: number, total: number) => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});
