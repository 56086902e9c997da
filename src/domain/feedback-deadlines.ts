/**
 * Deadlines of a feedback, in working days of the organization's calendar, counted from the day it was received
 * (Decree 20/2008: transfer within 5 working days; the others are the organization's settings). Pure module: the
 * caller supplies the calendar and today's date in the organization's time zone.
 */
import type { FeedbackState } from './feedback-public';

export interface Calendar {
  addWorkingDays(start: string, days: number): string;
  workingDaysBetween(from: string, to: string): number;
}

export interface DeadlineSettings {
  classificationDays: number;
  transferDays: number;
  handlingDays: number;
  publicationDays: number;
}

export interface Deadlines {
  classificationDueDate: string;
  transferDueDate: string;
  /** The answer is due (sent to the submitter) by this day. */
  dueDate: string;
}

/** The due dates fixed when a feedback is received (`receivedOn` is its local date). */
export function deadlinesOnReceipt(
  receivedOn: string,
  settings: DeadlineSettings,
  calendar: Calendar
): Deadlines {
  return {
    classificationDueDate: calendar.addWorkingDays(receivedOn, settings.classificationDays),
    transferDueDate: calendar.addWorkingDays(receivedOn, settings.transferDays),
    dueDate: calendar.addWorkingDays(receivedOn, settings.handlingDays),
  };
}

/** The publication of an answer is due `publicationDays` after the day it was sent. */
export const publicationDueDate = (answeredOn: string, settings: DeadlineSettings, calendar: Calendar) =>
  calendar.addWorkingDays(answeredOn, settings.publicationDays);

export interface DatedFeedback {
  state: FeedbackState;
  classificationDueDate: string | null;
  transferDueDate: string | null;
  dueDate: string | null;
  unitDueDate?: string | null;
  publicationDueDate: string | null;
  publishAnswer: boolean;
}

/** Feedback whose answer is awaited: from its acceptance until the answer is sent; its answer can be overdue. */
export const AWAITING_ANSWER_STATES = ['accepted', 'assigned', 'answer_drafted', 'answer_approved'] as const;

/** The answer is due by the unit's own due date while the unit works on it, by the feedback's otherwise. */
export const answerDueDate = (feedback: {
  state: string;
  dueDate: string | null;
  unitDueDate?: string | null;
}) => (feedback.state === 'assigned' ? (feedback.unitDueDate ?? feedback.dueDate) : feedback.dueDate);

/**
 * The due date of the step the feedback waits for now: classification, then the answer (the unit's own due date
 * while the unit works on it), then publication when the submitter consented. Null once nothing is pending.
 */
export function currentDueDate(feedback: DatedFeedback): string | null {
  switch (feedback.state) {
    case 'received':
      return feedback.classificationDueDate;
    case 'accepted':
    case 'assigned':
    case 'answer_drafted':
    case 'answer_approved':
      return answerDueDate(feedback);
    case 'answered':
      return feedback.publishAnswer ? feedback.publicationDueDate : null;
    default:
      return null;
  }
}

// The same rules in SQL, for the register's and the dashboard's aggregates, over the feedback columns as the
// query names them (`f.state`…: the feedback table's names, src/api/feedback/tables.ts).
const AWAITING_ANSWER_SQL = AWAITING_ANSWER_STATES.map((state) => `'${state}'`).join(', ');

export interface FeedbackDueColumns {
  state: string;
  dueDate: string;
  unitDueDate: string;
  classificationDueDate: string;
  publicationDueDate: string;
}
type AnswerDueColumns = Pick<FeedbackDueColumns, 'state' | 'dueDate' | 'unitDueDate'>;

/** answerDueDate in SQL. */
export const answerDueSql = (f: AnswerDueColumns) =>
  `(CASE WHEN ${f.state} = 'assigned' THEN COALESCE(${f.unitDueDate}, ${f.dueDate}) ELSE ${f.dueDate} END)`;

/** currentDueDate in SQL: the publication due date is only set when the submitter agreed to publication. */
export const currentDueSql = (f: FeedbackDueColumns) => `CASE
  WHEN ${f.state} = 'received' THEN ${f.classificationDueDate}
  WHEN ${f.state} = 'assigned' THEN COALESCE(${f.unitDueDate}, ${f.dueDate})
  WHEN ${f.state} IN (${AWAITING_ANSWER_SQL}) THEN ${f.dueDate}
  WHEN ${f.state} = 'answered' THEN ${f.publicationDueDate}
END`;

/** Awaiting its answer and past its due date (`?`: today, YYYY-MM-DD), in SQL. */
export const answerOverdueSql = (f: AnswerDueColumns) =>
  `(${f.state} IN (${AWAITING_ANSWER_SQL}) AND ${answerDueSql(f)} < ?)`;

/** Working days left until `due` (0 on the day itself); negative: working days overdue. */
export function daysLeft(today: string, due: string, calendar: Calendar): number {
  return due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
}

/**
 * Whether the step that closes the handling met its deadline, fixed when it closes: not accepted within the
 * classification deadline, transferred within the transfer deadline, answered within the handling deadline.
 */
export function closedOnTime(
  to: FeedbackState,
  closedOn: string,
  deadlines: Pick<DatedFeedback, 'classificationDueDate' | 'transferDueDate' | 'dueDate'>
): boolean | null {
  const due =
    to === 'not_accepted'
      ? deadlines.classificationDueDate
      : to === 'transferred'
        ? deadlines.transferDueDate
        : to === 'answered'
          ? deadlines.dueDate
          : undefined;
  if (due === undefined) return null;
  return due === null ? true : closedOn <= due;
}

/** Whether the answer deadline has passed: the feedback is already late, whatever happens next. */
export const answerIsLate = (today: string, dueDate: string | null) => dueDate !== null && dueDate < today;

export type UnitDueDateProblem = 'past' | 'late' | 'required_when_late';

/**
 * A unit's own due date falls between today and the feedback's answer deadline. When that deadline has already
 * passed, the unit still needs a date to work to: any day from today on, and the Office must choose it, since no
 * date the rules give is still ahead. The feedback stays late: `onTime` is judged against the answer deadline.
 */
export function checkUnitDueDate(
  unitDueDate: string,
  today: string,
  dueDate: string | null
): Exclude<UnitDueDateProblem, 'required_when_late'> | null {
  if (unitDueDate < today) return 'past';
  if (dueDate && unitDueDate > dueDate && !answerIsLate(today, dueDate)) return 'late';
  return null;
}

/**
 * The unit's due date of an assignment: the one the Office gave, else the answer deadline while it is ahead (today
 * when the feedback has none).
 */
export function unitDueDateOf(
  requested: string | null | undefined,
  today: string,
  dueDate: string | null
): { date: string } | { problem: UnitDueDateProblem } {
  if (!requested) {
    if (answerIsLate(today, dueDate)) return { problem: 'required_when_late' };
    return { date: dueDate ?? today };
  }
  const problem = checkUnitDueDate(requested, today, dueDate);
  return problem ? { problem } : { date: requested };
}
