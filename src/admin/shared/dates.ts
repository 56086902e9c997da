/**
 * Calendar days typed or picked in the admin's date fields (src/admin/shared/DateField.tsx), without React or Strapi:
 * reading what was typed (dd/mm/yyyy, also d/m/yyyy), writing a day back as dd/mm/yyyy, the weekday headers and the
 * weeks of a month for the calendar. A calendar day is an ISO string 'YYYY-MM-DD' throughout.
 *
 * The typed form is the same in Vietnamese and English (day first, as on every document of the department), so a
 * date never changes meaning with the interface language. Two-digit years are refused: "18/12/26" could be 1926 or
 * 2026, and a wrong year is worse than a question.
 */
import { displayDay } from '#domain/working-days';

/** What a typed day says: nothing, a calendar day, or text that is not a date. */
export type TypedDay = { kind: 'empty' } | { kind: 'day'; value: string } | { kind: 'invalid' };

/** What a typed time of day says: nothing, 'HH:MM', or text that is not a time. */
export type TypedTime = { kind: 'empty' } | { kind: 'time'; value: string } | { kind: 'invalid' };

/** The years a typed day may have: enough for archives and plans, and a typo such as 0226 is caught. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days in a month (1-12) of the Gregorian calendar. */
export const daysInMonth = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** 'YYYY-MM-DD' of a day, or null when there is no such day (31/02, month 13, a year out of range). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const TYPED = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a typed day: dd/mm/yyyy or d/m/yyyy (also with '.' or '-' between the parts, spaces around them ignored),
 * or a pasted ISO day (yyyy-mm-dd). Anything else, a two-digit year included, is invalid.
 */
export function parseDay(text: string): TypedDay {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const iso = ISO.exec(trimmed);
  if (iso) {
    const value = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { kind: 'day', value } : { kind: 'invalid' };
  }
  const typed = TYPED.exec(trimmed);
  if (!typed || typed[3].length !== 4) return { kind: 'invalid' };
  const value = isoDay(Number(typed[3]), Number(typed[2]), Number(typed[1]));
  return value ? { kind: 'day', value } : { kind: 'invalid' };
}

/** A calendar day (or the date part of an ISO value) as dd/mm/yyyy; '' for none or for something else. */
export function formatDay(value: string | null | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? displayDay(value) : '';
}

/** Reads a typed time of day: H:MM or HH:MM (also 14h30 or 14.30), 00:00 to 23:59. */
export function parseTime(text: string): TypedTime {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const match = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(trimmed);
  if (!match) return { kind: 'invalid' };
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return { kind: 'invalid' };
  return { kind: 'time', value: `${pad(hours)}:${pad(minutes)}` };
}

/** A Date in the browser's time zone, as a calendar day. */
export const dayOf = (date: Date) =>
  `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A Date in the browser's time zone, as HH:MM. */
export const timeOf = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** A calendar day and a time of day ('HH:MM') in the browser's time zone, as a Date. */
export function localInstant(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year, month - 1, date, hours, minutes);
}

/** The calendar's weekday headers, Monday first: T2 … T7, CN in Vietnamese; Mo … Su otherwise. */
export function weekdayLabels(locale: string): string[] {
  return locale.toLowerCase().startsWith('vi')
    ? ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']
    : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
}

/** Day of the week of a calendar day, Monday = 0 … Sunday = 6. */
export function weekdayOf(year: number, month: number, day: number): number {
  // Sakamoto's method gives Sunday = 0.
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const sunday0 =
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[month - 1] + day) % 7;
  return (sunday0 + 6) % 7;
}

/** The weeks of a month (Monday first) for the calendar: each a row of 7 calendar days or null outside the month. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const cells: (string | null)[] = Array.from({ length: weekdayOf(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) {
    cells.push(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** The month `delta` months after (or before) a month. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
