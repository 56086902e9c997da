/**
 * One procedure in full, as the national database exports it (a "Word" file that is really a .docx), read into
 * the fields of a procedure. The export's tables have no grid, so the file is read as the paragraphs of
 * `word/document.xml` in order (table cells included), and the layout is recognised from its labels:
 * `Label: value` lines, then the sections `Trình tự thực hiện`, `Cách thức thực hiện`, `Thành phần hồ sơ` and
 * `Căn cứ pháp lý` whose cells follow one another. "Không có thông tin" means empty.
 *
 * `parseNationalProcedure` is pure (paragraphs in, fields out); `docxParagraphs` reads the paragraphs with yauzl and
 * saxes from bytes that have already passed `validateAttachment`.
 */
import { SaxesParser } from 'saxes';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'stream';
import { fold } from './search-text';
import type {
  Channel,
  ChannelRow,
  DossierItem,
  LegalBasis,
  ProcedureParts,
  ProcedureTexts,
} from './procedure-fields';
import { deriveLevels } from './procedure-levels';
import { normalizeNationalCode } from './procedure-versioning';

export interface NationalProcedure extends ProcedureTexts, ProcedureParts {
  levelText: string;
  procedureType: string;
  authorisedAgency: string;
  coordinatingAgency: string;
  description: string;
}

type TextField = Exclude<keyof NationalProcedure, 'levels' | 'issuingBody' | keyof ProcedureParts>;
type Section = 'steps' | 'channels' | 'dossier' | 'legalBases';

/** Folded labels: a text field, or a section whose cells follow. */
const LABELS: Record<string, TextField | Section> = {
  'ma thu tuc': 'nationalCode',
  'so quyet dinh': 'announcingDecision',
  'ten thu tuc': 'name',
  'cap thuc hien': 'levelText',
  'loai thu tuc': 'procedureType',
  'linh vuc': 'field',
  'trinh tu thuc hien': 'steps',
  'cach thuc thuc hien': 'channels',
  'thanh phan ho so': 'dossier',
  'doi tuong thuc hien': 'subjects',
  'co quan thuc hien': 'implementingAgency',
  'co quan co tham quyen': 'competentAgency',
  'dia chi tiep nhan hs': 'receivingAddress',
  'co quan duoc uy quyen': 'authorisedAgency',
  'co quan phoi hop': 'coordinatingAgency',
  'ket qua thuc hien': 'result',
  'yeu cau dieu kien thuc hien': 'requirements',
  'tu khoa': 'keywords',
  'mo ta': 'description',
  'can cu phap ly': 'legalBases',
};

const SECTIONS = new Set<string>(['steps', 'channels', 'dossier', 'legalBases']);

/** Column titles of the sections' tables (cells with no colon): skipped, not content. */
const COLUMN_TITLES = new Set(
  [
    'Hình thức nộp',
    'Thời hạn giải quyết',
    'Phí, lệ phí',
    'Mô tả',
    'Mẫu đơn, tờ khai',
    'Số lượng',
    'Số ký hiệu',
    'Trích yếu',
    'Ngày ban hành',
    'Cơ quan ban hành',
  ].map(fold)
);

/** The dossier's first column title: kept, because it marks where a case's items start. */
const DOSSIER_TITLE = fold('Tên giấy tờ');

const isColumnTitle = (paragraph: string) => COLUMN_TITLES.has(fold(paragraph));

const NO_INFORMATION = 'khong co thong tin';

/** Folded channel names as the portal writes them. */
export const CHANNELS: Record<string, Channel> = {
  'truc tiep': 'in_person',
  'truc tuyen': 'online',
  'dich vu buu chinh': 'postal',
};

const clean = (text: string): string => text.replace(/[ \t\u00a0]+/g, ' ').trim();

/** `Label: value` (or `Label:` alone) where the label is a known one; the colon may have spaces around it. */
function labelled(paragraph: string): { key: TextField | Section; value: string } | null {
  const colon = paragraph.indexOf(':');
  if (colon <= 0) return null;
  const key = LABELS[fold(paragraph.slice(0, colon))];
  return key ? { key, value: clean(paragraph.slice(colon + 1)) } : null;
}

const isNoInformation = (text: string) => fold(text) === NO_INFORMATION;

/* ----------------------------------------------- the sections ----------------------------------------------- */

const FEE_LINE = /^(phi|le phi)( |$)/;
const QUANTITY = /Bản chính\s*:\s*(\d+)\s*Bản sao\s*:\s*(\d+)/iu;
const FORM_FILE = /\.(docx?|xlsx?|pdf|odt)$/i;
const DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** "5 triệu Đồng", "50.000 Đồng", "1,5 triệu đồng", "0 Đồng" → đồng; null when the line states no amount. */
export function feeAmount(line: string): number | null {
  const match = /(\d[\d.,]*)\s*(tỷ|triệu|nghìn|ngàn)?\s*đồng/iu.exec(line);
  if (!match) return null;
  const [, digits, unit] = match;
  const multiplier = { tỷ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 }[unit?.toLowerCase() ?? ''] ?? 1;
  // With a unit, a comma or a single dot is a decimal mark ("1,5 triệu"); without, dots and commas group thousands.
  const value = unit
    ? Number(digits.replace(',', '.'))
    : Number(digits.replace(/[.,](?=\d{3}(\D|$))/g, '').replace(',', '.'));
  return Number.isFinite(value) ? Math.round(value * multiplier) : null;
}

function channelRows(cells: string[]): ChannelRow[] {
  const rows: { channel: Channel; cells: string[] }[] = [];
  for (const cell of cells) {
    const channel = CHANNELS[fold(cell)];
    if (channel) rows.push({ channel, cells: [] });
    else rows.at(-1)?.cells.push(cell);
  }
  return rows.map(({ channel, cells: [time = '', ...rest] }) => {
    const fees = rest.filter((line) => FEE_LINE.test(fold(line)));
    const amounts = fees.map(feeAmount);
    const days = /\d+([.,]\d+)?/.exec(time)?.[0];
    return {
      channel,
      processingTime: time,
      processingDays: days ? Math.ceil(Number(days.replace(',', '.'))) : null,
      fee: fees.join('\n'),
      feeAmount:
        amounts.length > 0 && amounts.every((a) => a !== null)
          ? amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0)
          : null,
      description: rest.filter((line) => !fees.includes(line)).join('\n'),
    };
  });
}

/**
 * Items end with their quantity line. A case heading is what stands before the column titles ("Tên giấy tờ …");
 * a dossier with one case may have no heading at all.
 */
function dossierItems(cells: string[]): DossierItem[] {
  const items: DossierItem[] = [];
  let caseGroup = '';
  let pending: string[] = [];
  for (const cell of cells) {
    if (fold(cell) === DOSSIER_TITLE) {
      if (pending.length > 0) caseGroup = pending.join(' ').replace(/^\*\s*/, '');
      pending = [];
      continue;
    }
    const quantity = QUANTITY.exec(cell);
    if (!quantity) {
      pending.push(cell);
      continue;
    }
    const form = pending.filter((line) => FORM_FILE.test(line));
    items.push({
      caseGroup,
      name: pending
        .filter((line) => !form.includes(line))
        .join(' ')
        .replace(/^\d+\)\s*/, ''),
      originals: Number(quantity[1]),
      copies: Number(quantity[2]),
      formTemplateName: form.join(', '),
    });
    pending = [];
  }
  return items;
}

/** Four cells a document, anchored on the date; a missing issuer is seen as the next symbol coming early. */
function legalBases(cells: string[]): LegalBasis[] {
  const dates = cells.flatMap((cell, index) => (DATE.test(cell) && index >= 2 ? [index] : []));
  return dates.map((at, k) => {
    const nextSymbol = k + 1 < dates.length ? dates[k + 1] - 2 : cells.length;
    const [, day, month, year] = DATE.exec(cells[at])!;
    return {
      symbol: cells[at - 2],
      title: cells[at - 1],
      issuedOn: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
      issuer: at + 1 < nextSymbol ? cells[at + 1] : '',
    };
  });
}

/* ------------------------------------------------- the parser ------------------------------------------------- */

const EMPTY_TEXT: Record<TextField, string> = {
  nationalCode: '',
  announcingDecision: '',
  name: '',
  levelText: '',
  procedureType: '',
  field: '',
  subjects: '',
  implementingAgency: '',
  competentAgency: '',
  receivingAddress: '',
  authorisedAgency: '',
  coordinatingAgency: '',
  result: '',
  requirements: '',
  keywords: '',
  description: '',
};

export function parseNationalProcedure(paragraphs: string[]): NationalProcedure {
  const text: Record<TextField, string[]> = Object.fromEntries(
    Object.keys(EMPTY_TEXT).map((key) => [key, [] as string[]])
  ) as Record<TextField, string[]>;
  const sections: Record<Section, string[]> = { steps: [], channels: [], dossier: [], legalBases: [] };
  let current: TextField | Section | null = null;

  for (const paragraph of paragraphs.map(clean).filter(Boolean)) {
    const label = labelled(paragraph);
    if (label) {
      current = label.key;
      if (label.value && !SECTIONS.has(current)) text[current as TextField].push(label.value);
      continue;
    }
    if (!current) continue;
    if (SECTIONS.has(current)) {
      if (!isColumnTitle(paragraph)) sections[current as Section].push(paragraph);
    } else {
      text[current as TextField].push(paragraph);
    }
  }

  const fields = Object.fromEntries(
    Object.entries(text).map(([key, lines]) => {
      const joined = lines.filter((line) => !isNoInformation(line)).join('\n');
      return [key, joined];
    })
  ) as Record<TextField, string>;
  return {
    ...fields,
    issuingBody: '',
    nationalCode: normalizeNationalCode(fields.nationalCode),
    name: fields.name.replace(/\s+/g, ' '),
    levels: deriveLevels(fields.levelText || fields.implementingAgency),
    steps: sections.steps,
    channels: channelRows(sections.channels),
    dossier: dossierItems(sections.dossier),
    legalBases: legalBases(sections.legalBases),
  };
}

/* ----------------------------------------------- reading a .docx ----------------------------------------------- */

/** word/document.xml of a real export is well under this; a larger one is not the portal's. */
const MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024;

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => (error ? reject(error) : resolve(zip)))
  );
}

function findEntry(zip: ZipFile, name: string): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.toLowerCase() === name) resolve(entry);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(null));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function entryText(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_DOCUMENT_XML_BYTES) stream.destroy(new Error('document.xml is too large'));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** The paragraphs of a WordprocessingML body in document order: runs' text, tabs as spaces, breaks as new lines. */
export function documentParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  let paragraph: string[] | null = null;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:p') paragraph = [];
    else if (tag.name === 'w:t') inText = true;
    else if (tag.name === 'w:tab') paragraph?.push(' ');
    else if (tag.name === 'w:br' || tag.name === 'w:cr') paragraph?.push('\n');
  });
  parser.on('text', (text) => {
    if (inText) paragraph?.push(text);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:p' && paragraph) {
      paragraphs.push(paragraph.join(''));
      paragraph = null;
    }
  });
  parser.write(xml).close();
  return paragraphs;
}

/** Throws on a file that is not a readable .docx; callers turn that into a refusal. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const zip = await openZip(bytes);
  try {
    const entry = await findEntry(zip, 'word/document.xml');
    if (!entry) throw new Error('not a Word document: word/document.xml is missing');
    return documentParagraphs(await entryText(zip, entry));
  } finally {
    zip.close();
  }
}

export async function readNationalProcedure(bytes: Buffer): Promise<NationalProcedure> {
  return parseNationalProcedure(await docxParagraphs(bytes));
}
