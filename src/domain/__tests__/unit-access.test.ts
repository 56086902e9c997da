import {
  displayName,
  inUnit,
  mayActOnUnit,
  readableUnits,
  seesUnit,
  SUPER_ADMIN_ROLE,
  unitAccessMessage,
  unitAccessOf,
  unitAccessRefusal,
} from '../unit-access';

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

describe('unitAccessOf', () => {
  const editor = {
    id: 3,
    firstname: 'An',
    lastname: 'Nguyễn Văn',
    email: 'an@example.vn',
    roles: [{ code: 'unit-editor' }],
  };
  const ability = (held: string[]) => ({
    can: (action: string, subject?: unknown) => held.includes(subject ? `${action} ${subject}` : action),
  });

  it('names the user, lists its units and answers the caller’s flags', () => {
    const access = unitAccessOf(editor, [4, 7], ability(['x.submit', 'cm.publish api::article.article']), {
      readAll: ['x.read-all'],
      can: {
        canSubmit: 'x.submit',
        canReview: 'x.review',
        canPublish: ['cm.publish', 'api::article.article'],
      },
    });
    expect(access).toEqual({
      user: { id: 3, name: 'Nguyễn Văn An', email: 'an@example.vn' },
      unitIds: [4, 7],
      isSuperAdmin: false,
      readAll: false,
      canSubmit: true,
      canReview: false,
      canPublish: true,
    });
  });

  it('sees every unit with any of the read-all actions, or as a super admin', () => {
    const spec = { readAll: ['x.dashboard', 'x.manage'] };
    expect(unitAccessOf(editor, [], ability(['x.manage']), spec).readAll).toBe(true);
    expect(unitAccessOf(editor, [], ability([]), spec).readAll).toBe(false);
    const admin = { ...editor, roles: [{ code: SUPER_ADMIN_ROLE }] };
    expect(unitAccessOf(admin, [], ability([]))).toMatchObject({ isSuperAdmin: true, readAll: true });
  });
});

describe('displayName', () => {
  it('puts the family name first, else the address', () => {
    expect(displayName({ firstname: 'Bình', lastname: 'Trần', email: 'b@example.vn' })).toBe('Trần Bình');
    expect(displayName({ firstname: null, lastname: null, email: 'b@example.vn' })).toBe('b@example.vn');
  });
});

describe('the unit questions', () => {
  const member = { unitIds: [4, 7], isSuperAdmin: false, readAll: false };
  const reader = { ...member, readAll: true };
  const superAdmin = { unitIds: [], isSuperAdmin: true, readAll: true };

  it('reads its own units, or every unit', () => {
    expect(readableUnits(member)).toEqual([4, 7]);
    expect(readableUnits(reader)).toBe('all');
    expect(seesUnit(member, 4)).toBe(true);
    expect(seesUnit(member, 5)).toBe(false);
    expect(seesUnit(member, null)).toBe(false);
    expect(seesUnit(reader, 5)).toBe(true);
    expect(inUnit(reader, 5)).toBe(false);
  });

  it('acts on its own units only, holding the action; a super admin on every unit', () => {
    expect(mayActOnUnit(member, true, 4)).toBe(true);
    expect(mayActOnUnit(member, false, 4)).toBe(false);
    expect(mayActOnUnit(member, true, 5)).toBe(false);
    expect(mayActOnUnit(member, true, undefined)).toBe(false);
    // Reading every unit is not acting on it.
    expect(mayActOnUnit(reader, true, 5)).toBe(false);
    expect(mayActOnUnit(superAdmin, true, 5)).toBe(true);
    expect(mayActOnUnit(superAdmin, false, 5)).toBe(false);
    expect(mayActOnUnit(member, true, 5, true)).toBe(true);
  });
});
