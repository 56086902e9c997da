/**
 * The product's own catalogue workbook: the national list layout (so that the list reader reads its first sheet)
 * plus the detail columns, and one sheet per repeated part (steps, channels, dossier, legal bases), a row each,
 * keyed by the national code. Staff can edit it in Excel and import it again; a round trip changes nothing.
 */
import ExcelJS from 'exceljs';
import { fold } from './search-text';
import {
  cellText,
  lines,
  oneLine,
  readNationalList,
  type Bilingual,
  type ListColumn,
  type ListReadOptions,
  type RowRefusal,
} from './national-list';
import { CHANNELS } from './national-procedure';
import type { ChannelRow, DossierItem, LegalBasis, ProcedureParts, ProcedureTexts } from './procedure-fields';
import type { ProcedureLevel } from './procedure-levels';

export const ONLINE_LEVELS = ['fully_online', 'partly_online', 'not_online'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export interface CatalogueProcedure extends ProcedureTexts, ProcedureParts {
  onlineLevel: OnlineLevel | null;
}

const LEVEL_LABELS: Record<ProcedureLevel, string> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  fully_online: 'Trực tuyến toàn trình',
  partly_online: 'Trực tuyến một phần',
  not_online: 'Không trực tuyến',
};

const CHANNEL_TEXT: Record<ChannelRow['channel'], string> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

/** The main sheet's columns: the portal's five first, in its order, then the details. */
const MAIN_COLUMNS: [string, (p: CatalogueProcedure) => string][] = [
  ['Mã số', (p) => p.nationalCode],
  ['Tên', (p) => p.name],
  ['Cơ quan ban hành', (p) => p.issuingBody],
  ['Cơ quan thực hiện', (p) => p.implementingAgency],
  ['Lĩnh vực', (p) => p.field],
  ['Cấp thực hiện', (p) => p.levels.map((level) => LEVEL_LABELS[level]).join(', ')],
  ['Đối tượng thực hiện', (p) => p.subjects],
  ['Cơ quan có thẩm quyền', (p) => p.competentAgency],
  ['Địa chỉ tiếp nhận HS', (p) => p.receivingAddress],
  ['Kết quả thực hiện', (p) => p.result],
  ['Yêu cầu, điều kiện thực hiện', (p) => p.requirements],
  ['Từ khóa', (p) => p.keywords],
  ['Mức độ trực tuyến', (p) => (p.onlineLevel ? ONLINE_LEVEL_LABELS[p.onlineLevel] : '')],
  ['QĐ công bố', (p) => p.announcingDecision],
];

type Cell = string | number | null;

/** The detail sheets: a title, its columns, the rows of one procedure, and how to read a row back. */
interface DetailSheet<T> {
  title: string;
  part: keyof ProcedureParts;
  columns: string[];
  rows: (p: CatalogueProcedure) => T[];
  write: (item: T, index: number) => Cell[];
  /** The item, or why the row is refused. */
  read: (cells: string[]) => T | Bilingual;
  into: (p: CatalogueProcedure, items: T[]) => void;
}

const because = (vi: string, en: string): Bilingual => ({ vi, en });
const isReason = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && 'vi' in value && 'en' in value;

const integer = (text: string): number | null => (/^\d{1,15}$/.test(text.trim()) ? Number(text) : null);
const optionalInteger = (text: string): number | null | undefined =>
  text.trim() === '' ? null : (integer(text) ?? undefined);

const STEPS: DetailSheet<string> = {
  title: 'Trình tự thực hiện',
  part: 'steps',
  columns: ['Mã số', 'Bước', 'Nội dung'],
  rows: (p) => p.steps,
  write: (step, index) => [index + 1, step],
  read: ([, text]) => (text.trim() ? lines(text) : because('Thiếu nội dung bước.', 'The step has no text.')),
  into: (p, steps) => (p.steps = steps),
};

const CHANNEL_SHEET: DetailSheet<ChannelRow> = {
  title: 'Cách thức thực hiện',
  part: 'channels',
  columns: [
    'Mã số',
    'Hình thức nộp',
    'Thời hạn giải quyết',
    'Số ngày',
    'Phí, lệ phí',
    'Mức phí (đồng)',
    'Mô tả',
  ],
  rows: (p) => p.channels,
  write: (c) => [
    CHANNEL_TEXT[c.channel],
    c.processingTime,
    c.processingDays,
    c.fee,
    c.feeAmount,
    c.description,
  ],
  read: ([channelText, processingTime, days, fee, amount, description]) => {
    const channel = CHANNELS[fold(channelText)];
    if (!channel)
      return because(
        `Hình thức nộp “${oneLine(channelText)}” không có trong danh mục.`,
        `The channel “${oneLine(channelText)}” is not a known one.`
      );
    const processingDays = optionalInteger(days);
    const feeAmount = optionalInteger(amount);
    if (processingDays === undefined || feeAmount === undefined)
      return because('Số ngày và mức phí phải là số nguyên.', 'Days and fee amount must be whole numbers.');
    return {
      channel,
      processingTime: oneLine(processingTime),
      processingDays,
      fee: lines(fee),
      feeAmount,
      description: lines(description),
    };
  },
  into: (p, channels) => (p.channels = channels),
};

const DOSSIER_SHEET: DetailSheet<DossierItem> = {
  title: 'Thành phần hồ sơ',
  part: 'dossier',
  columns: ['Mã số', 'Trường hợp', 'Tên giấy tờ', 'Bản chính', 'Bản sao', 'Mẫu đơn, tờ khai'],
  rows: (p) => p.dossier,
  write: (d) => [d.caseGroup, d.name, d.originals, d.copies, d.formTemplateName],
  read: ([caseGroup, name, originals, copies, form]) => {
    const counts = [integer(originals || '0'), integer(copies || '0')];
    if (counts.some((count) => count === null))
      return because(
        'Số bản chính và bản sao phải là số nguyên.',
        'Originals and copies must be whole numbers.'
      );
    if (!name.trim()) return because('Thiếu tên giấy tờ.', 'The document name is missing.');
    return {
      caseGroup: oneLine(caseGroup),
      name: lines(name),
      originals: counts[0]!,
      copies: counts[1]!,
      formTemplateName: oneLine(form),
    };
  },
  into: (p, dossier) => (p.dossier = dossier),
};

const LEGAL_SHEET: DetailSheet<LegalBasis> = {
  title: 'Căn cứ pháp lý',
  part: 'legalBases',
  columns: ['Mã số', 'Số ký hiệu', 'Trích yếu', 'Ngày ban hành', 'Cơ quan ban hành'],
  rows: (p) => p.legalBases,
  write: (l) => [l.symbol, l.title, l.issuedOn, l.issuer],
  read: ([symbol, title, issuedOn, issuer]) => {
    const date = oneLine(issuedOn);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      return because(
        `Ngày ban hành “${date}” phải có dạng yyyy-mm-dd.`,
        `The date “${date}” must be yyyy-mm-dd.`
      );
    if (!symbol.trim()) return because('Thiếu số ký hiệu văn bản.', 'The document symbol is missing.');
    return { symbol: oneLine(symbol), title: lines(title), issuedOn: date, issuer: oneLine(issuer) };
  },
  into: (p, legalBases) => (p.legalBases = legalBases),
};

const DETAIL_SHEETS = [STEPS, CHANNEL_SHEET, DOSSIER_SHEET, LEGAL_SHEET] as DetailSheet<unknown>[];

/** The catalogue as one workbook; the title block mirrors the portal's, so both read the same way. */
export async function writeCatalogue(procedures: CatalogueProcedure[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet('Danh sách TTHC', { views: [{ state: 'frozen', ySplit: 2 }] });
  main.addRow([title]);
  main.mergeCells(1, 1, 1, MAIN_COLUMNS.length);
  main.addRow(MAIN_COLUMNS.map(([header]) => header)).font = { bold: true };
  // Text cells only: a name like "=HYPERLINK(…)" must stay text when the file is opened in Excel.
  for (const procedure of procedures) main.addRow(MAIN_COLUMNS.map(([, value]) => asText(value(procedure))));

  for (const sheet of DETAIL_SHEETS) {
    const detail = workbook.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    detail.addRow(sheet.columns).font = { bold: true };
    for (const procedure of procedures) {
      sheet.rows(procedure).forEach((item, index) => {
        detail.addRow([procedure.nationalCode, ...sheet.write(item, index)].map(asText));
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Strings that Excel would take for a formula are written as rich text, which it never evaluates. */
function asText(value: Cell): Cell | ExcelJS.CellRichTextValue {
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return { richText: [{ text: value }] };
  return value;
}

/** A procedure as read from a file, with the row of the list sheet it came from. */
export type ReadProcedure = CatalogueProcedure & { row: number };

/** A field of a procedure that a file can carry (all but its code). */
export type CatalogueField = Exclude<keyof CatalogueProcedure, 'nationalCode'>;

export type CatalogueResult =
  | {
      ok: true;
      procedures: ReadProcedure[];
      refused: RowRefusal[];
      /** The fields the file has a column or a sheet for: an import leaves the others as they are. */
      present: CatalogueField[];
    }
  | { ok: false; problem: string; message: Bilingual };

/** The fields a list column fills; the agencies give the levels where no level column does. */
const FIELDS_OF_COLUMN: Record<ListColumn, CatalogueField[]> = {
  nationalCode: [],
  status: [],
  name: ['name'],
  issuingBody: ['issuingBody'],
  implementingAgency: ['implementingAgency', 'levels'],
  levelText: ['levels'],
  field: ['field'],
  subjects: ['subjects'],
  announcingDecision: ['announcingDecision'],
  competentAgency: ['competentAgency'],
  receivingAddress: ['receivingAddress'],
  result: ['result'],
  requirements: ['requirements'],
  keywords: ['keywords'],
  onlineLevel: ['onlineLevel'],
};

const onlineLevelOf = (text: string): OnlineLevel | null => {
  const folded = fold(text);
  return (
    ONLINE_LEVELS.find((level) => level === text.trim() || fold(ONLINE_LEVEL_LABELS[level]) === folded) ??
    null
  );
};

/** Read a catalogue workbook: the main sheet through the list reader, then each detail sheet by its title. */
export async function readCatalogue(bytes: Buffer, options: ListReadOptions = {}): Promise<CatalogueResult> {
  const list = await readNationalList(bytes, options);
  if (!list.ok) return list;
  const procedures = list.rows.map(
    ({ status: _status, onlineLevel, ...texts }): ReadProcedure => ({
      ...texts,
      onlineLevel: onlineLevelOf(onlineLevel),
      steps: [],
      channels: [],
      dossier: [],
      legalBases: [],
    })
  );
  const byCode = new Map(procedures.map((p) => [p.nationalCode, p]));
  const refused = [...list.refused];
  const present = new Set(list.columns.flatMap(({ column }) => (column ? FIELDS_OF_COLUMN[column] : [])));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const sheet of DETAIL_SHEETS) {
    const worksheet = workbook.worksheets.find((w) => fold(w.name) === fold(sheet.title));
    if (!worksheet) continue;
    present.add(sheet.part);
    const items = new Map<string, unknown[]>();
    worksheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells = sheet.columns.map((_, index) => cellText(row.getCell(index + 1).value));
      const code = oneLine(cells[0]).toUpperCase();
      const item = byCode.has(code)
        ? sheet.read(cells.slice(1))
        : because('Mã số không có trong trang danh sách.', 'The code is not on the list sheet.');
      if (isReason(item)) {
        // The sheet is named in the reason: row numbers restart on each sheet.
        const reason = { vi: `${sheet.title}: ${item.vi}`, en: `${sheet.title}: ${item.en}` };
        refused.push({ row: rowNumber, nationalCode: code, reason });
        return;
      }
      items.set(code, [...(items.get(code) ?? []), item]);
    });
    for (const [code, list] of items) sheet.into(byCode.get(code)!, list);
  }
  return { ok: true, procedures, refused, present: [...present] };
}
