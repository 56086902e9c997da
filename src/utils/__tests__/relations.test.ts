import { toOneRelationTarget } from '../relations';

describe('to-one relation input', () => {
  it('reads every shape Strapi accepts', () => {
    expect(toOneRelationTarget('abc')).toEqual({ documentId: 'abc' });
    expect(toOneRelationTarget(7)).toEqual({ id: 7 });
    expect(toOneRelationTarget({ documentId: 'abc' })).toEqual({ documentId: 'abc', id: undefined });
    expect(toOneRelationTarget({ connect: [{ documentId: 'a' }, { documentId: 'b' }] })).toEqual({
      documentId: 'b',
      id: undefined,
    });
    expect(toOneRelationTarget({ set: [{ id: 3 }] })).toEqual({ documentId: undefined, id: 3 });
  });

  it('tells a cleared relation from an untouched one', () => {
    expect(toOneRelationTarget(undefined)).toBeUndefined();
    expect(toOneRelationTarget(null)).toBeNull();
    expect(toOneRelationTarget({ set: [] })).toBeNull();
    expect(toOneRelationTarget({ disconnect: [{ id: 1 }], connect: [] })).toBeNull();
    expect(toOneRelationTarget({ connect: [], disconnect: [] })).toBeUndefined();
  });
});
