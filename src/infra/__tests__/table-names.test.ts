import { resolveTableNames, type Metadata } from '../table-names';

const metadata: Metadata = {
  get: (uid) => {
    if (uid !== 'api::thing.thing') throw new Error(`unknown ${uid}`);
    return {
      tableName: 'things',
      attributes: {
        documentId: { columnName: 'document_id' },
        receivedAt: { columnName: 'received_at' },
        sortOrder: {},
        unit: {
          joinTable: {
            name: 'things_unit_lnk',
            joinColumn: { name: 'thing_id' },
            inverseJoinColumn: { name: 'unit_id' },
          },
        },
      },
    };
  },
};

describe('resolveTableNames', () => {
  const names = resolveTableNames(
    metadata,
    'api::thing.thing',
    ['id', 'documentId', 'receivedAt', 'sortOrder'],
    ['unit']
  );

  it('takes the table and the columns from the metadata, snake_case when it names none', () => {
    expect(names.table).toBe('things');
    expect(names.column).toEqual({
      id: 'id',
      documentId: 'document_id',
      receivedAt: 'received_at',
      sortOrder: 'sort_order',
    });
  });

  it('qualifies columns with an alias and selects them under their attribute names', () => {
    expect(names.at('t').receivedAt).toBe('t.received_at');
    expect(names.select('t', 'id', 'receivedAt')).toEqual(['t.id as id', 't.received_at as receivedAt']);
  });

  it("names a relation's link table and its two columns", () => {
    expect(names.link.unit).toEqual({ name: 'things_unit_lnk', from: 'thing_id', to: 'unit_id' });
  });

  it('refuses an attribute the metadata does not know, and a relation used as a column', () => {
    expect(() => resolveTableNames(metadata, 'api::thing.thing', ['recievedAt'], [])).toThrow(/recievedAt/);
    expect(() => resolveTableNames(metadata, 'api::thing.thing', ['unit'], [])).toThrow(/unit/);
    expect(() => resolveTableNames(metadata, 'api::thing.thing', [], ['sortOrder'])).toThrow(/sortOrder/);
  });
});
