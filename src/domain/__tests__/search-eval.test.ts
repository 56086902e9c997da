import { evaluate, reciprocalRankAt, recallAt, strictSearch, type CorpusDocument } from '../search-eval';

describe('recallAt', () => {
  it('is the share of the relevant codes in the first k', () => {
    expect(recallAt(3, ['a', 'x', 'b', 'c'], ['a', 'b', 'c'])).toBeCloseTo(2 / 3);
    expect(recallAt(10, ['x', 'y'], ['a'])).toBe(0);
    expect(recallAt(10, [], ['a'])).toBe(0);
  });

  it('measures a query with more relevant codes than k against k', () => {
    expect(recallAt(2, ['a', 'b', 'x'], ['a', 'b', 'c', 'd'])).toBe(1);
    expect(recallAt(2, ['a', 'x'], ['a', 'b', 'c'])).toBe(0.5);
  });

  it('counts a code once, however many versions the search returns or the set lists', () => {
    expect(recallAt(3, ['a', 'a', 'b'], ['a', 'b'])).toBe(1);
    expect(recallAt(2, ['a', 'a', 'b'], ['a', 'b'])).toBe(0.5);
    expect(recallAt(5, ['a'], ['a', 'a'])).toBe(1);
  });

  it('refuses a query without relevant codes and a k below 1', () => {
    expect(() => recallAt(10, ['a'], [])).toThrow(RangeError);
    expect(() => recallAt(0, ['a'], ['a'])).toThrow(RangeError);
    expect(() => recallAt(1.5, ['a'], ['a'])).toThrow(RangeError);
  });
});

describe('reciprocalRankAt', () => {
  it('is 1 / the position of the first relevant result within k', () => {
    expect(reciprocalRankAt(10, ['a', 'b'], ['a'])).toBe(1);
    expect(reciprocalRankAt(10, ['x', 'y', 'b', 'a'], ['a', 'b'])).toBeCloseTo(1 / 3);
    expect(reciprocalRankAt(2, ['x', 'y', 'a'], ['a'])).toBe(0);
    expect(reciprocalRankAt(10, [], ['a'])).toBe(0);
  });

  it('refuses a query without relevant codes', () => {
    expect(() => reciprocalRankAt(10, ['a'], [])).toThrow(RangeError);
  });
});

describe('evaluate', () => {
  it('gives the mean recall@k and MRR@k, and each query’s outcome', () => {
    const result = evaluate(
      2,
      [
        { q: 'one', relevant: ['a'] },
        { q: 'two', relevant: ['b', 'c'] },
      ],
      [
        ['a', 'x'],
        ['x', 'b', 'c'],
      ]
    );
    expect(result.recall).toBeCloseTo((1 + 0.5) / 2);
    expect(result.mrr).toBeCloseTo((1 + 0.5) / 2);
    expect(result.queries[1]).toEqual({
      q: 'two',
      relevant: ['b', 'c'],
      ranked: ['x', 'b', 'c'],
      recall: 0.5,
      reciprocalRank: 0.5,
    });
  });

  it('refuses an empty set and rankings that do not match the queries', () => {
    expect(() => evaluate(10, [], [])).toThrow(RangeError);
    expect(() => evaluate(10, [{ q: 'a', relevant: ['a'] }], [])).toThrow(RangeError);
  });
});

describe('strictSearch', () => {
  const documents: CorpusDocument[] = [
    { nationalCode: '1.000003', name: 'Cấp giấy phép môi trường', keywords: 'GPMT', field: 'Môi trường' },
    {
      nationalCode: '1.000002',
      name: 'Thẩm định báo cáo đánh giá tác động',
      keywords: 'ĐTM, giấy phép',
      field: 'Môi trường',
    },
    { nationalCode: '1.000001', name: 'Đăng ký khai sinh', keywords: '', field: 'Hộ tịch' },
    { nationalCode: '1.000004', name: 'Cấp lại giấy phép môi trường', keywords: '', field: 'Môi trường' },
    {
      nationalCode: '1.000004',
      name: 'Cấp lại giấy phép môi trường (cũ)',
      keywords: '',
      field: 'Môi trường',
    },
  ];
  const search = strictSearch(documents);

  it('needs every folded word to start a word of the name, keywords or field', () => {
    expect(search('GIAY PHEP')).toEqual(['1.000003', '1.000004', '1.000004', '1.000002']);
    expect(search('đăng ký khai')).toEqual(['1.000001']);
    expect(search('hộ tịch')).toEqual(['1.000001']);
    expect(search('dtm')).toEqual(['1.000002']);
    expect(search('giay phep khongco')).toEqual([]);
    // No stop words, no synonyms, no typos: that was the product before issue 16.
    expect(search('thủ tục khai sinh')).toEqual([]);
    expect(search('khai sinhh')).toEqual([]);
  });

  it('ranks the codes written in the query first, then the names holding every word, then by code', () => {
    expect(search('giấy phép 1.000004')).toEqual(['1.000004', '1.000004', '1.000003', '1.000002']);
    expect(search('môi trường')).toEqual(['1.000003', '1.000004', '1.000004', '1.000002']);
  });

  it('lists exactly the codes of a query made only of codes, and every procedure for an empty query', () => {
    expect(search('1.000001')).toEqual(['1.000001']);
    expect(search('1.000001 1.000003')).toEqual(['1.000001', '1.000003']);
    expect(search('9.999999')).toEqual([]);
    expect(search('')).toEqual(['1.000001', '1.000002', '1.000003', '1.000004', '1.000004']);
  });
});
