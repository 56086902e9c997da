import {
  parseListQuery,
  parseRowsQuery,
  validateCreate,
  validateIssue,
  validateNarrative,
} from '../report-input';

const paths = (parsed: { ok: boolean; errors?: { path: string[] }[] }) =>
  parsed.ok ? [] : parsed.errors!.map((e) => e.path.join('.'));

describe('create body', () => {
  it('takes a year or a period', () => {
    expect(validateCreate({ data: { year: 2031 } }, 'vi')).toEqual({ ok: true, value: { year: 2031 } });
    expect(
      validateCreate({ data: { from: '2031-01-01', to: '2031-12-31', title: ' Báo cáo ' } }, 'vi')
    ).toEqual({
      ok: true,
      value: { from: '2031-01-01', to: '2031-12-31', title: 'Báo cáo' },
    });
    expect(validateCreate({ data: { from: '2032-01-01', to: '2032-12-31' } }, 'vi').ok).toBe(true);
  });

  it('refuses bad input, per field', () => {
    expect(paths(validateCreate({}, 'vi'))).toEqual(['data']);
    expect(paths(validateCreate({ data: {} }, 'vi'))).toEqual(['data.year']);
    expect(paths(validateCreate({ data: { year: '2031' } }, 'vi'))).toEqual(['data.year']);
    expect(paths(validateCreate({ data: { from: '2031-02-30', to: '2031-03-01' } }, 'vi'))).toEqual([
      'data.from',
    ]);
    expect(paths(validateCreate({ data: { from: '2031-03-01', to: '2031-02-01' } }, 'vi'))).toEqual([
      'data.to',
    ]);
    expect(paths(validateCreate({ data: { from: '2031-01-01', to: '2032-01-02' } }, 'vi'))).toEqual([
      'data.to',
    ]);
    expect(paths(validateCreate({ data: { from: '2031-01-01' } }, 'vi'))).toEqual(['data.to']);
    expect(paths(validateCreate({ data: { year: 2031, extra: 1 } }, 'vi'))).toEqual(['data.extra']);
  });
});

describe('narrative body', () => {
  const narrative = { results: 'a', limitations: 'b', difficulties: 'c', proposals: 'd' };
  it('accepts the sections, number and recipients', () => {
    const parsed = validateNarrative({ narrative, number: '12', recipients: 'UBND tỉnh', version: 2 }, 'vi');
    expect(parsed).toEqual({
      ok: true,
      value: { narrative, number: '12', recipients: 'UBND tỉnh', version: 2 },
    });
  });
  it.each(['12/BC-STNMT', '12/BC-STNMT/BC-SN', '12/', '12a', 'BC-12', '1 2', '1234567'])(
    'refuses the number %j: the number only, the symbol is built from the profile',
    (number) => {
      const vi = validateNarrative({ narrative, number, version: 2 }, 'vi');
      expect(paths(vi)).toEqual(['number']);
      expect(vi.ok ? '' : vi.errors[0].message).toContain('ví dụ: 125');
      const en = validateNarrative({ narrative, number, version: 2 }, 'en');
      expect(en.ok ? '' : en.errors[0].message).toContain('number only');
      expect(paths(validateIssue({ version: 1, number }, 'vi'))).toEqual(['number']);
    }
  );
  it('refuses too long sections, a missing version and unknown fields', () => {
    const parsed = validateNarrative(
      { narrative: { ...narrative, results: 'x'.repeat(20001), other: '' }, state: 'issued' },
      'en'
    );
    expect(paths(parsed).sort()).toEqual(['narrative.other', 'narrative.results', 'state', 'version']);
  });
});

describe('issue body', () => {
  it('needs the version and the number', () => {
    expect(validateIssue({ version: 1, number: '1' }, 'vi')).toEqual({
      ok: true,
      value: { version: 1, number: '1' },
    });
    expect(paths(validateIssue({}, 'vi')).sort()).toEqual(['number', 'version']);
  });
});

describe('query strings', () => {
  it('reads the list query', () => {
    expect(parseListQuery({ year: '2031' }, 'vi')).toEqual({
      ok: true,
      value: { page: 1, pageSize: 25, year: 2031 },
    });
    expect(paths(parseListQuery({ foo: '1' }, 'vi'))).toEqual(['foo']);
  });
  it('reads the drill-down query', () => {
    expect(parseRowsQuery({ figure: 'articles.byKind', key: 'news' }, 'vi')).toEqual({
      ok: true,
      value: { figure: 'articles.byKind', key: 'news', page: 1, pageSize: 25 },
    });
    expect(parseRowsQuery({ figure: 'submissions.byUnit', key: '3:published', page: '2' }, 'vi')).toEqual({
      ok: true,
      value: { figure: 'submissions.byUnit', unitId: 3, state: 'published', page: 2, pageSize: 25 },
    });
    expect(paths(parseRowsQuery({}, 'vi'))).toEqual(['figure']);
    expect(paths(parseRowsQuery({ figure: 'articles.byKind' }, 'vi'))).toEqual(['key']);
    expect(paths(parseRowsQuery({ figure: 'articles.byKind', key: 'poem' }, 'vi'))).toEqual(['key']);
    expect(paths(parseRowsQuery({ figure: 'feedback.received', key: 'x' }, 'vi'))).toEqual(['key']);
    expect(paths(parseRowsQuery({ figure: 'nope', other: '1' }, 'vi')).sort()).toEqual(['figure', 'other']);
  });
});
