import { readFileSync } from 'fs';
import { join } from 'path';
import {
  displayDay,
  isIsoDate,
  localDate,
  startOfLocalDay,
  WorkingCalendar,
  type CalendarEntry,
} from '../working-days';

const holiday = (date: string): CalendarEntry => ({ date, kind: 'holiday' });
const workingDay = (date: string): CalendarEntry => ({ date, kind: 'working_day' });

// Weekday of an ISO date, 0 = Sunday, independently of the module under test.
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// Tết Tân Sửu 2021 as civil servants had it: Wed 10/2 to Tue 16/2 off (7 days with the weekend).
const TET_2021 = ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'].map(holiday);
// 2024: Monday 29/4 swapped with Saturday 4/5; 30/4 and 1/5 are Tuesday and Wednesday.
const MAY_2024 = [
  holiday('2024-04-29'),
  holiday('2024-04-30'),
  holiday('2024-05-01'),
  workingDay('2024-05-04'),
];

describe('working calendar: which days are working days', () => {
  const plain = new WorkingCalendar([]);

  it('works Monday to Friday and rests on the weekend', () => {
    // 2021-03-01 was a Monday.
    const week = [
      '2021-03-01',
      '2021-03-02',
      '2021-03-03',
      '2021-03-04',
      '2021-03-05',
      '2021-03-06',
      '2021-03-07',
    ];
    expect(week.map((d) => plain.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });

  it('takes a listed holiday off', () => {
    const calendar = new WorkingCalendar([holiday('2021-09-02'), holiday('2021-09-03')]);
    expect(calendar.isWorkingDay('2021-09-01')).toBe(true);
    expect(calendar.isWorkingDay('2021-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2021-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2021-09-06')).toBe(true);
  });

  it('works on a Saturday made a working day, and only that one', () => {
    const calendar = new WorkingCalendar(MAY_2024);
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2024-05-05')).toBe(false);
    expect(calendar.isWorkingDay('2024-05-11')).toBe(false);
  });

  it('ignores a holiday that falls on a weekend and a working day that is already one', () => {
    const calendar = new WorkingCalendar([holiday('2021-05-01'), workingDay('2021-05-04')]);
    expect(calendar.isWorkingDay('2021-05-01')).toBe(false);
    expect(calendar.isWorkingDay('2021-05-04')).toBe(true);
    expect(calendar.workingDaysBetween('2021-04-30', '2021-05-07')).toBe(5);
  });

  it('handles leap days and the turn of a century', () => {
    expect(plain.isWorkingDay('2024-02-29')).toBe(true); // Thursday
    expect(plain.isWorkingDay('2000-02-29')).toBe(true); // Tuesday
    expect(plain.isWorkingDay('2100-03-01')).toBe(true); // Monday (2100 is not a leap year)
    expect(plain.addWorkingDays('2100-02-26', 1)).toBe('2100-03-01');
  });
});

describe('working calendar: adding working days', () => {
  const plain = new WorkingCalendar([]);

  it('counts from the day after the start', () => {
    expect(plain.addWorkingDays('2021-03-01', 1)).toBe('2021-03-02');
    expect(plain.addWorkingDays('2021-03-01', 4)).toBe('2021-03-05');
  });

  it('crosses a weekend', () => {
    // Friday + 1 is Monday; Friday + 5 is the next Friday.
    expect(plain.addWorkingDays('2021-03-05', 1)).toBe('2021-03-08');
    expect(plain.addWorkingDays('2021-03-05', 5)).toBe('2021-03-12');
    // From a Saturday or a Sunday the first working day is Monday.
    expect(plain.addWorkingDays('2021-03-06', 1)).toBe('2021-03-08');
    expect(plain.addWorkingDays('2021-03-07', 1)).toBe('2021-03-08');
  });

  it('with 0 days gives the start when it is a working day, else the next working day', () => {
    const calendar = new WorkingCalendar([holiday('2021-09-02'), holiday('2021-09-03')]);
    expect(calendar.addWorkingDays('2021-09-01', 0)).toBe('2021-09-01');
    expect(calendar.addWorkingDays('2021-09-02', 0)).toBe('2021-09-06');
    expect(calendar.addWorkingDays('2021-09-04', 0)).toBe('2021-09-06');
  });

  it('crosses a weekend and a holiday: transfer within 5 working days around 2/9', () => {
    const calendar = new WorkingCalendar([holiday('2021-09-02'), holiday('2021-09-03')]);
    // Received Wed 1/9: Thu–Fri holidays, weekend, then Mon 6 … Fri 10.
    expect(calendar.addWorkingDays('2021-09-01', 5)).toBe('2021-09-10');
    expect(calendar.addWorkingDays('2021-08-31', 1)).toBe('2021-09-01');
    expect(calendar.addWorkingDays('2021-08-31', 2)).toBe('2021-09-06');
  });

  it('skips Tết spanning a whole week', () => {
    const calendar = new WorkingCalendar(TET_2021);
    // Tuesday 9/2 + 1: Wednesday 10 to Tuesday 16 are all off.
    expect(calendar.addWorkingDays('2021-02-09', 1)).toBe('2021-02-17');
    expect(calendar.addWorkingDays('2021-02-08', 5)).toBe('2021-02-22');
    expect(calendar.workingDaysBetween('2021-02-09', '2021-02-16')).toBe(0);
    expect(calendar.workingDaysBetween('2021-02-09', '2021-02-17')).toBe(1);
    expect(calendar.addWorkingDays('2021-02-12', 0)).toBe('2021-02-17');
  });

  it('counts a working Saturday', () => {
    const calendar = new WorkingCalendar(MAY_2024);
    // Friday 26/4: Mon 29, Tue 30, Wed 1 off; Thu 2, Fri 3, Sat 4 (made up), Mon 6.
    expect(calendar.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02');
    expect(calendar.addWorkingDays('2024-04-26', 3)).toBe('2024-05-04');
    expect(calendar.addWorkingDays('2024-04-26', 4)).toBe('2024-05-06');
    expect(calendar.addWorkingDays('2024-05-04', 0)).toBe('2024-05-04');
    expect(calendar.workingDaysBetween('2024-05-03', '2024-05-06')).toBe(2);
  });

  it('adds across the turn of the year and far ahead', () => {
    expect(plain.addWorkingDays('2021-12-31', 1)).toBe('2022-01-03');
    // 260 or 261 weekdays a year: 261 weekdays after Friday 1/1/2021 is Monday 3/1/2022.
    expect(plain.addWorkingDays('2021-01-01', 261)).toBe('2022-01-03');
    expect(plain.workingDaysBetween('2021-01-01', '2022-01-03')).toBe(261);
  });

  it('counts back from a day, for what already happened', () => {
    // Thursday 4/3/2021 back 3: Wed 3, Tue 2, Mon 1.
    expect(plain.subtractWorkingDays('2021-03-04', 3)).toBe('2021-03-01');
    expect(plain.subtractWorkingDays('2021-03-08', 1)).toBe('2021-03-05');
    expect(plain.subtractWorkingDays('2021-03-07', 0)).toBe('2021-03-05');
    expect(plain.subtractWorkingDays('2021-03-05', 0)).toBe('2021-03-05');
    expect(plain.subtractWorkingDays('2022-01-03', 261)).toBe('2021-01-01');
    // Tết 2021: back from Wednesday 17/2, one working day is Tuesday 9/2.
    const calendar = new WorkingCalendar(TET_2021);
    expect(calendar.subtractWorkingDays('2021-02-17', 1)).toBe('2021-02-09');
    // It undoes addWorkingDays from any working day.
    for (const start of ['2021-02-03', '2021-02-09', '2021-02-17', '2021-03-01']) {
      for (const days of [1, 2, 5, 15, 40]) {
        expect(calendar.subtractWorkingDays(calendar.addWorkingDays(start, days), days)).toBe(start);
      }
    }
    expect(() => plain.subtractWorkingDays('2021-01-01', -1)).toThrow(/whole number/);
  });

  it('rejects malformed dates and bad day counts', () => {
    expect(() => plain.addWorkingDays('2021-2-1', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => plain.addWorkingDays('2021-02-30', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => plain.addWorkingDays('2021-13-01', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => plain.addWorkingDays('2021-01-01T00:00:00Z', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => plain.addWorkingDays('2021-01-01', -1)).toThrow(/whole number/);
    expect(() => plain.addWorkingDays('2021-01-01', 1.5)).toThrow(/whole number/);
    expect(() => plain.addWorkingDays('2021-01-01', Number.NaN)).toThrow(/whole number/);
    expect(() => plain.isWorkingDay('')).toThrow(/YYYY-MM-DD/);
    expect(() => plain.workingDaysBetween('2021-01-01', 'tomorrow')).toThrow(/YYYY-MM-DD/);
  });

  it('adds 60 working days across Tết and the May holidays', () => {
    const calendar = new WorkingCalendar(TET_2021.concat(MAY_2024));
    expect(calendar.addWorkingDays('2021-01-04', 60)).toBe('2021-04-05');
  });
});

describe('working calendar: counting working days', () => {
  const plain = new WorkingCalendar([]);

  it('counts (from, to]: from excluded, to included', () => {
    expect(plain.workingDaysBetween('2021-03-01', '2021-03-02')).toBe(1);
    expect(plain.workingDaysBetween('2021-03-01', '2021-03-08')).toBe(5);
    expect(plain.workingDaysBetween('2021-03-05', '2021-03-07')).toBe(0);
    expect(plain.workingDaysBetween('2021-03-06', '2021-03-08')).toBe(1);
  });

  it('is 0 when to is not after from', () => {
    expect(plain.workingDaysBetween('2021-03-01', '2021-03-01')).toBe(0);
    expect(plain.workingDaysBetween('2021-03-08', '2021-03-01')).toBe(0);
  });

  it('agrees with addWorkingDays and with a day-by-day count, from many random starts', () => {
    const calendar = new WorkingCalendar([
      ...TET_2021,
      ...MAY_2024,
      holiday('2021-09-02'),
      holiday('2021-09-03'),
      holiday('2023-01-02'),
      workingDay('2026-01-10'),
      holiday('2026-01-02'),
    ]);
    // A small deterministic generator, so that a failure can be replayed.
    let seed = 20210301;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 500; i++) {
      const start = addDays('2020-12-01', Math.floor(random() * 2300));
      const n = 1 + Math.floor(random() * 70);
      const due = calendar.addWorkingDays(start, n);
      expect(calendar.workingDaysBetween(start, due)).toBe(n);
      expect(calendar.isWorkingDay(due)).toBe(true);
      // The day before the due date is still short of n.
      expect(calendar.workingDaysBetween(start, addDays(due, -1))).toBe(n - 1);
      // A plain count, day by day.
      let counted = 0;
      for (let d = addDays(start, 1); d <= due; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) counted++;
      expect(counted).toBe(n);
    }
  });

  it('agrees with the weekday of Date on a plain calendar', () => {
    for (let i = 0; i < 400; i++) {
      const date = addDays('1999-12-25', i * 37);
      const day = weekday(date);
      expect(plain.isWorkingDay(date)).toBe(day !== 0 && day !== 6);
    }
  });
});

describe('working calendar: entries', () => {
  it('reject malformed dates, unknown kinds and contradictions', () => {
    expect(() => new WorkingCalendar([holiday('2021-9-2')])).toThrow(/entry 0 date/);
    expect(() => new WorkingCalendar([{ date: '2021-09-02', kind: 'day_off' as 'holiday' }])).toThrow(/kind/);
    expect(() => new WorkingCalendar([holiday('2024-05-04'), workingDay('2024-05-04')])).toThrow(/both/);
    expect(() => new WorkingCalendar(null as unknown as CalendarEntry[])).toThrow(/array/);
  });

  it('accept the same holiday twice', () => {
    const calendar = new WorkingCalendar([holiday('2021-09-02'), holiday('2021-09-02')]);
    expect(calendar.workingDaysBetween('2021-09-01', '2021-09-06')).toBe(2);
  });
});

describe('displayDay', () => {
  it('writes a day as dd/mm/yyyy, from a day or an instant', () => {
    expect(displayDay('2022-01-04')).toBe('04/01/2022');
    expect(displayDay('2022-01-04T16:59:59.000Z')).toBe('04/01/2022');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2021-04-31')).toBe(false);
    expect(isIsoDate('2021-00-10')).toBe(false);
    expect(isIsoDate(' 2021-01-01')).toBe(false);
    expect(isIsoDate(20210101)).toBe(false);
  });
});

describe('localDate', () => {
  const zone = 'Asia/Ho_Chi_Minh';

  it('gives the date in Vietnam (UTC+7) around midnight', () => {
    expect(localDate(new Date('2021-03-01T16:59:59Z'), zone)).toBe('2021-03-01');
    expect(localDate(new Date('2021-03-01T17:00:00Z'), zone)).toBe('2021-03-02');
    expect(localDate(new Date('2021-03-01T18:30:00Z'), zone)).toBe('2021-03-02');
    expect(localDate(new Date('2021-03-02T16:59:59.999Z'), zone)).toBe('2021-03-02');
  });

  it('turns the year at 17:00 UTC on 31 December', () => {
    expect(localDate(new Date('2020-12-31T16:59:59Z'), zone)).toBe('2020-12-31');
    expect(localDate(new Date('2020-12-31T17:00:00Z'), zone)).toBe('2021-01-01');
  });

  it('uses the zone rules, not a fixed offset', () => {
    expect(localDate(new Date('2021-03-01T18:30:00Z'), 'UTC')).toBe('2021-03-01');
    // New York: UTC-5 in winter, UTC-4 in summer.
    expect(localDate(new Date('2021-01-15T04:30:00Z'), 'America/New_York')).toBe('2021-01-14');
    expect(localDate(new Date('2021-07-15T04:30:00Z'), 'America/New_York')).toBe('2021-07-15');
  });

  it('rejects an invalid instant or zone', () => {
    expect(() => localDate(new Date('not a date'), zone)).toThrow(/valid Date/);
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(/time zone/);
    expect(() => localDate(new Date(), '')).toThrow(/time zone/);
  });
});

describe('demo holiday list (database/demo/holidays.json)', () => {
  const entries: Array<CalendarEntry & { name: string; nameEn: string }> = JSON.parse(
    readFileSync(join(__dirname, '../../../database/demo/holidays.json'), 'utf8')
  );

  it('has valid, sorted, unique dates with names in both languages', () => {
    const dates = entries.map((e) => e.date);
    for (const entry of entries) {
      expect(isIsoDate(entry.date)).toBe(true);
      expect(['holiday', 'working_day']).toContain(entry.kind);
      expect(entry.name).toEqual(expect.any(String));
      expect(entry.nameEn).toEqual(expect.any(String));
    }
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0] <= '2020-01-01').toBe(true);
    expect(dates[dates.length - 1] >= '2027-09-02').toBe(true);
  });

  it('lists holidays on weekdays and working days on weekends', () => {
    for (const entry of entries) {
      const day = weekday(entry.date);
      const weekend = day === 0 || day === 6;
      expect({ date: entry.date, weekend }).toEqual({
        date: entry.date,
        weekend: entry.kind === 'working_day',
      });
    }
  });

  it('has at least 9 weekday holidays in each year 2021–2026', () => {
    for (let year = 2021; year <= 2026; year++) {
      const count = entries.filter((e) => e.kind === 'holiday' && e.date.startsWith(`${year}-`)).length;
      expect({ year, enough: count >= 9 }).toEqual({ year, enough: true });
    }
  });

  it('builds a calendar', () => {
    const calendar = new WorkingCalendar(entries);
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight as an instant', () => {
    expect(startOfLocalDay('2021-03-02', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2021-03-01T17:00:00.000Z');
    expect(startOfLocalDay('2021-03-02', 'UTC').toISOString()).toBe('2021-03-02T00:00:00.000Z');
    expect(startOfLocalDay('2021-03-02', 'Pacific/Kiritimati').toISOString()).toBe(
      '2021-03-01T10:00:00.000Z'
    );
  });

  it('follows daylight saving changes', () => {
    // Europe/Paris: UTC+1 in winter, UTC+2 from 2021-03-28.
    expect(startOfLocalDay('2021-03-28', 'Europe/Paris').toISOString()).toBe('2021-03-27T23:00:00.000Z');
    expect(startOfLocalDay('2021-03-29', 'Europe/Paris').toISOString()).toBe('2021-03-28T22:00:00.000Z');
  });
});
