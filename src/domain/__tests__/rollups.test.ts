import {
  dimsKey,
  dimsOf,
  driftOf,
  nextMonth,
  nextSlice,
  orderedSlices,
  previousSlice,
  sliceBounds,
  sliceLockKey,
  sliceOf,
  slicesBetween,
  yearMonths,
  type Counter,
} from '../rollups';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('slices', () => {
  it('dates an instant by its local month', () => {
    expect(sliceOf(new Date('2025-12-31T16:59:59Z'), ZONE)).toBe('2025-12');
    expect(sliceOf(new Date('2025-12-31T17:00:00Z'), ZONE)).toBe('2026-01');
    expect(sliceOf(new Date('2026-03-01T00:00:00Z'), 'America/Los_Angeles')).toBe('2026-02');
  });

  it('bounds a month by its local first instants, and its year', () => {
    expect(sliceBounds('2026-12', ZONE)).toEqual({
      from: new Date('2026-11-30T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
      yearFrom: new Date('2025-12-31T17:00:00Z'),
    });
  });

  it('dates an instant by its local half month, split at the 15th', () => {
    expect(sliceOf(new Date('2026-12-14T16:59:59Z'), ZONE, 'half-month')).toBe('2026-12-01');
    expect(sliceOf(new Date('2026-12-14T17:00:00Z'), ZONE, 'half-month')).toBe('2026-12-15');
    expect(sliceOf(new Date('2026-12-31T17:00:00Z'), ZONE, 'half-month')).toBe('2027-01-01');
    expect(sliceBounds('2026-12-15', ZONE)).toEqual({
      from: new Date('2026-12-14T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
      yearFrom: new Date('2025-12-31T17:00:00Z'),
    });
  });

  it('walks half months across years, both ways', () => {
    expect(nextSlice('2025-12-15')).toBe('2026-01-01');
    expect(previousSlice('2026-01-01')).toBe('2025-12-15');
    expect(previousSlice('2026-01-15')).toBe('2026-01-01');
    expect(previousSlice('2026-01')).toBe('2025-12');
    expect(slicesBetween('2025-12-15', '2026-01-15')).toEqual(['2025-12-15', '2026-01-01', '2026-01-15']);
  });

  it('walks months across years', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
    expect(slicesBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(slicesBetween('2026-02', '2026-01')).toEqual([]);
    expect(yearMonths(2026)).toEqual({ first: '2026-01', last: '2026-12' });
  });
});

describe('keys', () => {
  it('stores dimensions as one key and reads them back, null as empty', () => {
    expect(dimsKey(['news', 'website'])).toBe('news|website');
    expect(dimsOf(dimsKey(['news', 'website']))).toEqual(['news', 'website']);
    expect(dimsOf(dimsKey([null]))).toEqual([null]);
    expect(dimsOf(dimsKey(['2026-03-02']))).toEqual(['2026-03-02']);
  });

  it('orders slices alike for every writer, once each', () => {
    const a = { source: 'feedback', unitId: 2, month: '2026-01' };
    const b = { source: 'article', unitId: 9, month: '2026-03' };
    expect(orderedSlices([a, b, { ...a }])).toEqual([b, a]);
    expect(orderedSlices([b, a])).toEqual([b, a]);
  });

  it('hashes a slice into a 32-bit lock key, the same each time', () => {
    const slice = { source: 'feedback', unitId: 2, month: '2026-01' };
    const key = sliceLockKey(slice);
    expect(Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31).toBe(true);
    expect(sliceLockKey({ ...slice })).toBe(key);
    expect(sliceLockKey({ ...slice, unitId: 3 })).not.toBe(key);
  });
});

describe('drift', () => {
  const counter = (over: Partial<Counter>): Counter => ({
    source: 'submission',
    unitId: 1,
    month: '2026-01',
    dims: 'draft',
    counter: 'n',
    value: 1,
    ...over,
  });

  it('finds nothing when stored and recomputed agree, whatever the order', () => {
    const a = [counter({}), counter({ dims: 'approved', value: 4 })];
    expect(driftOf(a, [...a].reverse())).toEqual([]);
  });

  it('names a counter that differs, one stored without rows, and one missing', () => {
    const stored = [counter({ value: 2 }), counter({ unitId: 7, value: 3 })];
    const actual = [counter({ value: 1 }), counter({ month: '2026-02', value: 5 })];
    const { value: _v, ...where } = counter({});
    expect(driftOf(stored, actual)).toEqual([
      { ...where, stored: 2, actual: 1 },
      { ...where, unitId: 7, stored: 3, actual: 0 },
      { ...where, month: '2026-02', stored: 0, actual: 5 },
    ]);
  });
});
