import { MAX_QUERY_LENGTH, parseListQuery, SORT_KEYS } from '../list-query';

const parse = (query: Record<string, unknown>) => parseListQuery(query, 'en');
const errorPaths = (query: Record<string, unknown>) => {
  const parsed = parse(query);
  return parsed.ok ? [] : parsed.errors.map((e) => e.path.join('.'));
};

describe('the submissions list query', () => {
  it('defaults to the first page of everything visible, unsearched, in the default order', () => {
    expect(parse({})).toEqual({
      ok: true,
      value: { queue: false, words: [], page: 1, pageSize: 20 },
    });
  });

  it('folds q into search words: trimmed, accents, đ and case ignored, NFC and NFD alike', () => {
    const folded = (q: string) => (parse({ q }) as { value: { words: string[] } }).value.words;
    expect(folded('  ĐẤT ĐAI  ')).toEqual(['dat', 'dai']);
    expect(folded('đất đai'.normalize('NFD'))).toEqual(['dat', 'dai']);
    expect(folded('Hội nghị, hội nghị!')).toEqual(['hoi', 'nghi']);
    expect(folded('   ')).toEqual([]);
  });

  it('takes q up to the limit after trimming, and names q past it', () => {
    expect(parse({ q: `  ${'a'.repeat(MAX_QUERY_LENGTH)}  ` }).ok).toBe(true);
    expect(errorPaths({ q: 'a'.repeat(MAX_QUERY_LENGTH + 1) })).toEqual(['q']);
  });

  it('refuses q as an array or an object', () => {
    expect(errorPaths({ q: ['a', 'b'] })).toEqual(['q']);
    expect(errorPaths({ q: { $ne: 'x' } })).toEqual(['q']);
  });

  it('sorts by the listed columns only, ascending unless told', () => {
    for (const key of SORT_KEYS) {
      expect(parse({ sort: key })).toMatchObject({ ok: true, value: { sort: { key, direction: 'asc' } } });
      expect(parse({ sort: `${key}:desc` })).toMatchObject({ value: { sort: { key, direction: 'desc' } } });
    }
    for (const sort of ['id', 'body', 'unit.name', 'title:up', 'title:asc:x', 'title,state', 'TITLE']) {
      expect(errorPaths({ sort })).toEqual(['sort']);
    }
    expect(errorPaths({ sort: ['title', 'state'] })).toEqual(['sort']);
  });

  it('keeps the filters it had, and refuses unknown parameters, every problem at once', () => {
    expect(parse({ unit: '3', state: 'submitted', queue: 'true', assignee: 'x' })).toMatchObject({
      ok: true,
      value: { unit: 3, state: 'submitted', queue: true, assignee: -1 },
    });
    expect(errorPaths({ state: 'archived', filters: 'x', page: '0', q: ['x'] }).sort()).toEqual([
      'filters',
      'page',
      'q',
      'state',
    ]);
  });
});
