/**
 * How long closed feedback keeps its submitter's personal data (Decree 13/2023): the organization's retention
 * period, counted in calendar months from the day the feedback was closed. After it, the feedback is anonymized:
 * the name, address, phone and e-mail are removed, and the free texts are redacted of them first; what the
 * statistics count (state, kind, channel, dates, deadlines, timeliness, unit, procedure) stays. Pure module: the
 * caller supplies the clock, the period and the organization's time zone.
 */
import { localDate, startOfLocalDay } from '#domain/working-days';
import { redactPersonalData, type Submitter } from './redaction';
import { CLOSED_STATES, type FeedbackState } from './workflow';

/** Only feedback in these states is ever anonymized: nothing is handled in them any more. */
export const RETENTION_STATES: readonly FeedbackState[] = CLOSED_STATES;

/** The submitter's personal data, emptied. */
export const PERSONAL_FIELDS = ['fullName', 'address', 'phone', 'email'] as const;

/** Free texts that may quote the submitter, redacted (before the personal fields are emptied), with their limits. */
export const REDACTED_TEXT_FIELDS = {
  subject: 255,
  content: 10000,
  answer: 20000,
  notAcceptedReason: 2000,
  publicSubject: 255,
  publicContent: 10000,
  publicAnswer: 20000,
} as const;

export type RedactedTextField = keyof typeof REDACTED_TEXT_FIELDS;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What the statistics count: never changed by the anonymization. */
export const KEPT_FIELDS = [
  'state',
  'kind',
  'channel',
  'language',
  'receivedAt',
  'classificationDueDate',
  'transferDueDate',
  'unitDueDate',
  'dueDate',
  'publicationDueDate',
  'assignedAt',
  'answeredAt',
  'answerPublishedAt',
  'answerPublished',
  'closedAt',
  'onTime',
  'publicationOnTime',
  'receivingAgency',
  'transferLetterNumber',
  'handlingUnit',
  'procedure',
] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar date `months` months before `date` (YYYY-MM-DD); a day the earlier month does not have becomes its
 * last day: 2026-03-31 minus one month is 2026-02-28, 2024-02-29 minus twelve months is 2023-02-28.
 */
export function subtractMonths(date: string, months: number): string {
  const match = DATE.exec(date);
  if (!match) throw new TypeError(`subtractMonths needs a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`subtractMonths needs a whole number of months, got ${months}`);
  }
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-11
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day a run of the job belongs to: the date of `now` in the organization's time zone (YYYY-MM-DD). */
export const retentionRunKey = (now: Date, timeZone: string) => localDate(now, timeZone);

/**
 * Feedback closed before this instant is past its retention period: the start, in the organization's time zone,
 * of the day `months` calendar months before today. Whole days, so the period is never cut short by hours.
 */
export function retentionCutoff(now: Date, months: number, timeZone: string): Date {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`The retention period must be a whole number of months (at least 1), got ${months}`);
  }
  return startOfLocalDay(subtractMonths(localDate(now, timeZone), months), timeZone);
}

/**
 * Which feedback is due: closed, closed before the cutoff, not anonymized yet. A query-engine filter, as the job
 * reads the rows in batches.
 */
export const dueForAnonymization = (cutoff: Date) => ({
  state: { $in: [...RETENTION_STATES] },
  closedAt: { $lt: cutoff },
  anonymizedAt: { $null: true },
});

export type RetainedFeedback = Submitter & Partial<Record<RedactedTextField, string | null>>;

export type AnonymizedValues = Record<PersonalField, null> &
  Partial<Record<RedactedTextField, string>> & { anonymizedAt: Date };

/** Cuts a text to a limit without leaving half of a surrogate pair at the end. */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The new values of an anonymized feedback: each free text redacted of the submitter's data (and kept within its
 * length limit, as a redaction mark can be longer than what it replaces), the personal fields emptied, the time.
 */
export function anonymizedValues(feedback: RetainedFeedback, at: Date): AnonymizedValues {
  const submitter: Submitter = {
    fullName: feedback.fullName,
    address: feedback.address,
    phone: feedback.phone,
    email: feedback.email,
  };
  const values: AnonymizedValues = {
    fullName: null,
    address: null,
    phone: null,
    email: null,
    anonymizedAt: at,
  };
  for (const [field, limit] of Object.entries(REDACTED_TEXT_FIELDS) as [RedactedTextField, number][]) {
    const text = feedback[field];
    if (typeof text === 'string' && text !== '')
      values[field] = clip(redactPersonalData(text, submitter), limit);
  }
  return values;
}
