import { decideCreate, decideDelete, decideUpdate, type StoredVersion } from '../procedure-versioning';

const inForce: StoredVersion = {
  documentId: 'old',
  nationalCode: '9.000001',
  legalStatus: 'in_force',
  effectiveFrom: '2024-01-01',
  previousDocumentId: null,
  hasNextVersion: false,
};

/** The fields refused when creating `data` on 1 January 2026 after `previous`, no other version being in force. */
const refusedOnCreate = (data: Parameters<typeof decideCreate>[0], previous: StoredVersion | null) =>
  decideCreate(data, previous, [], '2026-01-01').errors.map((e) => e.path[0]);

describe('creating a procedure', () => {
  it('accepts a first version in force', () => {
    expect(decideCreate({ nationalCode: '9.000001' }, null, [], '2025-05-01').errors).toEqual([]);
  });

  it('refuses a national code that is not d.dddddd, even in a draft', () => {
    for (const nationalCode of ['1.23', '1.0000011', '12.000001', 'x.000001', undefined]) {
      const { errors } = decideCreate({ nationalCode }, null, [], '2025-05-01');
      expect(errors.map((e) => e.path[0])).toEqual(['nationalCode']);
    }
  });

  it('refuses a second version in force that does not name the one it amends', () => {
    const { errors } = decideCreate({ nationalCode: '9.000001' }, null, ['old'], '2025-05-01');
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual(['nationalCode']);
  });

  it('freezes the previous version the day before the amendment takes effect', () => {
    const decision = decideCreate(
      { nationalCode: '9.000001', effectiveFrom: '2025-03-01', announcementType: 'amended' },
      inForce,
      [],
      '2025-05-01'
    );
    expect(decision.errors).toEqual([]);
    expect(decision.freezePrevious).toEqual({ documentId: 'old', effectiveTo: '2025-02-28' });
  });

  it('uses today when the amendment gives no start date', () => {
    const decision = decideCreate({ nationalCode: '9.000001' }, inForce, [], '2025-01-01');
    expect(decision.freezePrevious?.effectiveTo).toBe('2024-12-31');
  });

  it.each<[string, StoredVersion]>([
    ['to amend a version that is no longer in force', { ...inForce, legalStatus: 'amended' }],
    ['a branch: a version that already has a newer one', { ...inForce, hasNextVersion: true }],
  ])('refuses %s', (_name, previous) => {
    expect(refusedOnCreate({ nationalCode: '9.000001', effectiveFrom: '2026-01-01' }, previous)).toContain(
      'previousVersion'
    );
  });

  it('keeps the national code unless the procedure is replaced', () => {
    expect(refusedOnCreate({ nationalCode: '9.000002', effectiveFrom: '2026-01-01' }, inForce)).toEqual([
      'nationalCode',
    ]);
    expect(
      refusedOnCreate(
        { nationalCode: '9.000002', effectiveFrom: '2026-01-01', announcementType: 'replaced' },
        inForce
      )
    ).toEqual([]);
  });

  it('refuses a new version that starts before the one it amends', () => {
    expect(refusedOnCreate({ nationalCode: '9.000001', effectiveFrom: '2023-12-31' }, inForce)).toEqual([
      'effectiveFrom',
    ]);
  });

  it('needs an end date for a record that is not in force', () => {
    expect(refusedOnCreate({ nationalCode: '9.000003', legalStatus: 'abolished' }, null)).toEqual([
      'effectiveTo',
    ]);
  });
});

describe('updating a procedure', () => {
  it('allows corrections while in force', () => {
    expect(decideUpdate(inForce, { effectiveTo: null })).toEqual([]);
  });

  it('freezes amended and abolished versions', () => {
    expect(decideUpdate({ ...inForce, legalStatus: 'amended' }, {})).toHaveLength(1);
    expect(decideUpdate({ ...inForce, legalStatus: 'abolished' }, {})).toHaveLength(1);
  });

  it('never changes the national code', () => {
    expect(decideUpdate(inForce, { nationalCode: '9.999999' })[0].path).toEqual(['nationalCode']);
    expect(decideUpdate(inForce, { nationalCode: '9.000001' })).toEqual([]);
  });

  it('amends only through a new version', () => {
    expect(decideUpdate(inForce, { legalStatus: 'amended' })[0].path).toEqual(['legalStatus']);
  });

  it('abolishes with an end date', () => {
    expect(decideUpdate(inForce, { legalStatus: 'abolished' })[0].path).toEqual(['effectiveTo']);
    expect(decideUpdate(inForce, { legalStatus: 'abolished', effectiveTo: '2026-01-01' })).toEqual([]);
  });

  it('lets another locale link the same previous version, but not rewire it', () => {
    const linked = { ...inForce, previousDocumentId: 'older' };
    expect(decideUpdate(linked, { previousVersion: 'older' })).toEqual([]);
    expect(decideUpdate(linked, { previousVersion: 'other' })[0].path).toEqual(['previousVersion']);
    expect(decideUpdate(linked, { previousVersion: null })[0].path).toEqual(['previousVersion']);
  });
});

describe('deleting a procedure', () => {
  it('deletes a standalone version in force', () => {
    expect(decideDelete(inForce)).toEqual([]);
  });

  it('keeps every version that is part of the history', () => {
    expect(decideDelete({ ...inForce, legalStatus: 'abolished' })).toHaveLength(1);
    expect(decideDelete({ ...inForce, previousDocumentId: 'older' })).toHaveLength(1);
    expect(decideDelete({ ...inForce, hasNextVersion: true })).toHaveLength(1);
  });
});
