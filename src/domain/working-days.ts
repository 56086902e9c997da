/**
 * The working-day calendar that deadline rules count in (feedback due dates, the 5-working-day transfer of
 * Decree 20/2008, ...). Weekdays are working days and weekends are not, except where the managed list says
 * otherwise: a 'holiday' takes a weekday off, a 'working_day' makes a Saturday or Sunday a working day (the
 * government swaps days around Tết and 2/9 and has civil servants make them up on a Saturday).
 *
 * Dates are ISO date strings (YYYY-MM-DD) with no time and no zone. Internally a date is its day number since
 * 1970-01-01 in the proleptic Gregorian calendar, computed with integer arithmetic: no Date objects, so no
 * local-time or DST surprises.
 */

export interface CalendarEntry {
  /** YYYY-MM-DD */
  date: string;
  kind: 'holiday' | 'working_day';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

// Howard Hinnant's days_from_civil / civil_from_days: exact for every year, negative day numbers included.
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function isoOf(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range (years 0000–9999): day ${dayNumber}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** How a day is written to people: dd/mm/yyyy (Vietnamese usage, also in English texts of this product). */
export function displayDay(isoDay: string): string {
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** True for a real calendar date written YYYY-MM-DD (2021-02-29 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parse(value: unknown, what: string): number {
  if (!isIsoDate(value)) {
    throw new TypeError(`${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return dayNumberOf(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

const MIN_DAY = dayNumberOf(0, 1, 1);
const MAX_DAY = dayNumberOf(9999, 12, 31);

/** 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (dayNumber: number) => (((dayNumber + 3) % 7) + 7) % 7;

const isWeekend = (dayNumber: number) => weekdayOf(dayNumber) >= 5;

/**
 * Mondays to Fridays from Monday 1969-12-29 up to the day before `dayNumber` (negative before that Monday): a
 * running count whose differences give the number of weekdays in any range.
 */
const weekdaysBefore = (dayNumber: number) => {
  const n = dayNumber + 3;
  const weeks = Math.floor(n / 7);
  return weeks * 5 + Math.min(n - weeks * 7, 5);
};

/** How many values of a sorted array are <= value (binary search). */
function countUpTo(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class WorkingCalendar {
  /** Weekdays taken off, sorted; holidays listed on a weekend change nothing and are left out. */
  private readonly daysOff: Int32Array;
  /** Saturdays and Sundays made working days, sorted; a 'working_day' on a weekday changes nothing. */
  private readonly extraDays: Int32Array;
  private readonly daysOffSet: Set<number>;
  private readonly extraDaysSet: Set<number>;

  constructor(entries: CalendarEntry[]) {
    if (!Array.isArray(entries)) throw new TypeError('WorkingCalendar needs an array of calendar entries');
    const off = new Set<number>();
    const extra = new Set<number>();
    const holidayDays = new Set<number>();
    const workingDays = new Set<number>();
    entries.forEach((entry, index) => {
      const day = parse(entry?.date, `Calendar entry ${index} date`);
      if (entry.kind === 'holiday') {
        holidayDays.add(day);
        if (!isWeekend(day)) off.add(day);
      } else if (entry.kind === 'working_day') {
        workingDays.add(day);
        if (isWeekend(day)) extra.add(day);
      } else {
        throw new TypeError(
          `Calendar entry ${index} (${entry.date}) has an unknown kind ${JSON.stringify(entry.kind)}`
        );
      }
      // One date cannot be both; which one wins would be a guess.
      if (holidayDays.has(day) && workingDays.has(day)) {
        throw new Error(
          `Calendar entry ${index}: ${entry.date} is listed both as a holiday and as a working day`
        );
      }
    });
    this.daysOffSet = off;
    this.extraDaysSet = extra;
    this.daysOff = Int32Array.from(off).sort();
    this.extraDays = Int32Array.from(extra).sort();
  }

  private isWorking(day: number): boolean {
    if (isWeekend(day)) return this.extraDaysSet.has(day);
    return !this.daysOffSet.has(day);
  }

  /**
   * A running count of working days: rank(b) - rank(a) is the number of working days in (a, b]. Computed in
   * O(log entries), so counting and adding never walk day by day.
   */
  private rank(day: number): number {
    return weekdaysBefore(day + 1) - countUpTo(this.daysOff, day) + countUpTo(this.extraDays, day);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(parse(date, 'date'));
  }

  /**
   * The `days`-th working day after `start` (start itself is not counted). With days = 0: start if it is a
   * working day, else the next working day.
   */
  addWorkingDays(start: string, days: number): string {
    const from = parse(start, 'start');
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a whole number >= 0, got ${days}`);
    }
    // The answer is the first day d > lo with rank(d) >= target; rank only grows, so search for it.
    let lo = days === 0 ? from - 1 : from;
    const target = this.rank(lo) + Math.max(days, 1);
    // Upper bound: about 7/5 of the count in a plain week; doubled until holidays are covered too.
    let step = days + 2 * Math.ceil(days / 5) + 3;
    let hi = lo + step;
    while (this.rank(hi) < target) {
      if (hi > MAX_DAY) {
        throw new RangeError(`No working day found before year 9999 (start ${start}, ${days} days)`);
      }
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    return isoOf(this.firstReaching(lo, hi, target));
  }

  /**
   * The `days`-th working day before `start` (start itself is not counted), for dating what already happened. With
   * days = 0: start if it is a working day, else the working day before.
   */
  subtractWorkingDays(start: string, days: number): string {
    const from = parse(start, 'start');
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a whole number >= 0, got ${days}`);
    }
    const hi = days === 0 ? from : from - 1;
    // The answer is the first day whose rank reaches this target: the working day that starts the count.
    const target = this.rank(hi) - Math.max(days, 1) + 1;
    let step = days + 2 * Math.ceil(days / 5) + 3;
    let lo = hi - step;
    while (this.rank(lo) >= target) {
      if (lo < MIN_DAY) {
        throw new RangeError(`No working day found after year 0000 (start ${start}, ${days} days back)`);
      }
      step *= 2;
      lo = hi - step;
    }
    return isoOf(this.firstReaching(lo, hi, target));
  }

  /** The first day in (lo, hi] whose rank reaches `target`, given rank(lo) < target <= rank(hi). */
  private firstReaching(lo: number, hi: number, target: number): number {
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.rank(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** Working days in (from, to]: `from` is not counted, `to` is. 0 when to <= from. */
  workingDaysBetween(from: string, to: string): number {
    const a = parse(from, 'from');
    const b = parse(to, 'to');
    return b <= a ? 0 : this.rank(b) - this.rank(a);
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (YYYY-MM-DD) of an instant in an IANA time zone, e.g. 'Asia/Ho_Chi_Minh':
 * 2021-03-01T18:30:00Z is 2021-03-02 there. The zone's rules come from Intl, not from a fixed offset.
 */
export function localDate(instant: Date, timeZone: string): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new TypeError(`localDate needs a valid Date, got ${String(instant)}`);
  }
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw new TypeError(`localDate needs an IANA time zone name, got ${JSON.stringify(timeZone)}`);
  }
  let format = dateFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
    }
    // Building a DateTimeFormat is costly; one per zone is enough.
    dateFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The first instant of a calendar day in a time zone: a date filter on stored instants compares with it. Found by
 * walking back from UTC midnight by the zone's offset, then checking, so zones with DST changes stay exact.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utcMidnight = parse(date, 'date') * 86_400_000;
  // Offsets lie within ±14 h, so the day starts strictly inside ±15 h of UTC midnight.
  let lo = utcMidnight - 15 * 3_600_000;
  let hi = utcMidnight + 15 * 3_600_000;
  // The first minute whose local date is `date` (or later): local dates only grow with time.
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (localDate(new Date(mid), timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
