import fc from 'fast-check';
import { corrections, idf, rankingPlan, suggestion, TYPO_FACTOR, wordPairs } from '../search-ranking';
import { prepareSynonyms, understandQuery } from '../search-query';

describe('idf', () => {
  it('counts a rare word more than a common one, and never below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat({ max: 100_000 }), (documents, df) => {
        const rare = Math.min(df, documents);
        expect(idf(rare, documents)).toBeGreaterThan(0);
        expect(idf(rare, documents)).toBeGreaterThanOrEqual(
          idf(Math.min(rare + 1, documents + 1), documents)
        );
      })
    );
  });
});

describe('wordPairs', () => {
  it('gives the adjacent folded words once each', () => {
    expect(wordPairs('Cấp Giấy phép, giấy phép')).toEqual(['cap giay', 'giay phep', 'phep giay']);
    expect(wordPairs('Đất')).toEqual([]);
  });
});

describe('rankingPlan', () => {
  const synonyms = prepareSynonyms([['nước ngầm', 'nước dưới đất']]);

  it('looks each word up as typed, the last also as the start of longer words, and its corrections exactly', () => {
    const { concepts } = understandQuery(['khai', 'thac', 'nuoc', 'ngam'], synonyms);
    const plan = rankingPlan(concepts, new Map([['thac', ['thach']]]));
    // Three concepts; "nước ngầm" counts for the query's two words it stands for.
    expect(plan.span).toEqual([1, 1, 2]);
    expect(plan.alternatives).toEqual([
      { concept: 0, alternative: 0, words: 1 },
      { concept: 1, alternative: 0, words: 1 },
      { concept: 2, alternative: 0, words: 2 },
      { concept: 2, alternative: 1, words: 3 },
    ]);
    expect(plan.lookups.filter((l) => l.concept === 1)).toEqual([
      { concept: 1, alternative: 0, word: 0, lo: 'thac', hi: 'thac0', factor: 1 },
      { concept: 1, alternative: 0, word: 0, lo: 'thach', hi: 'thach0', factor: TYPO_FACTOR },
    ]);
    // The last word may be unfinished; the synonym's words are whole.
    expect(plan.lookups.filter((l) => l.concept === 2).map((l) => [l.lo, l.hi])).toEqual([
      ['nuoc', 'nuoc0'],
      ['ngam', 'ngan'],
      ['nuoc', 'nuoc0'],
      ['duoi', 'duoi0'],
      ['dat', 'dat0'],
    ]);
    // The query's own pairs, then those inside a synonym.
    expect(plan.pairs).toEqual(['khai thac', 'thac nuoc', 'nuoc ngam', 'nuoc duoi', 'duoi dat']);
  });

  it('looks a one-letter word up exactly', () => {
    const plan = rankingPlan([{ words: ['a'], alternatives: [['a']] }], new Map());
    expect(plan.lookups[0]).toMatchObject({ lo: 'a', hi: 'a0' });
  });
});

describe('corrections and suggestion', () => {
  const vocabulary = new Map([
    ['truong', 50],
    ['thuong', 80],
    ['truon', 1],
    ['moi', 90],
    ['chungthuc', 3],
  ]);

  it('corrects within one edit from 5 letters and two from 9, closest then most common first', () => {
    expect(corrections('truomg', vocabulary)).toEqual(['truong']);
    expect(corrections('truong', vocabulary)).toEqual([]);
    expect(corrections('tuong', vocabulary)).toEqual(['thuong', 'truong']);
    expect(corrections('moy', vocabulary)).toEqual([]);
    expect(corrections('chugthuk', vocabulary)).toEqual([]);
    expect(corrections('chungthuk', vocabulary)).toEqual(['chungthuc']);
    expect(corrections('cungthuk', vocabulary)).toEqual([]);
    expect(corrections('chugthuck', vocabulary)).toEqual(['chungthuc']);
  });

  it('suggests the query with its unknown words corrected, or nothing', () => {
    expect(suggestion(['moi', 'truomg'], vocabulary)).toBe('moi truong');
    expect(suggestion(['moi', 'truong'], vocabulary)).toBeNull();
  });
});
