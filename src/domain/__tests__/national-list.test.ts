import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readNationalList, type NationalListRow } from '../national-list';

const FIXTURES = join(__dirname, '../../../tests/fixtures/national-portal');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A list in the portal's layout: a merged title over row 1, the header on row 2, then the given rows. */
async function listFile(header: string[], rows: unknown[][], title = true): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách TTHC');
  if (title) {
    sheet.addRow(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDANH SÁCH THỦ TỤC HÀNH CHÍNH']);
    sheet.mergeCells(1, 1, 1, header.length);
  }
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const PORTAL_HEADER = ['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực'];

async function readOk(bytes: Buffer) {
  const result = await readNationalList(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
}

describe('readNationalList on text that the unzipped stream cuts', () => {
  // exceljs decodes each 16 KB chunk of a sheet on its own, which broke a letter cut between two chunks into "��"
  // (exceljs #2084); patches/exceljs+4.4.0.patch decodes across chunks. These names cross many chunk edges.
  it('keeps every multi-byte letter whole', async () => {
    const names = Array.from({ length: 300 }, (_, i) =>
      `${i} ${'Đăng ký biến động sạt lở ữ '.repeat(12)}`.trim()
    );
    const bytes = await listFile(
      PORTAL_HEADER,
      names.map((name, i) => [`1.${String(i).padStart(6, '0')}`, name, 'Bộ', 'Sở Tư pháp', 'Hộ tịch'])
    );
    const { rows } = await readOk(bytes);
    expect(rows.map((row) => row.name)).toEqual(names);
  });
});

describe('readNationalList on the portal’s real exports', () => {
  it.each([
    ['danh-sach-tthc-bo-tu-phap.xlsx', 271, 'Bộ Tư pháp'],
    ['danh-sach-tthc-bo-xay-dung.xlsx', 525, 'Bộ Xây dựng'],
  ])('%s: every procedure, none refused, codes and fields as in the file', async (file, count, ministry) => {
    const { rows, refused, columns } = await readOk(fixture(file));
    expect(refused).toEqual([]);
    expect(rows).toHaveLength(count);
    expect(columns.map((c) => c.column)).toEqual([
      'nationalCode',
      'name',
      'issuingBody',
      'implementingAgency',
      'field',
    ]);
    expect(new Set(rows.map((r) => r.nationalCode)).size).toBe(count);
    for (const row of rows) {
      expect(row.nationalCode).toMatch(/^\d\.\d{6}$/);
      expect(row.name).toBe(row.name.trim());
      expect(row.name).not.toMatch(/\s{2}|\n/);
      expect(row.field).not.toBe('');
    }
    expect(rows.every((r) => r.issuingBody.toLowerCase().startsWith(ministry.toLowerCase()))).toBe(true);
    expect(rows[0].row).toBe(3);
  });

  it('keeps the first data row as the file has it, name trimmed', async () => {
    const { rows } = await readOk(fixture('danh-sach-tthc-bo-xay-dung.xlsx'));
    expect(rows[0]).toMatchObject<Partial<NationalListRow>>({
      row: 3,
      nationalCode: '1.115151',
      name: 'Thủ tục bán, cho thuê mua, cho thuê nhà ở cho lực lượng vũ trang nhân dân được đầu tư xây dựng không bằng vốn đầu tư công',
      issuingBody: 'Bộ Xây dựng',
      field: 'Nhà ở và công sở',
    });
  });

  it('keeps the longest name whole', async () => {
    const { rows } = await readOk(fixture('danh-sach-tthc-bo-xay-dung.xlsx'));
    const longest = rows.reduce((a, b) => (b.name.length > a.name.length ? b : a));
    expect(longest.nationalCode).toBe('1.002650');
    expect(longest.name.length).toBeGreaterThan(500);
  });

  it('derives levels from the implementing agencies and keeps their raw text', async () => {
    const { rows } = await readOk(fixture('danh-sach-tthc-bo-tu-phap.xlsx'));
    const first = rows.find((r) => r.nationalCode === '1.014966')!;
    expect(first.implementingAgency).toBe('Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp');
    expect(first.levels).toEqual(['province']);
    const levelsOf = (code: string) => rows.find((r) => r.nationalCode === code)?.levels;
    expect(levelsOf('1.014965')).toEqual(['province']);
    // Agencies that name no level add none: the raw text stays for staff to read.
    for (const row of rows.filter((r) => r.implementingAgency === '')) expect(row.levels).toEqual([]);
    expect(rows.some((r) => r.levels.includes('ministry'))).toBe(true);
    expect(rows.some((r) => r.levels.includes('commune'))).toBe(true);
  });
});

describe('readNationalList on other layouts', () => {
  it('maps the crawlers’ column set by title, in any order, with no title block', async () => {
    const bytes = await listFile(
      [
        'STT',
        'Tên TTHC',
        'Mã TTHC',
        'Lĩnh vực',
        'Đối tượng',
        'Cơ quan công khai',
        'Cấp thực hiện',
        'Tình trạng',
        'QĐ Công bố',
      ],
      [
        [
          1,
          'Cấp giấy phép khai thác nước dưới đất',
          '1.004359',
          'Tài nguyên nước',
          'Công dân',
          'Sở Nông nghiệp và Môi trường',
          'Cấp Tỉnh',
          'Còn hiệu lực',
          '379/QĐ-BNNMT',
        ],
      ],
      false
    );
    const { rows, columns } = await readOk(bytes);
    expect(columns.filter((c) => c.column === null).map((c) => c.title)).toEqual([
      'STT',
      'Cơ quan công khai',
    ]);
    expect(rows).toEqual([
      {
        row: 2,
        nationalCode: '1.004359',
        name: 'Cấp giấy phép khai thác nước dưới đất',
        issuingBody: '',
        implementingAgency: '',
        levels: ['province'],
        field: 'Tài nguyên nước',
        subjects: 'Công dân',
        status: 'Còn hiệu lực',
        announcingDecision: '379/QĐ-BNNMT',
        competentAgency: '',
        receivingAddress: '',
        result: '',
        requirements: '',
        keywords: '',
        onlineLevel: '',
      },
    ]);
  });

  it('reads rich text, links, dates and numbers as their text', async () => {
    const bytes = await listFile(
      [...PORTAL_HEADER, 'QĐ công bố'],
      [
        [
          '1.000001',
          { richText: [{ text: 'Thủ tục ', font: { bold: true } }, { text: 'A' }] },
          { text: 'Bộ X', hyperlink: 'https://dichvucong.gov.vn' },
          12,
          new Date('2025-07-01T00:00:00Z'),
          { error: '#REF!' },
        ],
      ]
    );
    const { rows } = await readOk(bytes);
    expect(rows[0]).toMatchObject({
      name: 'Thủ tục A',
      issuingBody: 'Bộ X',
      implementingAgency: '12',
      field: '2025-07-01',
      announcingDecision: '',
    });
  });

  it('reads provincial suffixes, numeric codes and formulas as text, never evaluating them', async () => {
    const bytes = await listFile(PORTAL_HEADER, [
      ['1.012753.h19', 'Thủ tục A', 'Bộ X', 'UBND cấp  xã', 'Hộ tịch'],
      [1.01275, 'Thủ tục B', 'Bộ X', 'Bộ X', 'Hộ tịch'],
      [
        '1.000001',
        { formula: 'HYPERLINK("http://evil.example","bấm")', result: 'bấm' },
        'Bộ X',
        '',
        'Hộ tịch',
      ],
    ]);
    const { rows, refused } = await readOk(bytes);
    expect(refused).toEqual([]);
    expect(rows.map((r) => [r.nationalCode, r.name, r.levels])).toEqual([
      ['1.012753.H19', 'Thủ tục A', ['commune']],
      ['1.012750', 'Thủ tục B', ['ministry']],
      ['1.000001', '=HYPERLINK("http://evil.example","bấm")', []],
    ]);
  });

  it('refuses malformed, missing and duplicate codes and missing names by row, skipping blank rows', async () => {
    const bytes = await listFile(PORTAL_HEADER, [
      ['1.000001', 'Một'],
      ['12345', 'Hai'],
      ['', 'Ba'],
      [],
      ['1.000001', 'Bốn'],
      ['1.000002', '   '],
      ['1.000003', 'Năm'],
    ]);
    const { rows, refused } = await readOk(bytes);
    expect(rows.map((r) => r.nationalCode)).toEqual(['1.000003']);
    expect(refused.map((r) => [r.row, r.nationalCode])).toEqual([
      [3, '1.000001'],
      [4, '12345'],
      [5, ''],
      [7, '1.000001'],
      [8, '1.000002'],
    ]);
    expect(refused[0].reason.en).toBe('The code 1.000001 is also on row 7.');
    expect(refused[1].reason.vi).toContain('không đúng dạng');
  });

  it.each([
    ['no header', () => listFile(['A', 'B'], [['1.000001', 'x']]), 'no_header'],
    ['no rows', () => listFile(PORTAL_HEADER, []), 'empty'],
    ['not an xlsx', async () => Buffer.from('PK\u0003\u0004 not really a zip'), 'unreadable'],
  ])('refuses a file with %s', async (_what, make, problem) => {
    const result = await readNationalList(await make());
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message.vi).not.toBe('');
  });

  it('stops reading at the row limit', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`1.${String(i).padStart(6, '0')}`, `Thủ tục ${i}`]);
    const bytes = await listFile(PORTAL_HEADER, rows);
    expect(await readNationalList(bytes, { maxRows: 29 })).toMatchObject({
      ok: false,
      problem: 'too_many_rows',
    });
    expect(await readNationalList(bytes, { maxRows: 30 })).toMatchObject({ ok: true });
  });
});
