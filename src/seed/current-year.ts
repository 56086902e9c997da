/**
 * The demo's current year (database/demo/current-year.json): a story written relative to the day the seed runs, so
 * that the demo is alive on the day it is installed. Resolved here into dated entries of the same shapes as the
 * history's (plan.json, oversight.json, feedbacks.json, submissions.json), which the seed then loads alike. Pure
 * module: the caller gives the seed day, the organization's time zone and its working-day calendar.
 */
import { startOfLocalDay, type WorkingCalendar } from '#domain/working-days';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SeedDay {
  /** The instant the seed runs, and its calendar day in the organization's time zone. */
  now: Date;
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
}

/** A key `<field>InWorkingDays` holds a signed count of working days from the seed day and stands for `<field>`. */
const RELATIVE = /^(.+)InWorkingDays$/;

/** Fields that hold an instant rather than a day: `at`, `receivedAt`, `reportedAt`… */
const INSTANT = /(^a|A)t$/;

/** Staff act in office hours: an event of the story happens at 09:00 local time, never after the seed runs. */
const EVENT_HOUR = 9;

/** The day `offset` working days from the seed day (0: the seed day itself, a working day or not). */
export function dayFromSeed(offset: number, { today, calendar }: SeedDay): string {
  if (!Number.isSafeInteger(offset)) {
    throw new TypeError(`A number of working days must be a whole number, got ${JSON.stringify(offset)}`);
  }
  if (offset === 0) return today;
  return offset > 0 ? calendar.addWorkingDays(today, offset) : calendar.subtractWorkingDays(today, -offset);
}

/** The instant of an event `offset` working days from the seed day: 09:00 local time, or now if that is later. */
export function instantFromSeed(offset: number, seed: SeedDay): Date {
  const start = startOfLocalDay(dayFromSeed(offset, seed), seed.timeZone).getTime();
  return new Date(Math.min(start + EVENT_HOUR * 3_600_000, seed.now.getTime()));
}

/**
 * Every `<field>InWorkingDays` replaced by `<field>`: an instant (ISO string) for a field named `at` or `…At`, a day
 * (YYYY-MM-DD) otherwise. Arrays and objects are resolved all the way down.
 */
export function resolveDates<T>(value: T, seed: SeedDay): T {
  if (Array.isArray(value)) return value.map((item) => resolveDates(item, seed)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const field = RELATIVE.exec(key)?.[1];
      if (!field) return [key, resolveDates(item, seed)];
      return [
        field,
        INSTANT.test(field) ? instantFromSeed(item, seed).toISOString() : dayFromSeed(item, seed),
      ];
    })
  ) as T;
}

/** `{year}` and `{previousYear}` in every text replaced by that year and the one before. */
export function fillYear<T>(value: T, year: number): T {
  if (typeof value === 'string') {
    return value.replaceAll('{year}', String(year)).replaceAll('{previousYear}', String(year - 1)) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fillYear(item, year)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillYear(item, year)])) as T;
}

/**
 * The current year's story, dated: its plan is the history plan's text and tasks for the seed day's year, with the
 * story's own key, symbol, signer and texts where it gives them, and each task's due date from the story (tasks keep
 * no campaign: the campaigns are the history year's). The rest (task reports, difficulties, submissions, feedback)
 * is the story's own, dated.
 */
export function currentYearStory(story: Json, historyPlan: Json, seed: SeedDay) {
  const year = Number(seed.today.slice(0, 4));
  const { plan, ...records } = fillYear(resolveDates(story, seed), year);
  const base = fillYear(historyPlan, year);
  const tasks = new Map<string, Json>(base.tasks.map((task: Json) => [task.code, task]));
  const text = (locale: 'vi' | 'en') => base[locale] && { ...base[locale], ...plan[locale] };
  return {
    ...records,
    plan: {
      ...plan,
      year,
      vi: text('vi'),
      en: text('en'),
      tasks: plan.tasks.map(({ code, ...dated }: Json) => {
        const task = tasks.get(code);
        if (!task)
          throw new Error(`The current year's plan has a task "${code}" that the history plan lacks.`);
        const { campaign, ...content } = task; // eslint-disable-line @typescript-eslint/no-unused-vars
        return { ...content, ...dated };
      }),
    },
  } as Json;
}
