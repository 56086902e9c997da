import { unitAccessMessage, unitAccessRefusal } from '../unit-access';

const mine = [4, 7];

describe('unitAccessRefusal', () => {
  it('lets a new document be created in one of the units only', () => {
    expect(unitAccessRefusal({ mine, stored: [], target: 4 })).toBeNull();
    expect(unitAccessRefusal({ mine, stored: [], target: 5 })).toBe('not-yours');
    expect(unitAccessRefusal({ mine, stored: [], target: null })).toBe('no-unit');
    expect(unitAccessRefusal({ mine, stored: [] })).toBe('no-unit');
  });

  it("judges a stored document by every row's unit", () => {
    expect(unitAccessRefusal({ mine, stored: [4, 4, 4] })).toBeNull();
    expect(unitAccessRefusal({ mine, stored: [5] })).toBe('not-yours');
    expect(unitAccessRefusal({ mine, stored: [null] })).toBe('not-yours');
    // Rows in two units: refused even when both are the user's.
    expect(unitAccessRefusal({ mine, stored: [4, 7] })).toBe('mixed-units');
    expect(unitAccessRefusal({ mine, stored: [4, 5] })).toBe('mixed-units');
  });

  it("never takes a document out of the user's units, nor splits its locales", () => {
    expect(unitAccessRefusal({ mine, stored: [4], target: 5 })).toBe('not-yours');
    expect(unitAccessRefusal({ mine, stored: [4], target: null })).toBe('no-unit');
    expect(unitAccessRefusal({ mine, stored: [4], target: 4, siblings: true })).toBeNull();
    expect(unitAccessRefusal({ mine, stored: [4], target: 7, siblings: true })).toBe('unit-change');
    // A document of one row moves between the user's units.
    expect(unitAccessRefusal({ mine, stored: [4], target: 7 })).toBeNull();
  });

  it('judges a clone by its source and its new unit', () => {
    expect(unitAccessRefusal({ mine, stored: [5], target: 4, clone: true })).toBe('not-yours');
    expect(unitAccessRefusal({ mine, stored: [4], clone: true })).toBeNull();
    expect(unitAccessRefusal({ mine, stored: [4], target: 7, clone: true, siblings: true })).toBeNull();
    expect(unitAccessRefusal({ mine, stored: [4], target: 5, clone: true })).toBe('not-yours');
  });

  it('refuses everything to a user without units', () => {
    expect(unitAccessRefusal({ mine: [], stored: [4] })).toBe('not-yours');
    expect(unitAccessRefusal({ mine: [], stored: [], target: 4 })).toBe('not-yours');
  });

  it('explains in both languages', () => {
    expect(unitAccessMessage('not-yours', 'en')).toBe('You can only work on your own units.');
    expect(unitAccessMessage('not-yours')).toMatch(/đơn vị mình/);
  });
});
