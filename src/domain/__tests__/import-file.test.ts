import { readFileSync } from 'fs';
import { join } from 'path';
import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { readImportFile } from '../import-file';

const FIXTURES = join(__dirname, '../../../tests/fixtures/national-portal');
const LIST = readFileSync(join(FIXTURES, 'danh-sach-tthc-bo-tu-phap.xlsx'));

async function edited(bytes: Buffer, edit: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A list of `rows` procedures, written as a stream as a real export of that size would be. */
async function bigList(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách TTHC');
  sheet.addRow(['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([`1.${String(i).padStart(6, '0')}`, `Thủ tục ${i}`]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

describe('readImportFile', () => {
  it('reads a national list with its hash', async () => {
    const file = await readImportFile(LIST);
    expect(file).toMatchObject({ ok: true, kind: 'xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    if (file.ok) expect(file.procedures).toHaveLength(271);
  });

  it('reads a Word file as one procedure, and refuses one without a code', async () => {
    const word = (lines: string[]) =>
      Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));
    const file = await readImportFile(
      await word(['Mã thủ tục: 1.004359', 'Tên thủ tục: Cấp giấy phép', 'Lĩnh vực: Nước'])
    );
    expect(file).toMatchObject({
      ok: true,
      kind: 'docx',
      procedures: [{ nationalCode: '1.004359', name: 'Cấp giấy phép' }],
    });
    expect(await readImportFile(await word(['Tên thủ tục: Không mã']))).toMatchObject({
      ok: false,
      problem: 'no_code',
    });
  });

  it.each<[string, () => Promise<Buffer>, string]>([
    ['not a zip', async () => Buffer.from('Mã số,Tên\n1.000001,Thủ tục\n'), 'unsupported_type'],
    ['an empty file', async () => Buffer.alloc(0), 'empty'],
    [
      'a sheet with the wrong header',
      () =>
        edited(LIST, (zip) => {
          const sheet = 'xl/worksheets/sheet1.xml';
          return zip
            .file(sheet)!
            .async('string')
            .then((xml) => void zip.file(sheet, xml.replace(/<row r="2"[\s\S]*?<\/row>/, '')));
        }),
      'no_header',
    ],
    [
      'macros',
      () => edited(LIST, (zip) => void zip.file('xl/vbaProject.bin', Buffer.from('macro'))),
      'encrypted_or_macro',
    ],
    [
      'an external relationship',
      () =>
        edited(LIST, async (zip) => {
          const rels = 'xl/_rels/workbook.xml.rels';
          const xml = await zip.file(rels)!.async('string');
          zip.file(
            rels,
            xml.replace(
              '</Relationships>',
              '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="file:///C:/evil.xlsx" TargetMode="External"/></Relationships>'
            )
          );
        }),
      'active_content',
    ],
  ])('refuses %s', async (_what, make, problem) => {
    const file = await readImportFile(await make());
    expect(file).toMatchObject({ ok: false, problem });
    if (!file.ok) expect(file.message.en).not.toBe('');
  });

  it('refuses a zip bomb: more than twenty times the upload limit once unpacked', async () => {
    const bomb = await edited(
      LIST,
      (zip) => void zip.file('xl/media/padding.bin', Buffer.alloc(25 * 1024 * 1024))
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readImportFile(bomb, { maxBytes: 1024 * 1024 })).toMatchObject({
      ok: false,
      problem: 'zip_too_large',
    });
  });

  it('refuses a file over the size limit', async () => {
    expect(await readImportFile(LIST, { maxBytes: 10_000 })).toMatchObject({
      ok: false,
      problem: 'too_large',
    });
  });

  it('refuses 100,000 rows', async () => {
    expect(await readImportFile(await bigList(100_000))).toMatchObject({
      ok: false,
      problem: 'too_many_rows',
    });
  }, 120_000);
});
