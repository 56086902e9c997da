import { existsSync, readdirSync } from 'fs';
import ExcelJS from 'exceljs';
import { IMPORTED_FIELDS } from '../procedure-import';
import fc from 'fast-check';
import { readCatalogue, writeCatalogue, ONLINE_LEVELS, type CatalogueProcedure } from '../catalogue-xlsx';
import { readNationalList } from '../national-list';
import { PROCEDURE_LEVELS } from '../procedure-levels';

/** Text as the readers normalise it: no blank ends, single spaces; multi-line texts keep their non-blank lines. */
// The Vietnamese letters spelled out: the range À-ỹ also holds U+1680, a space that the readers rightly trim.
const VIETNAMESE = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const WORD = fc.stringMatching(
  new RegExp(`^[A-Za-z${VIETNAMESE}${VIETNAMESE.toUpperCase()}0-9=+@()/.,:;“”-]{1,12}$`)
);
const oneLine = fc.array(WORD, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const optionalLine = fc.oneof(fc.constant(''), oneLine);
const multiLine = fc.oneof(
  fc.constant(''),
  fc.array(oneLine, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'))
);
const count = fc.nat({ max: 20 });

const procedure = (code: string): fc.Arbitrary<CatalogueProcedure> =>
  fc.record({
    nationalCode: fc.constant(code),
    name: oneLine,
    issuingBody: optionalLine,
    implementingAgency: multiLine,
    levels: fc.subarray([...PROCEDURE_LEVELS]),
    field: oneLine,
    subjects: optionalLine,
    competentAgency: multiLine,
    receivingAddress: multiLine,
    result: multiLine,
    requirements: multiLine,
    keywords: optionalLine,
    onlineLevel: fc.constantFrom(null, ...ONLINE_LEVELS),
    announcingDecision: optionalLine,
    steps: fc.array(multiLine.filter(Boolean), { maxLength: 3 }),
    channels: fc.array(
      fc.record({
        channel: fc.constantFrom('in_person' as const, 'online' as const, 'postal' as const),
        processingTime: optionalLine,
        processingDays: fc.option(count, { nil: null }),
        fee: multiLine,
        feeAmount: fc.option(fc.nat({ max: 5_000_000_000 }), { nil: null }),
        description: multiLine,
      }),
      { maxLength: 3 }
    ),
    dossier: fc.array(
      fc.record({
        caseGroup: optionalLine,
        name: oneLine,
        originals: count,
        copies: count,
        formTemplateName: optionalLine,
      }),
      { maxLength: 3 }
    ),
    legalBases: fc.array(
      fc.record({
        symbol: oneLine,
        title: multiLine,
        issuedOn: fc.constantFrom('', '2023-11-27', '2024-05-16'),
        issuer: optionalLine,
      }),
      { maxLength: 3 }
    ),
  });

const catalogue = fc
  .uniqueArray(fc.integer({ min: 0, max: 999_999 }), { minLength: 1, maxLength: 3 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((n, i) =>
        procedure(`${(i % 9) + 1}.${String(n).padStart(6, '0')}${i % 2 ? '.H19' : ''}`)
      )
    )
  );

describe('the catalogue workbook', () => {
  it('reads back exactly what it wrote (round trip)', async () => {
    await fc.assert(
      fc.asyncProperty(catalogue, async (procedures) => {
        const result = await readCatalogue(await writeCatalogue(procedures, 'DANH MỤC THỦ TỤC HÀNH CHÍNH'));
        // Each procedure comes back with the row it was written on, under the title and the header.
        const rows = procedures.map((procedure, index) => ({ ...procedure, row: index + 3 }));
        // The catalogue carries every field: an import of it compares and writes them all.
        expect(result).toEqual({ ok: true, procedures: rows, refused: [], present: expect.any(Array) });
        if (result.ok) expect([...result.present].sort()).toEqual([...IMPORTED_FIELDS].sort());
      }),
      { numRuns: 12 }
    );
  }, 180_000);

  // exceljs's writer stores the shared strings after the sheets. Its streaming reader iterated the zip's entries
  // through pause and resume, and about one read in 170 lost the last ones: the list sheet came back as shared-string
  // numbers, without a header. patches/exceljs+4.4.0.patch iterates the stream itself.
  it('reads the same list every time', async () => {
    const sample = fc.sample(catalogue, { numRuns: 1, seed: 22 })[0];
    const bytes = await writeCatalogue(sample, 'DANH MỤC');
    const outcomes = new Set<string>();
    for (let read = 0; read < 400; read++) {
      const list = await readNationalList(bytes);
      outcomes.add(list.ok ? list.rows.map((row) => row.name).join('|') : list.problem);
    }
    expect([...outcomes]).toEqual([sample.map((procedure) => procedure.name).join('|')]);
  });

  it('has the national list layout, so that the list reader reads its first sheet', async () => {
    const [sample] = fc.sample(procedure('1.004359'), { numRuns: 1, seed: 7 });
    const list = await readNationalList(await writeCatalogue([sample], 'DANH MỤC'));
    expect(list).toMatchObject({ ok: true, rows: [{ row: 3, nationalCode: '1.004359', name: sample.name }] });
  });

  it('refuses detail rows of unknown codes or with bad numbers, naming the sheet', async () => {
    const [sample] = fc.sample(procedure('1.004359'), { numRuns: 1, seed: 3 });
    const workbook = new ExcelJS.Workbook();
    const written = await writeCatalogue([{ ...sample, dossier: [] }], 'DANH MỤC');
    await workbook.xlsx.load(written as unknown as ArrayBuffer);
    workbook.getWorksheet('Thành phần hồ sơ')!.addRow(['9.999999', '', 'Đơn', 1, 0, '']);
    workbook.getWorksheet('Thành phần hồ sơ')!.addRow(['1.004359', '', 'Đơn', 'một', 0, '']);
    const result = await readCatalogue(Buffer.from(await workbook.xlsx.writeBuffer()));
    if (!result.ok) throw new Error(result.problem);
    expect(result.procedures[0].dossier).toEqual([]);
    expect(result.refused).toEqual([
      {
        row: 2,
        nationalCode: '9.999999',
        reason: {
          vi: 'Thành phần hồ sơ: Mã số không có trong trang danh sách.',
          en: 'Thành phần hồ sơ: The code is not on the list sheet.',
        },
      },
      {
        row: 3,
        nationalCode: '1.004359',
        reason: {
          vi: 'Thành phần hồ sơ: Số bản chính và bản sao phải là số nguyên.',
          en: 'Thành phần hồ sơ: Originals and copies must be whole numbers.',
        },
      },
    ]);
  });

  // exceljs buffers sheets stored before the shared strings in temporary files; a read that stops early leaks them.
  (existsSync('/proc/self/fd') ? it : it.skip)('leaves no file open after a read', async () => {
    const [sample] = fc.sample(procedure('1.004359'), { numRuns: 1, seed: 5 });
    const bytes = await writeCatalogue([sample], 'DANH MỤC');
    const open = () => readdirSync('/proc/self/fd').length;
    await readCatalogue(bytes);
    const before = open();
    for (let i = 0; i < 20; i++) await readCatalogue(bytes);
    expect(open()).toBeLessThanOrEqual(before + 2);
  });

  it('writes formula-like text so that Excel keeps it as text', async () => {
    const [sample] = fc.sample(procedure('1.000001'), { numRuns: 1, seed: 1 });
    const bytes = await writeCatalogue([{ ...sample, name: '=HYPERLINK("http://x","y")' }], 'DANH MỤC');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet('Danh sách TTHC')!.getCell('B3');
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.text).toBe('=HYPERLINK("http://x","y")');
  });
});
