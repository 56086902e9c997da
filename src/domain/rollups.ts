/**
 * Rollups: counters of rows kept per bucket, so that a figure sums a few buckets instead of reading every row
 * (src/infra/rollups.ts keeps them). A **slice** is one source's buckets of one unit and one local month or half
 * month (the organization's time zone); a **bucket** is a slice's counters for one combination of the source's
 * dimensions (a state, a kind and a channel, a due day). When rows change, the slices they were and are in are
 * recomputed from the rows, whole, so a counter is exact whatever changed it. Pure module: slices' spans, keys and
 * the comparison of stored buckets with recomputed ones.
 */
import { localDate, startOfLocalDay } from './working-days';

/** A slice: a source's buckets of one unit in one local month, or half month (`month` holds its key). */
export interface Slice {
  source: string;
  unitId: number;
  month: string;
}

/** One counter of one bucket: its slice, its dimensions' values (in the source's order) and its value. */
export interface Counter extends Slice {
  dims: string;
  counter: string;
  value: number;
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * How a source's slices divide time: by local month (key `2026-03`), or by half month (`2026-03-01`: days 1 to 14,
 * `2026-03-15`: the 15th to the month's end) for the annual report, whose period runs from 15/12 to 14/12 and so
 * sums whole slices. Keys of one span sort in time order.
 */
export type SliceSpan = 'month' | 'half-month';

/** The key of the slice of a local day (YYYY-MM-DD). */
export const sliceOfDay = (day: string, span: SliceSpan = 'month') =>
  span === 'month' ? day.slice(0, 7) : `${day.slice(0, 7)}-${day.slice(8, 10) < '15' ? '01' : '15'}`;

/** The key of the slice of an instant. */
export const sliceOf = (instant: Date, timeZone: string, span: SliceSpan = 'month') =>
  sliceOfDay(localDate(instant, timeZone), span);

/** The first local day of a slice (YYYY-MM-DD). */
export const sliceStart = (key: string) => (key.length === 7 ? `${key}-01` : key);

/** The slice after `key`, of the same span. */
export function nextSlice(key: string): string {
  if (key.length === 7) return nextMonth(key);
  return key.endsWith('-01') ? `${key.slice(0, 7)}-15` : `${nextMonth(key.slice(0, 7))}-01`;
}

/** The slice before `key`, of the same span. */
export function previousSlice(key: string): string {
  const [y, m] = key.slice(0, 7).split('-').map(Number);
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  if (key.length === 7) return before;
  return key.endsWith('-15') ? `${key.slice(0, 7)}-01` : `${before}-15`;
}

/** Every slice from `first` to `last` (keys of one span), both included. */
export function slicesBetween(first: string, last: string): string[] {
  const keys: string[] = [];
  for (let k = first; k <= last; k = nextSlice(k)) keys.push(k);
  return keys;
}

/**
 * The instants that bound a slice: its first local instant (included), the next slice's (excluded), and the
 * first instant of its year (for counters that count a document once a year).
 */
export const sliceBounds = (key: string, timeZone: string) => ({
  from: startOfLocalDay(sliceStart(key), timeZone),
  to: startOfLocalDay(sliceStart(nextSlice(key)), timeZone),
  yearFrom: startOfLocalDay(`${key.slice(0, 4)}-01-01`, timeZone),
});

/** The months of a year, as stored: `first` and `last` bound a `month BETWEEN` filter. */
export const yearMonths = (year: number) => ({ first: `${year}-01`, last: `${year}-12` });

// Dimension values never hold this separator (states, kinds, channels, dates); null is stored as the empty text.
const SEPARATOR = '|';

/** A bucket's dimension values as one stored key. */
export const dimsKey = (values: readonly (string | null)[]) => values.map((v) => v ?? '').join(SEPARATOR);

/** The dimension values of a stored key, '' read back as null. */
export const dimsOf = (key: string): (string | null)[] =>
  key.split(SEPARATOR).map((v) => (v === '' ? null : v));

export const sliceKey = (s: Slice) => `${s.source}/${s.unitId}/${s.month}`;
const counterKey = (c: Omit<Counter, 'value'>) => `${sliceKey(c)}/${c.dims}/${c.counter}`;

/** Distinct slices, in one order for every writer: locks taken in that order cannot wait on each other in a cycle. */
export function orderedSlices(slices: Iterable<Slice>): Slice[] {
  const byKey = new Map<string, Slice>();
  for (const s of slices) byKey.set(sliceKey(s), { source: s.source, unitId: s.unitId, month: s.month });
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

/** A 32-bit signed hash of a slice (FNV-1a), the second key of its PostgreSQL advisory lock. */
export function sliceLockKey(s: Slice): number {
  let hash = 0x811c9dc5;
  for (const char of sliceKey(s)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** A counter that differs between what is stored and what the rows say (absent: 0). */
export interface Drift extends Omit<Counter, 'value'> {
  stored: number;
  actual: number;
}

/** The counters whose stored value is not the one recomputed from the rows; zero counters are never stored. */
export function driftOf(stored: Counter[], actual: Counter[]): Drift[] {
  const merged = new Map<string, Drift>();
  const entry = (c: Counter) => {
    const key = counterKey(c);
    let d = merged.get(key);
    if (!d) {
      const { value: _value, ...where } = c;
      merged.set(key, (d = { ...where, stored: 0, actual: 0 }));
    }
    return d;
  };
  for (const c of stored) entry(c).stored += c.value;
  for (const c of actual) entry(c).actual += c.value;
  return [...merged.values()].filter((d) => d.stored !== d.actual);
}
