/**
 * "Waiting for me" (issue 13): what each plugin's `GET /waiting` answers, and the window of "due soon". Pure module;
 * each plugin's domain/waiting.ts says which of its items wait for which actor.
 */

/** An item is due soon when its deadline is today or within this many calendar days. */
export const DUE_SOON_DAYS = 3;

/** One line of the widget: a key the admin translates and links, and how many items wait. */
export interface WaitingItem {
  key: string;
  count: number;
  /** Of `count`, those whose deadline has passed (only for lines whose items have a deadline). */
  overdue?: number;
  /** Of `count`, those due today or within DUE_SOON_DAYS days. */
  dueSoon?: number;
}

/** The calendar day `days` after an ISO day (YYYY-MM-DD). */
export function addCalendarDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The deadlines that count, for the organization's `today`: overdue before `today`, due soon from `today` to
 * `soonUntil` inclusive.
 */
export function dueWindow(today: string): { today: string; soonUntil: string } {
  return { today, soonUntil: addCalendarDays(today, DUE_SOON_DAYS) };
}

/** Whether a deadline is overdue, due soon, or neither (none, or later). */
export function dueStatus(due: string | null, today: string): 'overdue' | 'dueSoon' | null {
  if (!due) return null;
  if (due < today) return 'overdue';
  return due <= dueWindow(today).soonUntil ? 'dueSoon' : null;
}
