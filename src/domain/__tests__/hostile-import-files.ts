/**
 * Hostile import files, for the reader's tests and the import route's: each with the problem it must be refused
 * for (import-file.ts). `LIST` is the Justice ministry's real export, which they are made from.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const FIXTURES = join(__dirname, '../../../tests/fixtures/national-portal');
export const LIST = readFileSync(join(FIXTURES, 'danh-sach-tthc-bo-tu-phap.xlsx'));

async function edited(bytes: Buffer, edit: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A list of `rows` procedures, written as a stream as a real export of that size would be. */
export async function bigList(rows: number): Promise<Buffer> {
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

/** Files refused whatever the limits, with the problem each is refused for. */
export const HOSTILE_FILES: [string, () => Promise<Buffer>, string][] = [
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
];

/** A list that unpacks to `megabytes` of zeros: a zip bomb for any upload limit under a twentieth of it. */
export const zipBomb = (megabytes: number) =>
  edited(LIST, (zip) => void zip.file('xl/media/padding.bin', Buffer.alloc(megabytes * 1024 * 1024)));
