import fs from 'fs';
import path from 'path';
import { WorkingCalendar } from '#domain/working-days';
import {
  currentYearStory,
  dayFromSeed,
  fillYear,
  instantFromSeed,
  resolveDates,
  type SeedDay,
} from '../current-year';

const ZONE = 'Asia/Ho_Chi_Minh';
// Tết 2026: Monday 16 to Friday 20 February off.
const TET = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
  date,
  kind: 'holiday' as const,
}));
/** Sunday 6/12/2026, 08:30 in Hồ Chí Minh City. */
const seed: SeedDay = {
  now: new Date('2026-12-06T01:30:00Z'),
  today: '2026-12-06',
  timeZone: ZONE,
  calendar: new WorkingCalendar(TET),
};
const demo = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../database/demo', file), 'utf8'));

describe('dates relative to the seed day', () => {
  it('counts working days forward and back; 0 is the seed day itself', () => {
    expect(dayFromSeed(0, seed)).toBe('2026-12-06');
    expect(dayFromSeed(1, seed)).toBe('2026-12-07');
    expect(dayFromSeed(-1, seed)).toBe('2026-12-04');
    expect(dayFromSeed(-5, seed)).toBe('2026-11-30');
    // Back across Tết: the working day before Monday 23/2 is Friday 13/2.
    expect(dayFromSeed(-1, { ...seed, today: '2026-02-23' })).toBe('2026-02-13');
    expect(() => dayFromSeed(1.5, seed)).toThrow(/whole number/);
  });

  it('dates an event at 09:00 local time, never after the seed runs', () => {
    expect(instantFromSeed(-1, seed).toISOString()).toBe('2026-12-04T02:00:00.000Z');
    // The seed runs at 08:30: an event of the day is dated now.
    expect(instantFromSeed(0, seed)).toEqual(seed.now);
  });

  it('resolves `…InWorkingDays` keys all the way down into days and instants', () => {
    expect(
      resolveDates(
        {
          title: 'x',
          dueDateInWorkingDays: 2,
          moves: [{ to: 'submitted', atInWorkingDays: -1 }],
          receivedAtInWorkingDays: -5,
        },
        seed
      )
    ).toEqual({
      title: 'x',
      dueDate: '2026-12-08',
      moves: [{ to: 'submitted', at: '2026-12-04T02:00:00.000Z' }],
      receivedAt: '2026-11-30T02:00:00.000Z',
    });
  });

  it('works in a year the holiday list does not cover: weekdays are working days', () => {
    const bare = { ...seed, today: '2040-03-07', calendar: new WorkingCalendar([]) };
    expect(dayFromSeed(-1, bare)).toBe('2040-03-06');
    expect(dayFromSeed(3, bare)).toBe('2040-03-12');
  });
});

describe('fillYear', () => {
  it('writes the year and the one before into every text', () => {
    expect(fillYear({ a: ['năm {year}', { b: '15/12/{previousYear}–14/12/{year}' }], n: 3 }, 2026)).toEqual({
      a: ['năm 2026', { b: '15/12/2025–14/12/2026' }],
      n: 3,
    });
  });
});

describe('the current year of the demo data', () => {
  const history = demo('plan.json');
  const story = currentYearStory(demo('current-year.json'), history, seed);

  it("is the history plan's content for the seed day's year, with its own key and texts", () => {
    expect(story.plan.year).toBe(2026);
    expect(story.plan.key).not.toBe(history.key);
    expect(story.plan.vi.title).toContain('2026');
    expect(story.plan.vi.sections).toHaveLength(history.vi.sections.length);
    expect(JSON.stringify(story)).not.toMatch(/\{(year|previousYear)\}|InWorkingDays/);
    const codes = story.plan.tasks.map((t: { code: string }) => t.code);
    expect(codes).toEqual(history.tasks.map((t: { code: string }) => t.code));
    for (const task of story.plan.tasks) {
      expect(task).toMatchObject({ unit: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-/) });
      expect(task.campaign).toBeUndefined();
    }
  });

  it('has tasks overdue and due in the coming weeks, none a year late', () => {
    const dues = story.plan.tasks.map((t: { dueDate: string }) => t.dueDate);
    expect(dues.some((d: string) => d < seed.today)).toBe(true);
    expect(dues.some((d: string) => d > seed.today && d < '2027-01-01')).toBe(true);
    expect(dues.every((d: string) => d > '2025-12-06')).toBe(true);
  });

  it('refuses a task the history plan lacks', () => {
    const story = demo('current-year.json');
    story.plan.tasks.push({ code: 'X.9', dueDateInWorkingDays: 1 });
    expect(() => currentYearStory(story, history, seed)).toThrow(/X\.9/);
  });
});
