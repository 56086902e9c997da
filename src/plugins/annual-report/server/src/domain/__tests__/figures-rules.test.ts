import { sampleFigures } from './sample-figures';
import { daysIncluded, diffFigures, median, nextDay, onTimeRate, round } from '../figures-rules';

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
});
