import {
  amendedVersion,
  checkApplyChoices,
  countPreview,
  procedureData,
  unpublishable,
  planApply,
  previewImport,
  selectRows,
  selectionKeys,
  levelKey,
  IMPORTED_FIELDS,
  type ImportField,
  type ImportedFields,
  type IncomingProcedure,
  type StoredProcedure,
} from '../procedure-import';

const ALL: Set<ImportField> = new Set(IMPORTED_FIELDS);

/** A procedure as a list gives it: the details empty. */
const base = (code: string): ImportedFields => ({
  name: `Thủ tục ${code}`,
  issuingBody: 'Bộ Tư pháp',
  field: 'Hộ tịch',
  implementingAgency: 'Ủy ban nhân dân cấp xã',
  levels: ['commune'],
  subjects: 'Công dân',
  competentAgency: '',
  receivingAddress: '',
  result: '',
  requirements: '',
  keywords: '',
  onlineLevel: null,
  announcingDecision: '',
  steps: [],
  channels: [],
  dossier: [],
  legalBases: [],
});

const incoming = (code: string, over: Partial<IncomingProcedure> = {}): IncomingProcedure => ({
  ...base(code),
  row: 3,
  nationalCode: code,
  ...over,
});

const stored = (code: string, over: Partial<StoredProcedure> = {}): StoredProcedure => ({
  ...base(code),
  documentId: `doc-${code}`,
  nationalCode: code,
  published: true,
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

  it('lists as missing only the catalogue’s procedures in the fields and ministries the file covers, never refused codes', () => {
    const preview = previewImport(
      [incoming('1.000001')],
      [{ row: 9, nationalCode: '1.000009', reason: { vi: 'x', en: 'x' } }],
      [
        stored('1.000001'),
        stored('1.000002'),
        stored('1.000003', { field: 'Xây dựng' }),
        stored('1.000009'),
        // Another ministry's procedure in a field this list also covers.
        stored('1.000004', { issuingBody: 'Bộ Xây dựng' }),
      ],
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

  it.each([
    [{ fields: ['cong chung'] }],
    [{ levels: ['province' as const, 'commune' as const] }],
    [{ agency: 'TƯ PHÁP' }],
    [{ fields: ['Công chứng'], levels: ['ministry' as const] }],
  ])('the stored keys select what selectRows selects: %p', (selection) => {
    // As the rows query reads them: field keys equal, a level key contained, the agency key contained.
    const { fields = [], levels = [], agency = '' } = selection as Parameters<typeof selectRows>[1];
    const bySql = rows.filter((row) => {
      const keys = selectionKeys(row);
      return (
        (!fields.length ||
          fields.some((field) => selectionKeys({ ...row, field }).fieldKey === keys.fieldKey)) &&
        (!levels.length || levels.some((level) => keys.levelKeys.includes(levelKey(level)))) &&
        keys.agencyKey.includes(selectionKeys({ ...row, implementingAgency: agency }).agencyKey)
      );
    });
    expect(codes(bySql)).toEqual(codes(selectRows(rows, selection)));
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

describe('comparing every field a file carries', () => {
  const channel = (fee: string, feeAmount: number | null) => ({
    channel: 'in_person' as const,
    processingTime: '15 Ngày làm việc',
    processingDays: 15,
    fee,
    feeAmount,
    description: '',
  });

  it('shows a changed fee as a change of the channels, and nothing else', () => {
    const preview = previewImport(
      [incoming('1.000001', { channels: [channel('Phí : 200.000 Đồng', 200000)] })],
      [],
      [stored('1.000001', { channels: [channel('Phí : 100.000 Đồng', 100000)] })],
      ALL
    );
    expect(preview.rows[0].changes.map((c) => c.field)).toEqual(['channels']);
  });

  it('compares legal bases by the documents they link, not by the titles a file gives them', () => {
    const basis = (title: string) => ({ symbol: '63/2010/NĐ-CP', title, issuedOn: '', issuer: '' });
    const preview = previewImport(
      [incoming('1.000001', { legalBases: [basis('Nghị định 63')] })],
      [],
      [stored('1.000001', { legalBases: [basis('Nghị định về kiểm soát thủ tục hành chính')] })],
      ALL
    );
    expect(preview.rows[0].status).toBe('unchanged');
  });

  it('keeps new procedures that lack what publishing needs as drafts, even when asked to publish', () => {
    expect(unpublishable({ ...base('1.000001'), subjects: ' ', levels: [] })).toEqual(['subjects', 'levels']);
    const rows = previewImport([incoming('1.000001', { subjects: '' })], [], [], ALL).rows;
    expect(planApply(rows, { publish: true })[0]).toMatchObject({ kind: 'create', publish: false });
  });

  it('makes a new version from the stored procedure with the file’s changes over it', () => {
    const current = stored('1.000001', { keywords: 'giữ nguyên' });
    const [row] = previewImport([incoming('1.000001', { name: 'Tên mới' })], [], [current], ALL).rows;
    expect(amendedVersion(current, row)).toMatchObject({ name: 'Tên mới', keywords: '' });
    const [onlyName] = previewImport(
      [incoming('1.000001', { name: 'Tên mới', keywords: '' })],
      [],
      [current],
      new Set(['name'])
    ).rows;
    expect(amendedVersion(current, onlyName)).toMatchObject({ name: 'Tên mới', keywords: 'giữ nguyên' });
  });
});

describe('procedureData', () => {
  const lookup = {
    field: (name: string) => (name === 'Hộ tịch' ? 'field-1' : null),
    legalDocument: (symbol: string) => (symbol === '1/QĐ' ? 'legal-1' : null),
  };

  it('names what the procedure points to by documentId and writes components as rows', () => {
    const data = procedureData(
      {
        ...base('1.000001'),
        steps: ['Bước 1'],
        announcingDecision: '1/QĐ',
        legalBases: [
          { symbol: '1/QĐ', title: '', issuedOn: '', issuer: '' },
          { symbol: 'không có', title: '', issuedOn: '', issuer: '' },
        ],
      },
      IMPORTED_FIELDS,
      lookup
    );
    expect(data).toMatchObject({
      field: 'field-1',
      levels: [{ level: 'commune' }],
      steps: [{ description: 'Bước 1' }],
      announcingDecision: 'legal-1',
      legalBases: ['legal-1'],
    });
    // No online level in the file: the stored one (or the schema's default) stays.
    expect(data).not.toHaveProperty('onlineLevel');
  });

  it('writes only the fields asked', () => {
    expect(Object.keys(procedureData(base('1.000001'), ['name'], lookup))).toEqual(['name']);
  });
});

describe('checkApplyChoices', () => {
  it('takes an empty body as "everything, as drafts, with the default modes"', () => {
    expect(checkApplyChoices(undefined, 'en')).toEqual({
      ok: true,
      value: { fields: [], levels: [], agency: '', codes: [], publish: false, modes: {} },
    });
  });

  it('names every bad field, in the language asked', () => {
    const checked = checkApplyChoices(
      {
        fields: 'Hộ tịch',
        levels: ['province', 'galaxy'],
        codes: ['1.0001'],
        publish: 'yes',
        modes: { '1.000001': 'rewrite' },
        agency: 7,
        extra: true,
      },
      'vi'
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.map((e) => e.path.join('.')).sort()).toEqual(
        ['agency', 'codes', 'extra', 'fields', 'levels', 'modes', 'publish'].sort()
      );
      expect(checked.errors[0].messages?.en).toBeTruthy();
    }
    expect(checkApplyChoices([], 'en').ok).toBe(false);
  });
});
