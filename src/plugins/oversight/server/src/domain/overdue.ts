/**
 * What a unit has overdue today, which the Office's reminder preselects: its plan tasks past their due date
 * without a "done" report, and the feedback it still owes an answer on past the unit's due date. A task is late by
 * calendar days (plan due dates are calendar dates); a feedback by working days, as its deadlines are counted
 * (Decree 20/2008, src/domain/feedback-deadlines.ts). Pure module.
 */
import { currentDueDate, daysLeft, type Calendar } from '#domain/feedback-deadlines';
import type { FeedbackState } from '#domain/feedback-public';
import { sortItems, type ReminderItem } from './reminders';
import { taskStatus } from './task-status';

/** The feedback states in which the unit owes its answer: a drafted answer waits for the Office, not the unit. */
export const UNIT_OWES_STATES: readonly FeedbackState[] = ['assigned'];

export interface TaskFact {
  documentId: string;
  code: string;
  title: string;
  dueDate: string | null;
}

export interface FeedbackFact {
  documentId: string;
  title: string;
  state: FeedbackState;
  dueDate: string | null;
  unitDueDate: string | null;
}

export interface OverdueItem extends ReminderItem {
  /** How late it is today: calendar days for a task, working days for a feedback. */
  lateDays: number;
  lateDaysKind: 'calendar' | 'working';
}

const DAY_MS = 86_400_000;
/** Calendar days from `from` to `to` (both YYYY-MM-DD, read as UTC midnights, so no zone shifts them). */
const calendarDaysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The unit's overdue items, soonest due first (domain/reminders.ts sortItems). */
export function overdueItems(input: {
  tasks: TaskFact[];
  latestReports: Map<string, { status: 'in_progress' | 'done' }>;
  feedback: FeedbackFact[];
  today: string;
  calendar: Calendar;
}): OverdueItem[] {
  const { tasks, latestReports, feedback, today, calendar } = input;
  const items: OverdueItem[] = [];
  for (const task of tasks) {
    if (taskStatus(task, latestReports.get(task.documentId), today) !== 'overdue') continue;
    items.push({
      type: 'task',
      documentId: task.documentId,
      code: task.code,
      title: task.title,
      dueDate: task.dueDate,
      lateDays: calendarDaysBetween(task.dueDate!, today),
      lateDaysKind: 'calendar',
    });
  }
  for (const row of feedback) {
    if (!UNIT_OWES_STATES.includes(row.state)) continue;
    const due = currentDueDate({
      state: row.state,
      dueDate: row.dueDate,
      unitDueDate: row.unitDueDate,
      classificationDueDate: null,
      transferDueDate: null,
      publicationDueDate: null,
      publishAnswer: false,
    });
    if (due === null || due >= today) continue;
    items.push({
      type: 'feedback',
      documentId: row.documentId,
      title: row.title,
      dueDate: due,
      lateDays: -daysLeft(today, due, calendar),
      lateDaysKind: 'working',
    });
  }
  return sortItems(items);
}
