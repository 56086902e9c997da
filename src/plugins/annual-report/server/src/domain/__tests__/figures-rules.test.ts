import fc from 'fast-check';
import { sliceOfDay, sliceStart } from '#domain/rollups';
import { sampleFigures } from './sample-figures';
import {
  articleCounts,
  daysIncluded,
  diffFigures,
  median,
  nextDay,
  onTimeRate,
  round,
  splitPeriod,
} from '../figures-rules';

describe('figures rules', () => {
  it('rounds, takes medians and rates', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.25, 1)).toBe(2.3);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(2, 1)).toBe(66.7);
  });

  it('counts days of a period', () => {
    expect(nextDay('2031-12-31')).toBe('2032-01-01');
    expect(nextDay('2032-02-28')).toBe('2032-02-29');
    expect(daysIncluded('2030-12-15', '2031-12-14')).toBe(365);
    expect(daysIncluded('2031-01-01', '2031-01-01')).toBe(1);
  });

  it('lists nothing for equal figures', () => {
    expect(diffFigures(sampleFigures(), sampleFigures())).toEqual([]);
  });

  it('lists every changed number with its path', () => {
    const before = sampleFigures();
    const after = sampleFigures();
    after.feedback.received = 6;
    after.feedback.byChannel = [
      { key: 'web', count: 5 },
      { key: 'phone', count: 1 },
    ];
    after.articles.byKind = [{ key: 'news', count: 2 }];
    after.submissions.medianDaysToPublication = null;
    after.articles.byTask[0].published = 3;
    expect(diffFigures(before, after)).toEqual([
      { path: 'articles.byKind.news', before: 3, after: 2 },
      { path: 'articles.byTask.T1.published', before: 2, after: 3 },
      { path: 'submissions.medianDaysToPublication', before: 1.5, after: null },
      { path: 'feedback.received', before: 5, after: 6 },
      { path: 'feedback.byChannel.phone', before: null, after: 1 },
    ]);
  });

  it('lists a group that disappeared', () => {
    const after = sampleFigures();
    after.articles.byUnit = [];
    expect(diffFigures(sampleFigures(), after)).toEqual([
      { path: 'articles.byUnit.P-A.published', before: 3, after: null },
      { path: 'articles.byUnit.P-A.target', before: 5, after: null },
    ]);
  });

  describe('splitPeriod', () => {
    it('takes the report period (15/12 to 14/12) as whole half months, with no edge', () => {
      expect(splitPeriod({ from: '2025-12-15', to: '2026-12-14' })).toEqual({
        slices: { first: '2025-12-15', last: '2026-12-01' },
        edges: [],
      });
      expect(splitPeriod({ from: '2028-01-01', to: '2028-12-31' })).toEqual({
        slices: { first: '2028-01-01', last: '2028-12-15' },
        edges: [],
      });
    });
    it('reads the days that do not fill a half month as edges', () => {
      expect(splitPeriod({ from: '2028-02-03', to: '2028-02-29' })).toEqual({
        slices: { first: '2028-02-15', last: '2028-02-15' },
        edges: [{ from: '2028-02-03', to: '2028-02-14' }],
      });
      expect(splitPeriod({ from: '2028-02-03', to: '2028-02-20' })).toEqual({
        slices: null,
        edges: [
          { from: '2028-02-03', to: '2028-02-14' },
          { from: '2028-02-15', to: '2028-02-20' },
        ],
      });
      expect(splitPeriod({ from: '2028-01-31', to: '2028-03-01' })).toEqual({
        slices: { first: '2028-02-01', last: '2028-02-15' },
        edges: [
          { from: '2028-01-31', to: '2028-01-31' },
          { from: '2028-03-01', to: '2028-03-01' },
        ],
      });
    });
    it('covers every day of any period once: whole half months plus edges, each edge inside one', () => {
      const day = fc
        .integer({ min: 0, max: 3 * 366 })
        .map((n) => new Date(Date.UTC(2027, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));
      fc.assert(
        fc.property(day, day, (a, b) => {
          const period = a <= b ? { from: a, to: b } : { from: b, to: a };
          const { slices, edges } = splitPeriod(period);
          const days: string[] = [];
          for (const e of edges) {
            expect(sliceOfDay(e.from, 'half-month')).toBe(sliceOfDay(e.to, 'half-month'));
            for (let d = e.from; d <= e.to; d = nextDay(d)) days.push(d);
          }
          if (slices) {
            for (let d = sliceStart(slices.first); sliceOfDay(d, 'half-month') <= slices.last; d = nextDay(d))
              days.push(d);
          }
          days.sort();
          expect(days.length).toBe(daysIncluded(period.from, period.to));
          expect(new Set(days).size).toBe(days.length);
          expect(days[0]).toBe(period.from);
          expect(days[days.length - 1]).toBe(period.to);
        })
      );
    });
  });

  describe('articleCounts', () => {
    it('adds up the rows of documents published once, and counts a document published in several rows once', () => {
      const counted = articleCounts([
        { unitId: 1, family: 'all', value: null, document: null, rows: 3 },
        { unitId: 1, family: 'kind', value: 'news', document: null, rows: 3 },
        // Document d1's two locales, published in two months (two buckets) and in two units.
        { unitId: 1, family: 'all', value: null, document: 'd1', rows: 1 },
        { unitId: 2, family: 'all', value: null, document: 'd1', rows: 1 },
        { unitId: 1, family: 'kind', value: 'news', document: 'd1', rows: 1 },
        { unitId: 2, family: 'kind', value: 'news', document: 'd1', rows: 1 },
        { unitId: 0, family: 'campaign', value: null, document: null, rows: 2 },
        { unitId: 1, family: 'all', value: null, document: 'gone', rows: 0 },
      ]);
      expect(counted.get('all')).toEqual(new Map([[null, 4]]));
      expect(counted.get('kind')).toEqual(new Map([['news', 4]]));
      expect(counted.get('unit')).toEqual(
        new Map([
          ['1', 4],
          ['2', 1],
        ])
      );
      expect(counted.get('campaign')).toEqual(new Map([[null, 2]]));
    });
  });
});
