/**
 * The annual report's figures as an XLSX workbook, written with exceljs's streaming WorkbookWriter: one sheet per
 * table of figures, then the full lists of the period streamed chunk by chunk from async iterators (memory stays
 * flat however long they are). Numbers are numbers, dates are dates (shown in the organization's time zone), header
 * rows are frozen and columns have widths. Pure: no Strapi.
 */
import type ExcelJS from 'exceljs';
import type { Figures } from '../domain/figures';
import { label, percent, yesNo, type ReportMeta } from '../domain/document-format';
import {
  ARTICLE_COLUMNS,
  FEEDBACK_SHEET_COLUMNS,
  type ArticleListRow,
  type Column,
  type FeedbackListRow,
} from './csv';

export interface WorkbookInput {
  figures: Figures;
  report: Pick<ReportMeta, 'title' | 'year' | 'periodFrom' | 'periodTo'>;
  /** The lists' rows, in chunks (arrays of rows). */
  lists: { articles: AsyncIterable<ArticleListRow[]>; feedback: AsyncIterable<FeedbackListRow[]> };
  /** IANA zone the instants are shown in (Excel has no time zones). */
  timeZone: string;
  /** Called every few hundred list rows and after each sheet, e.g. to report progress. */
  onProgress?: (step: { sheet: string; rows: number }) => void | Promise<void>;
}

type Cell = string | number | boolean | Date | null;

interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Building an Intl.DateTimeFormat is slow: one per zone. */
const formatterOf = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The offset of `timeZone` from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Offsets by zone and UTC day: formatToParts costs about 6 µs, and a list has a few dated cells a row. A day whose
 * two ends have the same offset has it throughout (a zone changes its offset months apart); the day of a change is
 * computed per instant.
 */
const SPAN = 24 * 60 * 60 * 1000;
const offsets = new Map<string, Map<number, number | null>>();

/** The wall-clock time of `instant` in `timeZone`, as a Date whose UTC fields carry it (what Excel shows). */
export function wallClock(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  const span = Math.floor(ms / SPAN);
  let zone = offsets.get(timeZone);
  if (!zone || zone.size > 100_000) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(span);
  if (offset === undefined) {
    const start = offsetAt(span * SPAN, timeZone);
    offset = start === offsetAt((span + 1) * SPAN - 1000, timeZone) ? start : null;
    zone.set(span, offset);
  }
  // To the second, as Excel keeps it.
  return new Date(Math.floor(ms / 1000) * 1000 + (offset ?? offsetAt(ms, timeZone)));
}

/** An ISO day as the Date Excel shows as that day. */
const dayDate = (isoDay: string) => new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's modules that its package entry does not export */
/**
 * exceljs's streaming writer alone: its package entry also loads the workbook reader and the whole document model,
 * twice the time to start (0.25 s of CPU saved on each export, which gets a fresh worker).
 */
const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer');
const { ValueType } = require('exceljs/lib/doc/enums') as { ValueType: Record<string, number> };
const { xmlEncode, dateToExcel } = require('exceljs/lib/utils/utils') as {
  xmlEncode: (text: string) => string;
  dateToExcel: (date: Date) => number;
};
const colCache = require('exceljs/lib/utils/col-cache') as { n2l(column: number): string };
/* eslint-enable @typescript-eslint/no-require-imports */
type Workbook = InstanceType<typeof WorkbookWriter>;

/** exceljs's internals used here: the workbook's style register and a sheet's XML stream. */
interface StyleRegister {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number;
}
interface SheetStream {
  write(xml: string | Buffer): void;
}

const typeOf = (value: Cell): number =>
  value === null || value === undefined
    ? ValueType.Null
    : typeof value === 'string'
      ? ValueType.String
      : typeof value === 'number'
        ? ValueType.Number
        : typeof value === 'boolean'
          ? ValueType.Boolean
          : ValueType.Date;

function addSheet(workbook: Workbook, name: string, columns: SheetColumn[]) {
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  // One style object per column, shared by all its cells: exceljs caches a style by its object, so rows do not
  // each serialise their own (three times faster on 100,000 rows). Every cell needs one: a cell left alone gets a
  // style object of its own, serialised again.
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));
  const register = (workbook as unknown as { styles: StyleRegister }).styles;
  const letters = columns.map((_, i) => colCache.n2l(i + 1));
  const spans = `1:${columns.length}`;
  let next = 2;

  /** A row's XML, exactly as exceljs renders its Row of these values and styles (without shared strings). */
  const render = (values: Cell[]) => {
    const r = next;
    next += 1;
    let xml = `<row r="${r}" spans="${spans}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < columns.length; i += 1) {
      const value = values[i] ?? null;
      const type = typeOf(value);
      const styleId = register.addStyleModel(styles[i], type);
      const cell = `<c r="${letters[i]}${r}"${styleId ? ` s="${styleId}"` : ''}`;
      if (value === null) xml += styleId ? `${cell}/>` : '';
      else if (type === ValueType.String) xml += `${cell} t="str"><v>${xmlEncode(value as string)}</v></c>`;
      else if (type === ValueType.Number) xml += `${cell}><v>${value}</v></c>`;
      else if (type === ValueType.Boolean) xml += `${cell} t="b"><v>${value ? '1' : '0'}</v></c>`;
      else xml += `${cell}><v>${dateToExcel(value as Date)}</v></c>`;
    }
    return `${xml}</row>`;
  };

  return {
    /** One row through exceljs's Row and Cells (the figures' sheets). */
    add(values: Cell[]) {
      const row = sheet.addRow(values);
      for (let i = 0; i < columns.length; i += 1) row.getCell(i + 1).style = styles[i];
      row.commit();
      next = row.number + 1;
    },
    /**
     * Rows rendered here and written at once (the lists): exceljs's Row and Cell objects cost more than the rest of
     * the export, and their garbage a fifth of the worker's time. Only after the rows added with `add`.
     *
     * Each row is encoded to UTF-8 on its own: V8 encodes one string of 500 rows of Vietnamese text four times
     * slower, per byte, than 500 strings of a row each (the batch as one string was 620 ms of the worker's 2.6 s
     * at 100,000 rows).
     */
    addMany(rows: Cell[][]) {
      const encoded = rows.map((values) => Buffer.from(render(values)));
      (sheet as unknown as { stream: SheetStream }).stream.write(Buffer.concat(encoded));
    },
    commit: () => sheet.commit(),
    relieve: () => relieve(sheet),
  };
}

interface StreamState {
  _writableState?: { length: number };
  _readableState?: { length: number };
}
const MAX_PENDING = 1 << 20;

/**
 * exceljs writes a sheet's XML into the zip without back-pressure: rows produced faster than zlib compresses them
 * pile up in memory. Waits until the sheet's zip entry holds less than 1 MB (its internals: the sheet's stream pipes
 * into a PassThrough of the zip entry).
 */
async function relieve(sheet: ExcelJS.Worksheet) {
  await new Promise((resolve) => setImmediate(resolve));
  const entry = (sheet as unknown as { stream?: { pipes?: StreamState[] } }).stream?.pipes?.[0];
  const pending = () => (entry?._writableState?.length ?? 0) + (entry?._readableState?.length ?? 0);
  for (let waited = 0; entry && pending() > MAX_PENDING && waited < 5000; waited += 2) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function listSheet<R>(
  workbook: Workbook,
  name: string,
  columns: Column<R>[],
  chunks: AsyncIterable<R[]>,
  timeZone: string,
  onProgress: WorkbookInput['onProgress']
) {
  const sheet = addSheet(
    workbook,
    name,
    columns.map((c) => ({
      header: c.header,
      width: c.width,
      numFmt: c.type === 'date' ? DATE_FORMAT : c.type === 'datetime' ? DATETIME_FORMAT : undefined,
    }))
  );
  let count = 0;
  for await (const chunk of chunks) {
    sheet.addMany(
      chunk.map((row) =>
        columns.map((c) => {
          const value = row[c.key] as unknown;
          if (value === null || value === undefined) return null;
          if (c.labels) return label(c.labels, String(value));
          if (c.type === 'datetime')
            return wallClock(value instanceof Date ? value : new Date(String(value)), timeZone);
          if (c.type === 'date') return dayDate(value instanceof Date ? value.toISOString() : String(value));
          if (c.type === 'boolean') return yesNo(value);
          if (c.type === 'number') return Number(value);
          return String(value);
        })
      )
    );
    const before = count;
    count += chunk.length;
    if (Math.floor(count / 500) > Math.floor(before / 500)) {
      await sheet.relieve();
      if (onProgress) await onProgress({ sheet: name, rows: count });
    }
  }
  await sheet.commit();
  if (onProgress) await onProgress({ sheet: name, rows: count });
  return count;
}

/** The sheet names, in order. */
export const SHEETS = {
  summary: 'Tổng hợp',
  articlesByKind: 'Tin bài theo thể loại',
  articlesByChannel: 'Tin bài theo kênh',
  articlesByCampaign: 'Tin bài theo chiến dịch',
  articlesByUnit: 'Tin bài theo đơn vị',
  articlesByTask: 'Tin bài theo nhiệm vụ',
  submissions: 'Tin bài đơn vị gửi',
  proceduresByField: 'TTHC theo lĩnh vực',
  proceduresByLevel: 'TTHC theo mức độ',
  feedbackByChannel: 'PAKN theo kênh',
  feedbackByKind: 'PAKN theo loại',
  feedbackOutcome: 'PAKN kết quả xử lý',
  satisfaction: 'Khảo sát hài lòng',
  oversight: 'Đôn đốc, kiểm tra',
  taskReports: 'Kết quả nhiệm vụ',
  articleList: 'Danh sách tin bài',
  feedbackList: 'Danh sách PAKN',
} as const;

/** A sheet of figures: its columns as [header, width, number format?] and its rows. */
interface FigureSheet {
  name: string;
  columns: [header: string, width: number, numFmt?: string][];
  rows: Cell[][];
}

/** Code, label and count: the columns of every "by …" sheet. */
const countSheet = (name: string, what: string, rows: Cell[][]): FigureSheet => ({
  name,
  columns: [
    ['Mã', 20],
    [what, 36],
    ['Số lượng', 12],
  ],
  rows,
});

/** A count per stored value, labelled from the `LABELS` group of document-format. */
const labelledCounts = (name: string, what: string, group: string, list: { key: string; count: number }[]) =>
  countSheet(
    name,
    what,
    list.map((c) => [c.key, label(group, c.key), c.count])
  );

/** Named totals: what each row counts, and the count. */
const totalsSheet = (name: string, what: string, rows: Cell[][]): FigureSheet => ({
  name,
  columns: [
    [what, 40],
    ['Số lượng', 12],
  ],
  rows,
});

/** The sheets of figures, in order. */
function figureSheets({ figures: f, report, timeZone }: WorkbookInput): FigureSheet[] {
  const fb = f.feedback;
  const o = f.oversight;
  const states = [...new Set(f.submissions.byUnit.flatMap((u) => u.byState.map((s) => s.key)))];
  return [
    {
      name: SHEETS.summary,
      columns: [
        ['Chỉ tiêu', 50],
        ['Giá trị', 24, DATE_FORMAT],
      ],
      rows: [
        ['Báo cáo', report.title],
        ['Năm', report.year],
        ['Từ ngày', dayDate(report.periodFrom)],
        ['Đến ngày', dayDate(report.periodTo)],
        ['Tin, bài đã đăng', f.articles.published],
        ['Tin, bài đơn vị gửi', f.submissions.total],
        ['TTHC công khai', f.procedures.listed],
        ['PAKN tiếp nhận', f.feedback.received],
        ['Tỷ lệ trả lời PAKN đúng hạn (%)', f.feedback.onTimeRate],
        ['Phiếu khảo sát hài lòng', f.satisfaction.responses],
      ],
    },
    labelledCounts(SHEETS.articlesByKind, 'Thể loại', 'articleKind', f.articles.byKind),
    labelledCounts(SHEETS.articlesByChannel, 'Kênh', 'articleChannel', f.articles.byChannel),
    countSheet(
      SHEETS.articlesByCampaign,
      'Chiến dịch',
      f.articles.byCampaign.map((c) => [
        c.campaign?.documentId ?? '',
        c.campaign?.title ?? 'Ngoài chiến dịch',
        c.count,
      ])
    ),
    {
      name: SHEETS.articlesByUnit,
      columns: [
        ['Mã đơn vị', 12],
        ['Đơn vị', 40],
        ['Chỉ tiêu', 12],
        ['Đã đăng', 12],
      ],
      rows: f.articles.byUnit.map((u) => [u.unit.code, u.unit.name, u.target, u.published]),
    },
    {
      name: SHEETS.articlesByTask,
      columns: [
        ['Mã nhiệm vụ', 12],
        ['Nhiệm vụ', 60],
        ['Đơn vị', 12],
        ['Chỉ tiêu', 12],
        ['Đã đăng', 12],
      ],
      rows: f.articles.byTask.map((t) => [
        t.task.code,
        t.task.content,
        t.task.unitCode,
        t.target,
        t.published,
      ]),
    },
    {
      name: SHEETS.submissions,
      columns: [
        ['Mã đơn vị', 12],
        ['Đơn vị', 40],
        ['Tổng số', 10],
        ...states.map((s): [string, number] => [label('submissionState', s), 14]),
      ],
      rows: f.submissions.byUnit.map((u) => [
        u.unit.code,
        u.unit.name,
        u.total,
        ...states.map((s) => u.byState.find((b) => b.key === s)?.count ?? 0),
      ]),
    },
    countSheet(
      SHEETS.proceduresByField,
      'Lĩnh vực',
      f.procedures.byField.map((x) => [x.field.code, x.field.name, x.count])
    ),
    labelledCounts(SHEETS.proceduresByLevel, 'Mức độ', 'procedureLevel', f.procedures.byLevel),
    labelledCounts(SHEETS.feedbackByChannel, 'Kênh tiếp nhận', 'feedbackChannel', fb.byChannel),
    labelledCounts(SHEETS.feedbackByKind, 'Loại', 'feedbackKind', fb.byKind),
    totalsSheet(SHEETS.feedbackOutcome, 'Kết quả', [
      ['Tiếp nhận', fb.received],
      ['Không thụ lý', fb.notAccepted],
      ['Chuyển cơ quan có thẩm quyền', fb.transferred],
      ['Đã trả lời', fb.answered],
      ['Đúng hạn', fb.onTime],
      ['Quá hạn', fb.late],
      [`Tỷ lệ đúng hạn (%) ${percent(fb.onTimeRate)}`, fb.onTimeRate],
      ['Công khai kết quả trả lời', fb.answersPublished],
    ]),
    {
      name: SHEETS.satisfaction,
      columns: [
        ['Tiêu chí', 50],
        ['Số phiếu', 12],
        ['Điểm trung bình', 16],
      ],
      rows: f.satisfaction.criteria.map((c) => [c.criterion, c.responses, c.mean]),
    },
    totalsSheet(SHEETS.oversight, 'Nội dung', [
      ['Lượt đôn đốc', o.remindersSent],
      ['Cuộc kiểm tra', o.checks],
      ['Khó khăn, vướng mắc được báo cáo', o.difficultiesRaised],
      ['Đã giải quyết', o.difficultiesResolved],
      ['Báo cáo Giám đốc Sở', o.difficultiesEscalated],
    ]),
    {
      name: SHEETS.taskReports,
      columns: [
        ['Mã nhiệm vụ', 12],
        ['Nhiệm vụ', 50],
        ['Đơn vị', 30],
        ['Tình hình', 16],
        ['Kết quả', 60],
        ['Ngày báo cáo', 18, DATETIME_FORMAT],
      ],
      rows: f.taskReports.map((t) => [
        t.task.code,
        t.task.content,
        t.unit?.name ?? null,
        label('taskStatus', t.status),
        t.results,
        t.reportedAt ? wallClock(new Date(t.reportedAt), timeZone) : null,
      ]),
    },
  ];
}

/** The figure sheets after which progress is reported (the lists report their own). */
const PROGRESS_AFTER: ReadonlySet<string> = new Set([
  SHEETS.summary,
  SHEETS.articlesByTask,
  SHEETS.taskReports,
]);

/** Writes the workbook to `file` and returns the rows of the two lists. */
export async function writeXlsx(input: WorkbookInput, file: string) {
  const { timeZone, onProgress } = input;
  const workbook = new WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '';

  for (const { name, columns, rows } of figureSheets(input)) {
    const sheet = addSheet(
      workbook,
      name,
      columns.map(([header, width, numFmt]) => ({ header, width, numFmt }))
    );
    for (const row of rows) sheet.add(row);
    await sheet.commit();
    if (PROGRESS_AFTER.has(name)) await onProgress?.({ sheet: name, rows: 0 });
  }

  const articles = await listSheet(
    workbook,
    SHEETS.articleList,
    ARTICLE_COLUMNS,
    input.lists.articles,
    timeZone,
    onProgress
  );
  const feedback = await listSheet(
    workbook,
    SHEETS.feedbackList,
    FEEDBACK_SHEET_COLUMNS,
    input.lists.feedback,
    timeZone,
    onProgress
  );
  await workbook.commit();
  return { articles, feedback };
}
