import {
  dayOf,
  formatDay,
  isoDay,
  localInstant,
  monthWeeks,
  parseDay,
  parseTime,
  shiftMonth,
  timeOf,
  weekdayLabels,
  weekdayOf,
} from '../dates';

describe('parseDay: what was typed in a date field', () => {
  it('reads dd/mm/yyyy', () => {
    expect(parseDay('18/12/2026')).toEqual({ kind: 'day', value: '2026-12-18' });
    expect(parseDay('01/02/2026')).toEqual({ kind: 'day', value: '2026-02-01' });
  });

  it('reads d/m/yyyy', () => {
    expect(parseDay('1/2/2026')).toEqual({ kind: 'day', value: '2026-02-01' });
    expect(parseDay('9/11/2026')).toEqual({ kind: 'day', value: '2026-11-09' });
  });

  it("accepts '.' and '-' between the parts, and spaces around the text and the separators", () => {
    for (const text of ['18.12.2026', '18-12-2026', '  18/12/2026 ', '18 / 12 / 2026', '\t18/12/2026\n']) {
      expect(parseDay(text)).toEqual({ kind: 'day', value: '2026-12-18' });
    }
  });

  it('reads a pasted ISO day', () => {
    expect(parseDay('2026-12-18')).toEqual({ kind: 'day', value: '2026-12-18' });
    expect(parseDay('2026-02-30')).toEqual({ kind: 'invalid' });
  });

  it('says nothing was typed for empty or blank text', () => {
    expect(parseDay('')).toEqual({ kind: 'empty' });
    expect(parseDay('   ')).toEqual({ kind: 'empty' });
  });

  it('refuses days that do not exist', () => {
    for (const text of ['31/02/2026', '29/02/2026', '31/04/2026', '00/12/2026', '12/13/2026', '12/00/2026']) {
      expect(parseDay(text)).toEqual({ kind: 'invalid' });
    }
  });

  it('knows leap years', () => {
    expect(parseDay('29/02/2028')).toEqual({ kind: 'day', value: '2028-02-29' });
    expect(parseDay('29/02/2000')).toEqual({ kind: 'day', value: '2000-02-29' });
    expect(parseDay('29/02/2100')).toEqual({ kind: 'invalid' });
  });

  it('refuses two-digit (and other short or long) years rather than guessing the century', () => {
    for (const text of ['18/12/26', '18/12/226', '18/12/20260', '18/12/0226']) {
      expect(parseDay(text)).toEqual({ kind: 'invalid' });
    }
  });

  it('refuses text that is not a date, or half of one', () => {
    for (const text of [
      'abc',
      '18/12',
      '18/12/',
      '18122026',
      '18/12/2026 10:00',
      '18//12/2026',
      '1a/12/2026',
    ]) {
      expect(parseDay(text)).toEqual({ kind: 'invalid' });
    }
  });

  it('writes back what it reads', () => {
    expect(formatDay('2026-12-18')).toBe('18/12/2026');
    expect(parseDay(formatDay('2026-02-01'))).toEqual({ kind: 'day', value: '2026-02-01' });
    expect(formatDay('2026-12-18T10:00:00.000Z')).toBe('18/12/2026');
    expect(formatDay(null)).toBe('');
    expect(formatDay(undefined)).toBe('');
    expect(formatDay('not a day')).toBe('');
  });
});

describe('isoDay', () => {
  it('pads, and refuses what is no day', () => {
    expect(isoDay(2026, 1, 5)).toBe('2026-01-05');
    expect(isoDay(2026, 2, 29)).toBeNull();
    expect(isoDay(2026, 1, 1.5)).toBeNull();
    expect(isoDay(1899, 12, 31)).toBeNull();
  });
});

describe('parseTime', () => {
  it('reads H:MM and HH:MM', () => {
    expect(parseTime('9:05')).toEqual({ kind: 'time', value: '09:05' });
    expect(parseTime(' 14:30 ')).toEqual({ kind: 'time', value: '14:30' });
    expect(parseTime('14h30')).toEqual({ kind: 'time', value: '14:30' });
    expect(parseTime('00:00')).toEqual({ kind: 'time', value: '00:00' });
    expect(parseTime('23:59')).toEqual({ kind: 'time', value: '23:59' });
  });

  it('refuses what is no time of day', () => {
    for (const text of ['24:00', '12:60', '12', '12:5', 'noon', '1230']) {
      expect(parseTime(text)).toEqual({ kind: 'invalid' });
    }
    expect(parseTime(' ')).toEqual({ kind: 'empty' });
  });
});

describe('local days and instants', () => {
  it('round-trips a day and a time through a Date in the browser time zone', () => {
    const instant = localInstant('2026-12-18', '14:30');
    expect(dayOf(instant)).toBe('2026-12-18');
    expect(timeOf(instant)).toBe('14:30');
    expect(dayOf(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('the calendar', () => {
  it('heads its columns T2 … T7, CN in Vietnamese: seven different labels', () => {
    const labels = weekdayLabels('vi');
    expect(labels).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect(new Set(labels).size).toBe(7);
    expect(weekdayLabels('vi-VN')).toEqual(labels);
  });

  it('heads its columns Mo … Su in English', () => {
    const labels = weekdayLabels('en');
    expect(labels).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    expect(new Set(labels).size).toBe(7);
    expect(weekdayLabels('en-GB')).toEqual(labels);
  });

  it('knows the day of the week, Monday first', () => {
    expect(weekdayOf(2026, 12, 18)).toBe(4); // a Friday
    expect(weekdayOf(2026, 3, 1)).toBe(6); // a Sunday
    expect(weekdayOf(2024, 2, 29)).toBe(3); // a Thursday
    for (let day = 1; day <= 31; day += 1) {
      expect(weekdayOf(2026, 12, day)).toBe((new Date(Date.UTC(2026, 11, day)).getUTCDay() + 6) % 7);
    }
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks[weeks.length - 1]).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
      null,
    ]);
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthWeeks(2027, 2)).toHaveLength(4);
  });

  it('moves between months across years', () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth(2026, 5, -17)).toEqual({ year: 2024, month: 12 });
  });
});
