import { parseAnsweredParams } from '../feedback-public';
import { parseSearchParams } from '../procedure-search';
import { QueryReader } from '../query-params';
import { parseSummaryParams } from '../survey-summary';
import { startOfLocalDay } from '../working-days';

describe('query string reading', () => {
  it('refuses unknown keys, repeated values and over-long values, all at once', () => {
    const read = new QueryReader({ a: 'x', b: ['1', '2'], c: 'y'.repeat(11), d: '' }, ['b', 'c', 'd'], 'en');
    expect(read.text('b')).toBeUndefined();
    expect(read.text('c', 10)).toBeUndefined();
    expect(read.text('d')).toBeUndefined();
    expect(read.errors.map((e) => e.path[0])).toEqual(['a', 'b', 'c']);
    expect(read.errors[0].messages?.vi).toEqual(expect.any(String));
  });

  it('reads integers within bounds and enumerations', () => {
    const read = new QueryReader({ page: '3', size: '0', kind: 'x' }, ['page', 'size', 'kind'], 'vi');
    expect(read.int('page', 1, 10)).toBe(3);
    expect(read.int('size', 25, 100)).toBe(25);
    expect(read.oneOf('kind', ['a', 'b'])).toBeUndefined();
    expect(read.result({}).ok).toBe(false);
  });
});

describe('procedure search parameters', () => {
  it('separates national codes from words, folded', () => {
    const parsed = parseSearchParams({ q: 'Giấy phép 9.002002 MÔI trường' }, ['vi', 'en']);
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        codes: ['9.002002'],
        words: ['giay', 'phep', 'moi', 'truong'],
        locale: 'vi',
      }),
    });
  });

  it('takes provincial codes out of the words, in their stored form', () => {
    const parsed = parseSearchParams({ q: 'khoan giếng 1.012753.h19 và 1.000001' }, ['vi', 'en']);
    expect(parsed).toMatchObject({
      ok: true,
      value: { codes: ['1.012753.H19', '1.000001'], words: ['khoan', 'gieng', 'va'] },
    });
  });

  it('defaults to the first locale and refuses others', () => {
    expect(parseSearchParams({}, ['vi', 'en'])).toMatchObject({
      ok: true,
      value: { locale: 'vi', page: 1, pageSize: 25 },
    });
    expect(parseSearchParams({ locale: 'fr' }, ['vi', 'en']).ok).toBe(false);
  });
});

describe('answered feedback parameters', () => {
  it('accepts the documented ones', () => {
    expect(
      parseAnsweredParams(
        { q: 'Niêm yết', kind: 'other_issue', procedure: 'a'.repeat(24), pageSize: '50' },
        'vi'
      )
    ).toEqual({
      ok: true,
      value: {
        words: ['niem', 'yet'],
        kind: 'other_issue',
        procedure: 'a'.repeat(24),
        page: 1,
        pageSize: 50,
      },
    });
  });

  it('refuses a page size over 50 and an unknown kind', () => {
    const parsed = parseAnsweredParams({ kind: 'spam', pageSize: '51' }, 'en');
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path[0])).toEqual(['kind', 'pageSize']);
  });
});

describe('survey summary parameters', () => {
  it.each(['2021-13-01', '2021-02-30', '21-01-01', '2021-1-1'])('refuses the date %s', (from) => {
    const parsed = parseSummaryParams({ from }, 'en');
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path[0])).toEqual(['from']);
  });

  it('refuses a period that ends before it starts', () => {
    const parsed = parseSummaryParams({ from: '2021-03-02', to: '2021-03-01' }, 'en');
    expect(parsed.ok).toBe(false);
  });

  it('starts a local day at its local midnight', () => {
    expect(startOfLocalDay('2021-03-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2021-02-28T17:00:00.000Z');
    expect(startOfLocalDay('2021-03-01', 'UTC').toISOString()).toBe('2021-03-01T00:00:00.000Z');
  });
});
