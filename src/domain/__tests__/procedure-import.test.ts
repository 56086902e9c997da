import {
  countPreview,
  planApply,
  previewImport,
  selectRows,
  type ImportedFields,
  type IncomingProcedure,
  type StoredProcedure,
} from '../procedure-import';

const ALL: Set<keyof ImportedFields> = new Set(['name', 'field', 'implementingAgency', 'levels']);

const incoming = (code: string, over: Partial<IncomingProcedure> = {}): IncomingProcedure => ({
  row: 3,
  nationalCode: code,
  name: `Thủ tục ${code}`,
  field: 'Hộ tịch',
  implementingAgency: 'Ủy ban nhân dân cấp xã',
  levels: ['commune'],
  announcingDecision: '',
  ...over,
});

const stored = (code: string, over: Partial<StoredProcedure> = {}): StoredProcedure => ({
  documentId: `doc-${code}`,
  nationalCode: code,
  name: `Thủ tục ${code}`,
  field: 'Hộ tịch',
  implementingAgency: 'Ủy ban nhân dân cấp xã',
  levels: ['commune'],
  published: true,
  announcingDecision: '',
  ...over,
});

describe('previewImport', () => {
  it('sorts rows into new, changed (with exactly the fields that differ) and unchanged', () => {
    const preview = previewImport(
      [
        incoming('1.000001'),
        incoming('1.000002', { name: 'Tên mới', levels: ['province', 'commune'] }),
        incoming('1.000003', { name: '  Thủ tục\n1.000003 ', field: 'HỘ TỊCH', levels: ['commune'] }),
      ],
      [],
      [stored('1.000002'), stored('1.000003')],
      ALL
    );
    expect(preview.rows.map((r) => [r.nationalCode, r.status])).toEqual([
      ['1.000001', 'new'],
      ['1.000002', 'changed'],
      ['1.000003', 'unchanged'],
    ]);
    expect(preview.rows[1].changes).toEqual([
      { field: 'name', before: 'Thủ tục 1.000002', after: 'Tên mới' },
      { field: 'levels', before: ['commune'], after: ['province', 'commune'] },
    ]);
    expect(preview.rows[1]).toMatchObject({
      documentId: 'doc-1.000002',
      published: true,
      defaultMode: 'correction',
    });
    expect(countPreview(preview)).toEqual({ created: 1, updated: 1, unchanged: 1, missing: 0, refused: 0 });
  });

  it('ignores the fields the file has no column for', () => {
    const preview = previewImport(
      [incoming('1.000002', { implementingAgency: '', levels: [] })],
      [],
      [stored('1.000002')],
      new Set(['name', 'field'])
    );
    expect(preview.rows[0].status).toBe('unchanged');
  });

  it('defaults a change under a new announcing decision to a new version, and leaves drafts without a mode', () => {
    const preview = previewImport(
      [
        incoming('1.000001', { name: 'A', announcingDecision: '379/QĐ-BNNMT' }),
        incoming('1.000002', { name: 'B', announcingDecision: '12/QĐ-UBND' }),
        incoming('1.000003', { name: 'C', announcingDecision: '379/QĐ-BNNMT' }),
      ],
      [],
      [
        stored('1.000001', { announcingDecision: '100/QĐ-BTNMT' }),
        stored('1.000002', { announcingDecision: '12/QĐ-UBND' }),
        stored('1.000003', { published: false }),
      ],
      ALL
    );
    expect(preview.rows.map((r) => r.defaultMode)).toEqual(['amendment', 'correction', undefined]);
  });

  it('lists as missing only the catalogue’s procedures in the fields the file covers, never refused codes', () => {
    const preview = previewImport(
      [incoming('1.000001')],
      [{ row: 9, nationalCode: '1.000009', reason: { vi: 'x', en: 'x' } }],
      [stored('1.000001'), stored('1.000002'), stored('1.000003', { field: 'Xây dựng' }), stored('1.000009')],
      ALL
    );
    expect(preview.missing).toEqual([
      { documentId: 'doc-1.000002', nationalCode: '1.000002', name: 'Thủ tục 1.000002', field: 'Hộ tịch' },
    ]);
    expect(countPreview(preview)).toMatchObject({ missing: 1, refused: 1 });
  });
});

describe('selectRows', () => {
  const rows = previewImport(
    [
      incoming('1.000001', { field: 'Hộ tịch', levels: ['commune'], implementingAgency: 'UBND cấp xã' }),
      incoming('1.000002', { field: 'Công chứng', levels: ['province'], implementingAgency: 'Sở Tư pháp' }),
      incoming('1.000003', {
        field: 'Công chứng',
        levels: ['ministry', 'province'],
        implementingAgency: 'Bộ Tư pháp',
      }),
    ],
    [],
    [],
    ALL
  ).rows;
  const codes = (selected: typeof rows) => selected.map((r) => r.nationalCode);

  it.each([
    [{}, ['1.000001', '1.000002', '1.000003']],
    [{ fields: ['cong chung'] }, ['1.000002', '1.000003']],
    [{ levels: ['province' as const] }, ['1.000002', '1.000003']],
    [{ agency: 'sở tư PHÁP' }, ['1.000002']],
    [{ fields: ['Công chứng'], levels: ['ministry' as const] }, ['1.000003']],
    [{ codes: ['1.000001', '9.999999'] }, ['1.000001']],
  ])('%p → %p', (selection, expected) => {
    expect(codes(selectRows(rows, selection))).toEqual(expected);
  });
});

describe('planApply', () => {
  const preview = previewImport(
    [
      incoming('1.000001'),
      incoming('1.000002', { name: 'B' }),
      incoming('1.000003', { name: 'C', announcingDecision: '2/QĐ' }),
      incoming('1.000004', { name: 'D' }),
      incoming('1.000005'),
    ],
    [],
    [
      stored('1.000002'),
      stored('1.000003', { announcingDecision: '1/QĐ' }),
      stored('1.000004', { published: false }),
      stored('1.000005'),
    ],
    ALL
  );

  it('creates drafts or published procedures as asked, takes each row’s chosen mode, and skips the unchanged', () => {
    const plan = planApply(preview.rows, { publish: false, modes: { '1.000002': 'amendment' } });
    expect(
      plan.map((a) => [a.row.nationalCode, a.kind, 'mode' in a ? a.mode : 'publish' in a ? a.publish : null])
    ).toEqual([
      ['1.000001', 'create', false],
      ['1.000002', 'update', 'amendment'],
      ['1.000003', 'update', 'amendment'],
      ['1.000004', 'update', 'correction'],
      ['1.000005', 'skip', null],
    ]);
    expect(planApply(preview.rows, { publish: true })[0]).toMatchObject({ kind: 'create', publish: true });
  });

  it('never makes a new version of a draft', () => {
    const plan = planApply(preview.rows, { publish: false, modes: { '1.000004': 'amendment' } });
    expect(plan[3]).toMatchObject({ kind: 'update', mode: 'correction' });
  });
});
