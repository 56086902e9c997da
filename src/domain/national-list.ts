/**
 * The procedure list that the national procedure database exports (XLSX, one file per ministry), read into rows.
 * The header row is found under the merged title block and columns are mapped by their accent-folded titles, so
 * that both known column sets work and a reordered file still reads. Cells are read as text: a formula is kept as
 * its source text and never evaluated. Rows that cannot be imported are refused with their row number and a
 * bilingual reason; the file as a whole is refused only when it cannot be read as a list at all.
 *
 * The bytes must already have passed `validateAttachment` (zip bombs, macros, external links): this module only
 * reads an XLSX that is known to be one.
 */
import { Readable } from 'stream';
import ExcelJS from 'exceljs';
import { fold } from './search-text';
import type { ProcedureTexts } from './procedure-fields';
import { deriveLevels } from './procedure-levels';
import { normalizeNationalCode, NATIONAL_CODE } from './procedure-versioning';

export type Bilingual = { vi: string; en: string };

/** The columns the product knows, whatever the file calls them. */
export type ListColumn =
  | 'nationalCode'
  | 'name'
  | 'issuingBody'
  | 'implementingAgency'
  | 'field'
  | 'levelText'
  | 'subjects'
  | 'status'
  | 'announcingDecision'
  // The product's own catalogue export adds these detail columns to the list layout.
  | 'competentAgency'
  | 'receivingAddress'
  | 'result'
  | 'requirements'
  | 'keywords'
  | 'onlineLevel';

/** Accent-folded titles of both known column sets (the portal's export and the crawlers' variant). */
const COLUMN_TITLES: Record<string, ListColumn> = {
  'ma so': 'nationalCode',
  'ma tthc': 'nationalCode',
  'ma thu tuc': 'nationalCode',
  ten: 'name',
  'ten tthc': 'name',
  'ten thu tuc': 'name',
  'co quan ban hanh': 'issuingBody',
  'co quan thuc hien': 'implementingAgency',
  'linh vuc': 'field',
  'cap thuc hien': 'levelText',
  'doi tuong': 'subjects',
  'doi tuong thuc hien': 'subjects',
  'tinh trang': 'status',
  'qd cong bo': 'announcingDecision',
  'quyet dinh cong bo': 'announcingDecision',
  'co quan co tham quyen': 'competentAgency',
  'dia chi tiep nhan hs': 'receivingAddress',
  'ket qua thuc hien': 'result',
  'yeu cau dieu kien thuc hien': 'requirements',
  'tu khoa': 'keywords',
  'muc do truc tuyen': 'onlineLevel',
};

/** The header is looked for in the first rows only: the title block above it is a few rows at most. */
const HEADER_SEARCH_ROWS = 10;

export interface NationalListRow extends ProcedureTexts {
  /** The row number in the sheet (1-based, as a spreadsheet shows it). */
  row: number;
  status: string;
  /** As written in the file; the catalogue reader maps it to the product's values. */
  onlineLevel: string;
}

export interface RowRefusal {
  row: number;
  nationalCode: string;
  reason: Bilingual;
}

export type ListProblem = 'unreadable' | 'no_header' | 'too_many_rows' | 'empty';

export const LIST_PROBLEM_MESSAGES: Record<ListProblem, Bilingual> = {
  unreadable: {
    vi: 'Không đọc được tệp: cần tệp Excel (.xlsx) danh sách thủ tục tải từ CSDL quốc gia.',
    en: 'The file cannot be read: an Excel (.xlsx) procedure list downloaded from the national database is needed.',
  },
  no_header: {
    vi: 'Không tìm thấy dòng tiêu đề có cột “Mã số” và “Tên” trong 10 dòng đầu của trang tính.',
    en: 'No header row with the columns “Mã số” and “Tên” in the first 10 rows of the sheet.',
  },
  too_many_rows: {
    vi: 'Tệp có quá nhiều dòng để nhập một lần.',
    en: 'The file has too many rows to import at once.',
  },
  empty: {
    vi: 'Tệp không có thủ tục nào dưới dòng tiêu đề.',
    en: 'The file has no procedure under its header row.',
  },
};

export type NationalListResult =
  | {
      ok: true;
      rows: NationalListRow[];
      refused: RowRefusal[];
      /** Which known column each header title was read as, in sheet order; unknown titles are ignored. */
      columns: { title: string; column: ListColumn | null }[];
    }
  | { ok: false; problem: ListProblem; message: Bilingual };

export interface ListReadOptions {
  /** Data rows above this refuse the file (it is read as a stream and stops there). */
  maxRows?: number;
}

export const DEFAULT_MAX_LIST_ROWS = 50_000;

export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Trimmed lines, blank ones dropped: agencies come one a line, sometimes with empty lines between. */
export const lines = (text: string): string => text.split(/\r?\n/).map(oneLine).filter(Boolean).join('\n');

/**
 * The text of a cell as exceljs gives it: shared and rich strings, hyperlinks, numbers, dates, booleans, errors
 * and formulas (kept as their `=…` source, never their cached result, which the file's author controls).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return '';
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText)) {
    return cell.richText.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
  }
  if (typeof cell.formula === 'string' || typeof cell.sharedFormula === 'string') {
    return `=${String(cell.formula ?? cell.sharedFormula)}`;
  }
  if ('text' in cell) return cellText(cell.text);
  return '';
}

/** A national code as a cell may hold it: a number loses its trailing zeros (1.01275 for 1.012750). */
function codeText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return value.toFixed(6);
  return normalizeNationalCode(cellText(value));
}

function headerOf(values: unknown[]): { title: string; column: ListColumn | null }[] {
  return values.map((value) => {
    const title = oneLine(cellText(value));
    return { title, column: COLUMN_TITLES[fold(title)] ?? null };
  });
}

const isHeader = (columns: { column: ListColumn | null }[]): boolean =>
  columns.some((c) => c.column === 'nationalCode') && columns.some((c) => c.column === 'name');

const refusal = (row: number, nationalCode: string, vi: string, en: string): RowRefusal => ({
  row,
  nationalCode,
  reason: { vi, en },
});

function readRow(
  rowNumber: number,
  values: unknown[],
  columns: { column: ListColumn | null }[]
): NationalListRow | RowRefusal | null {
  const raw: Partial<Record<ListColumn, unknown>> = {};
  columns.forEach(({ column }, index) => {
    if (column && raw[column] === undefined) raw[column] = values[index];
  });
  const text = (column: ListColumn) => cellText(raw[column]);
  if (values.every((value) => oneLine(cellText(value)) === '')) return null;

  const nationalCode = codeText(raw.nationalCode);
  if (!nationalCode) return refusal(rowNumber, '', 'Thiếu mã số thủ tục.', 'The procedure code is missing.');
  if (!NATIONAL_CODE.test(nationalCode)) {
    return refusal(
      rowNumber,
      nationalCode,
      `Mã số “${nationalCode}” không đúng dạng d.dddddd (hoặc d.dddddd.Hnn).`,
      `The code “${nationalCode}” is not of the form d.dddddd (or d.dddddd.Hnn).`
    );
  }
  const name = oneLine(text('name'));
  if (!name) return refusal(rowNumber, nationalCode, 'Thiếu tên thủ tục.', 'The procedure name is missing.');

  const implementingAgency = lines(text('implementingAgency'));
  const levelText = oneLine(text('levelText'));
  return {
    row: rowNumber,
    nationalCode,
    name,
    issuingBody: oneLine(text('issuingBody')),
    implementingAgency,
    // A level column, where the file has one, is the level; else the agencies say it.
    levels: deriveLevels(columns.some((c) => c.column === 'levelText') ? levelText : implementingAgency),
    field: oneLine(text('field')),
    subjects: oneLine(text('subjects')),
    status: oneLine(text('status')),
    announcingDecision: oneLine(text('announcingDecision')),
    competentAgency: lines(text('competentAgency')),
    receivingAddress: lines(text('receivingAddress')),
    result: lines(text('result')),
    requirements: lines(text('requirements')),
    keywords: oneLine(text('keywords')),
    onlineLevel: oneLine(text('onlineLevel')),
  };
}

/** Both rows of a code that appears twice are refused: which one is right is the department's call, not ours. */
function refuseDuplicates(rows: NationalListRow[], refused: RowRefusal[]): NationalListRow[] {
  const byCode = new Map<string, NationalListRow[]>();
  for (const row of rows) byCode.set(row.nationalCode, [...(byCode.get(row.nationalCode) ?? []), row]);
  const kept: NationalListRow[] = [];
  for (const row of rows) {
    const same = byCode.get(row.nationalCode)!;
    if (same.length === 1) {
      kept.push(row);
      continue;
    }
    const others = same.filter((other) => other !== row).map((other) => other.row);
    refused.push(
      refusal(
        row.row,
        row.nationalCode,
        `Mã số ${row.nationalCode} trùng với dòng ${others.join(', ')}.`,
        `The code ${row.nationalCode} is also on row ${others.join(', ')}.`
      )
    );
  }
  refused.sort((a, b) => a.row - b.row);
  return kept;
}

const failure = (problem: ListProblem): NationalListResult => ({
  ok: false,
  problem,
  message: LIST_PROBLEM_MESSAGES[problem],
});

/**
 * Read the first sheet of a national list. Streaming: memory stays bounded by the rows kept, and nothing more is
 * kept past `maxRows`.
 */
export async function readNationalList(
  bytes: Buffer,
  options: ListReadOptions = {}
): Promise<NationalListResult> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_LIST_ROWS;
  const rows: NationalListRow[] = [];
  const refused: RowRefusal[] = [];
  let columns: { title: string; column: ListColumn | null }[] | null = null;
  let dataRows = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // number formats tell dates from numbers
      worksheets: 'emit',
      entries: 'ignore',
    });
    // exceljs 4.4 names each sheet from workbook.xml; files that store it after the sheets (exceljs's own
    // writer does) would crash the reader on the missing model. Sheets then read unnamed, which is all we need.
    (reader as unknown as { model: { sheets: unknown[] } }).model = { sheets: [] };
    // Every sheet is read to its end: exceljs buffers sheets that precede the shared strings in temporary files
    // and closes them only when the whole workbook has been iterated (leaving early leaks a descriptor a sheet).
    let sheetIndex = 0;
    let problem: ListProblem | null = null;
    for await (const sheet of reader) {
      const isList = sheetIndex++ === 0; // the list is the first sheet; the catalogue's others are read elsewhere
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!isList || problem) continue;
        // exceljs puts column A at index 1.
        const values = (Array.isArray(row.values) ? row.values : []).slice(1);
        if (!columns) {
          if (row.number > HEADER_SEARCH_ROWS) {
            problem = 'no_header';
            continue;
          }
          const header = headerOf(values);
          if (isHeader(header)) columns = header;
          continue;
        }
        const read = readRow(row.number, values, columns);
        if (!read) continue;
        if (++dataRows > maxRows) {
          // Nothing more is kept: memory stays bounded by the limit while the rest is drained.
          problem = 'too_many_rows';
          rows.length = 0;
        } else if ('reason' in read) refused.push(read);
        else rows.push(read);
      }
    }
    if (problem) return failure(problem);
  } catch {
    return failure('unreadable');
  }
  if (!columns) return failure('no_header');
  if (dataRows === 0) return failure('empty');
  return { ok: true, rows: refuseDuplicates(rows, refused), refused, columns };
}
