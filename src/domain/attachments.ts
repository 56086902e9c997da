/**
 * Attachments sent with citizens' feedback through a public endpoint. A file is judged by its bytes, never by the
 * name or MIME type it was declared with: only PDF, JPEG, PNG, DOCX and XLSX pass. Images are decoded and
 * re-encoded (which drops EXIF/GPS and anything hidden after the pixels); Office files are unpacked with hard
 * limits so that zip bombs cost at most `maxUnpackedBytes` of inflation. Active content is refused: PDF scripts,
 * actions and embedded files (see pdf-inspection.ts), Office macros, OLE embeddings, ActiveX and external
 * relationships other than web links. Never throws: every failure is a problem.
 *
 * `validateAttachment` is the one entry point for every file the product accepts, from citizens or from staff.
 */
import { createHash } from 'crypto';
import type { Readable } from 'stream';
import sharp from 'sharp';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import * as zlib from 'zlib';
import { inspectPdf } from './pdf-inspection';

export type AttachmentKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx';

export interface AttachmentLimits {
  /** Per file, as uploaded. */
  maxBytes: number;
  /** DOCX/XLSX: total size of all entries once inflated; PDF: of its object streams. */
  maxUnpackedBytes: number;
  /** DOCX/XLSX: entries in the central directory. */
  maxZipEntries: number;
  /** Width × height, against pixel floods (a tiny PNG can declare a huge canvas). */
  maxImagePixels: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = Object.freeze({
  maxBytes: 10 * MB,
  maxUnpackedBytes: 50 * MB,
  maxZipEntries: 2000,
  maxImagePixels: 40_000_000,
});

export type AttachmentProblem =
  | 'too_large'
  | 'empty'
  | 'unsupported_type'
  | 'corrupt'
  | 'too_many_pixels'
  | 'zip_too_large'
  | 'zip_too_many_entries'
  | 'encrypted_or_macro'
  | 'active_content';

export interface AcceptedAttachment {
  kind: AttachmentKind;
  /** Canonical MIME type of the kind, whatever the client declared. */
  mime: string;
  extension: string;
  /** What to store: images re-encoded by sharp (metadata stripped, orientation applied), other kinds unchanged. */
  bytes: Buffer;
  size: number;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}

export type AttachmentResult =
  | { ok: true; value: AcceptedAttachment }
  | { ok: false; problem: AttachmentProblem };

export const ATTACHMENT_TYPES: Record<AttachmentKind, { mime: string; extension: string }> = {
  pdf: { mime: 'application/pdf', extension: '.pdf' },
  jpeg: { mime: 'image/jpeg', extension: '.jpg' },
  png: { mime: 'image/png', extension: '.png' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx' },
};

export const ATTACHMENT_PROBLEM_MESSAGES: Record<AttachmentProblem, { vi: string; en: string }> = {
  too_large: {
    vi: 'Tệp đính kèm vượt quá dung lượng cho phép.',
    en: 'The attachment is larger than allowed.',
  },
  empty: { vi: 'Tệp đính kèm không có nội dung.', en: 'The attachment is empty.' },
  unsupported_type: {
    vi: 'Chỉ chấp nhận tệp PDF, JPEG, PNG, Word (.docx) hoặc Excel (.xlsx).',
    en: 'Only PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) files are accepted.',
  },
  corrupt: {
    vi: 'Tệp đính kèm bị hỏng hoặc không đọc được.',
    en: 'The attachment is damaged or cannot be read.',
  },
  too_many_pixels: {
    vi: 'Ảnh có kích thước quá lớn; vui lòng thu nhỏ ảnh rồi gửi lại.',
    en: 'The image dimensions are too large; please resize it and try again.',
  },
  zip_too_large: {
    vi: 'Tệp đính kèm có dung lượng sau giải nén quá lớn.',
    en: 'The attachment is too large once unpacked.',
  },
  zip_too_many_entries: {
    vi: 'Tệp Word/Excel chứa quá nhiều thành phần.',
    en: 'The Word/Excel file contains too many parts.',
  },
  encrypted_or_macro: {
    vi: 'Tệp có mật khẩu hoặc chứa macro; vui lòng gỡ mật khẩu, lưu lại dưới dạng .docx/.xlsx rồi gửi lại.',
    en: 'The file is password-protected or contains macros; please remove them, save as .docx/.xlsx and try again.',
  },
  active_content: {
    vi: 'Tệp chứa mã lệnh, hành động tự động, đối tượng nhúng hoặc liên kết tới tệp bên ngoài; vui lòng lưu lại thành tệp PDF, Word hoặc Excel thông thường rồi gửi lại.',
    en: 'The file contains scripts, automatic actions, embedded objects or links to outside files; please save it again as a plain PDF, Word or Excel file and try again.',
  },
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const startsWith = (data: Buffer, prefix: Buffer) =>
  data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);

/**
 * The kind announced by the first bytes, nothing more. 'zip' still needs `validateAttachment` to tell DOCX from
 * XLSX from any other zip; 'pdf' still needs its version and trailer checked.
 */
export function sniffKind(head: Buffer): AttachmentKind | 'zip' | null {
  if (!Buffer.isBuffer(head)) return null;
  if (startsWith(head, PDF_SIGNATURE)) return 'pdf';
  if (startsWith(head, JPEG_SIGNATURE)) return 'jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (startsWith(head, ZIP_SIGNATURE)) return 'zip';
  return null;
}

/** OLE compound file: legacy .doc/.xls/.ppt/.msg, and also what Office writes for a password-protected DOCX/XLSX. */
export const isOleCompoundFile = (head: Buffer): boolean =>
  Buffer.isBuffer(head) && startsWith(head, OLE_SIGNATURE);

/**
 * A password-protected DOCX/XLSX is an OLE file holding an `EncryptedPackage` stream; we look for that directory
 * entry name (UTF-16LE, NUL-terminated). Every other OLE file is a legacy binary format that we do not accept.
 */
const OLE_ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage\0', 'utf16le');
const oleProblem = (data: Buffer): AttachmentProblem =>
  data.includes(OLE_ENCRYPTED_PACKAGE) ? 'encrypted_or_macro' : 'unsupported_type';

const fail = (problem: AttachmentProblem): AttachmentResult => ({ ok: false, problem });

const accept = (kind: AttachmentKind, bytes: Buffer): AttachmentResult => ({
  ok: true,
  value: {
    kind,
    ...ATTACHMENT_TYPES[kind],
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  },
});

export async function validateAttachment(
  data: Buffer,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS
): Promise<AttachmentResult> {
  try {
    const buffer = asBuffer(data);
    if (!buffer || buffer.length === 0) return fail('empty');
    if (buffer.length > limits.maxBytes) return fail('too_large');

    if (isOleCompoundFile(buffer)) return fail(oleProblem(buffer));
    const sniffed = sniffKind(buffer);
    switch (sniffed) {
      case 'pdf': {
        const problem = inspectPdf(buffer, limits.maxUnpackedBytes);
        return problem ? fail(problem) : accept('pdf', buffer);
      }
      case 'jpeg':
      case 'png': {
        const image = await reencodeImage(buffer, sniffed, limits);
        if (typeof image === 'string') return fail(image);
        // Re-encoding can grow a file; what we store must still respect the per-file limit.
        return image.length > limits.maxBytes ? fail('too_large') : accept(sniffed, image);
      }
      case 'zip': {
        const kind = await inspectOoxml(buffer, limits);
        return kind === 'docx' || kind === 'xlsx' ? accept(kind, buffer) : fail(kind);
      }
      default:
        return fail('unsupported_type');
    }
  } catch {
    // Hostile input must never surface as an exception (a crash or a 500).
    return fail('corrupt');
  }
}

/** Callers on the public endpoint may hand over whatever the multipart parser produced (or nothing). */
function asBuffer(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) return data;
  return data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
}

/** Upper bound on decoding time, against pathological inputs (e.g. progressive JPEGs with thousands of scans). */
const IMAGE_TIMEOUT_SECONDS = 20;

/**
 * Decode the whole image and encode it again in the same format. The header is checked first so that a pixel
 * flood is reported as such without allocating anything; `limitInputPixels` stays on as the hard guard.
 */
async function reencodeImage(
  data: Buffer,
  kind: 'jpeg' | 'png',
  limits: AttachmentLimits
): Promise<Buffer | AttachmentProblem> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(data, { limitInputPixels: false, failOn: 'error' }).metadata();
    if (meta.format !== kind) return 'corrupt';
    ({ width, height } = meta);
  } catch {
    return 'corrupt';
  }
  if (!width || !height) return 'corrupt';
  if (width * height > limits.maxImagePixels) return 'too_many_pixels';

  try {
    const image = sharp(data, {
      limitInputPixels: limits.maxImagePixels,
      failOn: 'error',
      autoOrient: true,
    }).timeout({ seconds: IMAGE_TIMEOUT_SECONDS });
    // No withMetadata/keepExif: sharp's default output carries no EXIF, XMP, IPTC or comments.
    return await (kind === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer();
  } catch (error) {
    return error instanceof Error && /pixel limit/i.test(error.message) ? 'too_many_pixels' : 'corrupt';
  }
}

/* ---------------------------------------------------------------------------------------------------------------
 * DOCX / XLSX. Names and sizes come from the central directory (what Office reads), checked before any byte is
 * inflated; the local headers are only compared against it. Then every entry is really inflated, counting bytes,
 * because sizes in the directory can lie.
 * ------------------------------------------------------------------------------------------------------------- */

/** [Content_Types].xml and .rels files are read into memory to look for macros; real ones are a few KB. */
const MAX_INSPECTED_PART_BYTES = 1 * MB;
const CONTENT_TYPES = '[content_types].xml';
const ENCRYPTED_FLAG = 0x1;
const STORED = 0;
const DEFLATED = 8;

type OoxmlVerdict = 'docx' | 'xlsx' | AttachmentProblem;

async function inspectOoxml(data: Buffer, limits: AttachmentLimits): Promise<OoxmlVerdict> {
  let zip: ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    return 'corrupt';
  }
  // yauzl emits some errors asynchronously; an 'error' event without a listener would crash the process.
  zip.on('error', () => undefined);
  try {
    return await inspectOpenZip(zip, limits);
  } catch {
    return 'corrupt';
  } finally {
    try {
      zip.close();
    } catch {
      // Already closed: nothing held.
    }
  }
}

async function inspectOpenZip(zip: ZipFile, limits: AttachmentLimits): Promise<OoxmlVerdict> {
  // The count in the end-of-central-directory record is all yauzl will read, so it bounds the work below.
  if (zip.entryCount > limits.maxZipEntries) return 'zip_too_many_entries';
  let entries: Entry[];
  try {
    entries = await readEntries(zip);
  } catch (error) {
    // yauzl refuses "strong encryption" entries outright; everything else it refuses is a malformed archive.
    return error instanceof Error && /encrypt/i.test(error.message) ? 'encrypted_or_macro' : 'corrupt';
  }
  if (entries.length > limits.maxZipEntries) return 'zip_too_many_entries';

  // Part names are case-insensitive in OPC (ECMA-376 Part 2), so "Word/document.xml" duplicates "word/document.xml".
  const names = new Set<string>();
  let declaredTotal = 0;
  for (const entry of entries) {
    const name = entry.fileName.toLowerCase();
    // Checked as decoded by yauzl and as raw bytes, in case a Unicode-path extra field hides the real name.
    const safe = isSafeEntryName(entry.fileName) && isSafeEntryName(entry.fileNameRaw.toString('latin1'));
    if (!safe || names.has(name)) return 'corrupt';
    names.add(name);
    declaredTotal += entry.uncompressedSize;
  }
  if (declaredTotal > limits.maxUnpackedBytes) return 'zip_too_large';

  const isDocx = names.has('word/document.xml');
  const isXlsx = names.has('xl/workbook.xml');
  if (!names.has(CONTENT_TYPES) || isDocx === isXlsx) return 'unsupported_type';
  if ([...names].some((name) => name.split('/').pop() === 'vbaproject.bin')) return 'encrypted_or_macro';
  if (entries.some((entry) => entry.isEncrypted())) return 'encrypted_or_macro';
  if (entries.some((entry) => entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)) {
    return 'corrupt';
  }
  if (!(await localHeadersAgree(zip, entries))) return 'corrupt';

  const budget = { remaining: limits.maxUnpackedBytes };
  for (const entry of entries) {
    const name = entry.fileName.toLowerCase();
    const inspected = name === CONTENT_TYPES || name.endsWith('.rels');
    if (inspected && entry.uncompressedSize > MAX_INSPECTED_PART_BYTES) return 'corrupt';
    const content = await inflateEntry(zip, entry, budget, inspected);
    if (typeof content === 'string') return content;
    if (inspected && declaresMacros(content, name === CONTENT_TYPES)) return 'encrypted_or_macro';
    if (inspected && declaresActiveContent(content, name === CONTENT_TYPES)) return 'active_content';
  }
  // After the parts are read, so that a macro is reported as such even when its part is a renamed .bin.
  if ([...names].some(isActivePart)) return 'active_content';
  return isDocx ? 'docx' : 'xlsx';
}

function openZip(data: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Sizes are checked by inflateEntry rather than by yauzl, so that a lying size is told apart from a bomb.
    fromBuffer(data, { lazyEntries: true, validateEntrySizes: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)
    );
  });
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Relative, no `..`, no drive letter or backslash, no control characters (a NUL ends names in C readers). */
function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.startsWith('/') || /^[a-z]:/i.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  return !name.split('/').some((segment) => segment === '..' || segment === '.');
}

/**
 * Each local header must carry the same name, method and encryption bit as its directory entry, and the entries'
 * data must not overlap: streaming readers trust local headers, and overlapping entries are how a zip bomb reuses
 * one compressed block many times.
 */
async function localHeadersAgree(zip: ZipFile, entries: Entry[]): Promise<boolean> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const entry of entries) {
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!local.fileName.equals(entry.fileNameRaw)) return false;
    if (local.compressionMethod !== entry.compressionMethod) return false;
    if ((local.generalPurposeBitFlag & ENCRYPTED_FLAG) !== (entry.generalPurposeBitFlag & ENCRYPTED_FLAG)) {
      return false;
    }
    spans.push({ start: entry.relativeOffsetOfLocalHeader, end: local.fileDataStart + entry.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.every((span, i) => i === 0 || spans[i - 1].end <= span.start);
}

/** `zlib.crc32` exists from Node 20.15 / 22.2; on older runtimes the CRC is not checked (sizes still are). */
const crc32: ((data: Buffer, value: number) => number) | undefined =
  typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

/**
 * yauzl's destroy() only detaches the compressed input; the inflater would go on through what it already holds
 * (a 64 KB chunk of a bomb is ~64 MB), so it is paused, muted and closed as well.
 */
function stopStream(stream: Readable): void {
  stream.removeAllListeners('data');
  stream.pause();
  stream.on('error', () => undefined);
  stream.destroy();
  const inflater = stream as Readable & { close?: unknown };
  if (typeof inflater.close === 'function') inflater.close();
}

/**
 * Inflate one entry, discarding the bytes unless `keep`. The shared budget stops the inflation as soon as the real
 * total passes the limit, whatever the headers claimed; the real size and CRC must then match the directory.
 */
function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  budget: { remaining: number },
  keep: boolean
): Promise<Buffer | AttachmentProblem> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return resolve('corrupt');
      const chunks: Buffer[] = [];
      let size = 0;
      let crc = 0;
      let settled = false;
      const settle = (result: Buffer | AttachmentProblem) => {
        if (settled) return;
        settled = true;
        if (typeof result === 'string') stopStream(stream);
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        budget.remaining -= chunk.length;
        if (budget.remaining < 0) return settle('zip_too_large');
        if (crc32) crc = crc32(chunk, crc);
        // An entry larger than it claims is corrupt anyway: never buffer more than it claimed.
        if (keep && size <= entry.uncompressedSize) chunks.push(chunk);
      });
      stream.on('error', () => settle('corrupt'));
      stream.on('end', () => {
        if (size !== entry.uncompressedSize || (crc32 && crc !== entry.crc32)) return settle('corrupt');
        settle(keep ? Buffer.concat(chunks) : Buffer.alloc(0));
      });
    });
  });
}

/**
 * Macros live in a vbaProject part, declared by a content type (`…macroEnabled…`, `application/vnd.ms-office.
 * vbaProject`) and a relationship type (`…/relationships/vbaProject`); the part itself may have any name.
 */
function declaresMacros(part: Buffer, isContentTypes: boolean): boolean {
  const text = xmlText(part).toLowerCase();
  return text.includes('vbaproject') || (isContentTypes && text.includes('macroenabled'));
}

/**
 * OLE objects (`embeddings/`, `oleObject1.bin`) and ActiveX controls (`activeX/`, `activeX1.bin`) run code in
 * Office; so may any other binary part. Printer settings are the only binary part Office writes on its own.
 */
function isActivePart(name: string): boolean {
  const segments = name.split('/');
  if (segments.includes('embeddings') || segments.includes('activex')) return true;
  return name.endsWith('.bin') && !segments.includes('printersettings');
}

/** Relationship types that pull in code or another document, wherever their target is. */
const ACTIVE_RELATIONSHIPS: ReadonlySet<string> = new Set([
  'oleobject',
  'package',
  'control',
  'activexcontrolbinary',
  'attachedtemplate',
  'frame',
  'subdocument',
]);
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b([^>]*)>/gi;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * An external relationship makes Office fetch something when the file opens (a remote template, a linked image or
 * workbook, an NTLM handshake with a UNC path). Only hyperlinks to web or mail addresses are kept: they are common
 * in citizens' documents and are followed only when clicked. The content types must not declare OLE or ActiveX.
 */
function declaresActiveContent(part: Buffer, isContentTypes: boolean): boolean {
  const text = xmlText(part);
  if (isContentTypes) return /oleobject|activex/i.test(text);
  for (const [, attributes] of text.matchAll(RELATIONSHIP)) {
    const values: Record<string, string> = {};
    for (const [, key, double, single] of attributes.matchAll(ATTRIBUTE)) {
      values[key.toLowerCase()] = (double ?? single).replace(/&amp;/g, '&').trim();
    }
    const type = (values.type ?? '').toLowerCase().split('/').pop() ?? '';
    if (ACTIVE_RELATIONSHIPS.has(type)) return true;
    if ((values.targetmode ?? '').toLowerCase() === 'external') {
      if (type !== 'hyperlink' || !/^(?:https?|mailto):/i.test(values.target ?? '')) return true;
    }
  }
  return false;
}

/** XML as text, whether UTF-8 or UTF-16 (with BOM), with numeric character references resolved so they cannot hide a word. */
function xmlText(part: Buffer): string {
  let text: string;
  if (part[0] === 0xff && part[1] === 0xfe) text = part.subarray(2).toString('utf16le');
  else if (part[0] === 0xfe && part[1] === 0xff) {
    text = Buffer.from(part.subarray(2, part.length - (part.length % 2)))
      .swap16()
      .toString('utf16le');
  } else text = part.toString('utf8');
  const fromCode = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '');
  return text
    .replace(/&#x([0-9a-f]{1,8});/gi, (_, hex: string) => fromCode(parseInt(hex, 16)))
    .replace(/&#([0-9]{1,10});/g, (_, dec: string) => fromCode(parseInt(dec, 10)));
}
