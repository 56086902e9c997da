import { MAX_BULK_ITEMS, parseBulkRequest } from '../bulk';

const id = (n: number) => `doc${String(n).padStart(21, '0')}`;
const errorPaths = (raw: unknown) => {
  const parsed = parseBulkRequest(raw, 'en');
  return parsed.ok ? [] : parsed.errors.map((e) => e.path.join('.'));
};

describe('a bulk move request', () => {
  it('takes a move and 1 to 50 distinct submission ids, with versions and an approval comment', () => {
    expect(parseBulkRequest({ move: 'claim', ids: [id(1), id(2)] })).toEqual({
      ok: true,
      value: { move: 'claim', ids: [id(1), id(2)], versions: {}, comment: null },
    });
    const ids = Array.from({ length: MAX_BULK_ITEMS }, (_, i) => id(i));
    expect(
      parseBulkRequest({ move: 'approve', ids, versions: { [id(3)]: 0, [id(4)]: 7 }, comment: '  Đạt.  ' })
    ).toEqual({
      ok: true,
      value: { move: 'approve', ids, versions: { [id(3)]: 0, [id(4)]: 7 }, comment: 'Đạt.' },
    });
  });

  it('refuses a body that is not an object', () => {
    for (const raw of [null, undefined, 'claim', [id(1)], 3]) expect(errorPaths(raw)).toEqual(['']);
  });

  it('refuses an unknown move or field', () => {
    expect(errorPaths({ move: 'reject', ids: [id(1)] })).toEqual(['move']);
    expect(errorPaths({ move: ['claim'], ids: [id(1)] })).toEqual(['move']);
    expect(errorPaths({ move: 'claim', ids: [id(1)], to: 'published' })).toEqual(['to']);
  });

  it('refuses ids that are not a list of 1 to 50 distinct ids, naming each bad one', () => {
    expect(errorPaths({ move: 'claim', ids: id(1) })).toEqual(['ids']);
    expect(errorPaths({ move: 'claim', ids: { 0: id(1) } })).toEqual(['ids']);
    expect(errorPaths({ move: 'claim', ids: [] })).toEqual(['ids']);
    expect(
      errorPaths({ move: 'claim', ids: Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, i) => id(i)) })
    ).toEqual(['ids']);
    expect(
      errorPaths({
        move: 'claim',
        ids: [id(1), { documentId: id(2) }, [id(3)], 7, id(1), id(4).toUpperCase()],
      })
    ).toEqual(['ids.1', 'ids.2', 'ids.3', 'ids.4', 'ids.5']);
  });

  it('refuses versions that are not whole numbers of listed ids', () => {
    expect(errorPaths({ move: 'claim', ids: [id(1)], versions: [0] })).toEqual(['versions']);
    expect(errorPaths({ move: 'claim', ids: [id(1)], versions: { [id(2)]: 0 } })).toEqual([
      `versions.${id(2)}`,
    ]);
    for (const version of [-1, 1.5, '1', { $gt: 0 }]) {
      expect(errorPaths({ move: 'claim', ids: [id(1)], versions: { [id(1)]: version } })).toEqual([
        `versions.${id(1)}`,
      ]);
    }
  });

  it('takes a comment only with an approval, as text of at most 5,000 characters', () => {
    expect(errorPaths({ move: 'claim', ids: [id(1)], comment: 'x' })).toEqual(['comment']);
    expect(errorPaths({ move: 'approve', ids: [id(1)], comment: { text: 'x' } })).toEqual(['comment']);
    expect(errorPaths({ move: 'approve', ids: [id(1)], comment: 'x'.repeat(5001) })).toEqual(['comment']);
    expect(parseBulkRequest({ move: 'approve', ids: [id(1)], comment: '   ' })).toMatchObject({
      ok: true,
      value: { comment: null },
    });
  });
});
