/**
 * The report's full lists (articles, feedback of the period) as CSV: UTF-8 with a BOM (so spreadsheet programs
 * read Vietnamese), CRLF line ends, and cells that would start a formula prefixed with "'". The feedback list
 * carries no personal data: a row's subject is redacted with its submitter's fields, which no writer gets.
 */
import type { Writable } from 'stream';
import { redactPersonalData, type Submitter } from '#feedback-register/domain/redaction';

/** A published article of the period: public content. */
export interface ArticleListRow {
  documentId: string;
  publishedAt: Date;
  title: string;
  kind: string | null;
  channel: string | null;
  unit: string | null;
  campaign: string | null;
  task: string | null;
  externalUrl: string | null;
}

/** A feedback of the period without personal data (the subject already redacted). */
export interface FeedbackListRow {
  /** The feedback's number in the register (its row id, the "ID" staff see in the admin). */
  id: number;
  documentId: string;
  receivedAt: Date;
  channel: string | null;
  kind: string | null;
  subject: string;
  state: string;
  dueDate: string | null;
  answeredAt: Date | null;
  onTime: boolean | null;
}

/**
 * A feedback of the period as it is read, its subject still naming its submitter: redacted (`redactedRow`) before
 * any writer gets it, on whichever thread has the time (./in-worker.ts). It has no `subject`: a writer handed one by
 * mistake writes an empty cell, never the submitter's data.
 */
export interface UnredactedFeedbackRow extends Omit<FeedbackListRow, 'subject'> {
  unredactedSubject: string;
  submitter: Submitter;
}

export const isUnredacted = (row: object): row is UnredactedFeedbackRow => 'submitter' in row;

/** The row without personal data: its subject redacted with its own submitter's fields, which it no longer holds. */
export const redactedRow = (row: UnredactedFeedbackRow): FeedbackListRow => ({
  id: row.id,
  documentId: row.documentId,
  receivedAt: row.receivedAt,
  channel: row.channel,
  kind: row.kind,
  subject: redactPersonalData(row.unredactedSubject, row.submitter),
  state: row.state,
  dueDate: row.dueDate,
  answeredAt: row.answeredAt,
  onTime: row.onTime,
});

/** A batch's rows with each feedback redacted, on the thread that calls it (the XLSX worker). */
export const redactedRows = <R extends object>(
  rows: (R | UnredactedFeedbackRow)[]
): (R | FeedbackListRow)[] => rows.map((row) => (isUnredacted(row) ? redactedRow(row) : row));

export type ListName = 'articles' | 'feedback';

export interface Column<R> {
  key: keyof R & string;
  header: string;
  /** Width in characters (XLSX). */
  width: number;
  type: 'string' | 'date' | 'datetime' | 'boolean' | 'number';
  /** The label group (`LABELS` of document-format) whose label the XLSX shows instead of the stored value. */
  labels?: string;
}

/**
 * The lists' columns. The XLSX shows them to staff (`labels` instead of stored values, "Có"/"Không" for yes-no,
 * widths); the CSV writes the same columns with the stored values (for machines).
 */
export const ARTICLE_COLUMNS: Column<ArticleListRow>[] = [
  { key: 'documentId', header: 'Mã tài liệu', width: 28, type: 'string' },
  { key: 'publishedAt', header: 'Ngày đăng', width: 18, type: 'datetime' },
  { key: 'title', header: 'Tiêu đề', width: 60, type: 'string' },
  { key: 'kind', header: 'Thể loại', width: 16, type: 'string', labels: 'articleKind' },
  { key: 'channel', header: 'Kênh', width: 24, type: 'string', labels: 'articleChannel' },
  { key: 'unit', header: 'Đơn vị', width: 30, type: 'string' },
  { key: 'campaign', header: 'Chiến dịch', width: 30, type: 'string' },
  { key: 'task', header: 'Nhiệm vụ', width: 10, type: 'string' },
  { key: 'externalUrl', header: 'Đường dẫn', width: 40, type: 'string' },
];

/** The feedback list's columns but the first: the CSV's documentId, the XLSX's register number (below). */
const FEEDBACK_DETAILS: Column<FeedbackListRow>[] = [
  { key: 'receivedAt', header: 'Ngày tiếp nhận', width: 18, type: 'datetime' },
  { key: 'channel', header: 'Kênh', width: 18, type: 'string', labels: 'feedbackChannel' },
  { key: 'kind', header: 'Loại', width: 32, type: 'string', labels: 'feedbackKind' },
  { key: 'subject', header: 'Trích yếu (đã ẩn thông tin cá nhân)', width: 60, type: 'string' },
  { key: 'state', header: 'Trạng thái', width: 20, type: 'string', labels: 'feedbackState' },
  { key: 'dueDate', header: 'Hạn xử lý', width: 12, type: 'date' },
  { key: 'answeredAt', header: 'Ngày trả lời', width: 18, type: 'datetime' },
  { key: 'onTime', header: 'Đúng hạn', width: 10, type: 'boolean' },
];

export const FEEDBACK_COLUMNS: Column<FeedbackListRow>[] = [
  { key: 'documentId', header: 'Mã tài liệu', width: 28, type: 'string' },
  ...FEEDBACK_DETAILS,
];

/** Staff know a feedback by its register number, not by the internal documentId. */
export const FEEDBACK_SHEET_COLUMNS: Column<FeedbackListRow>[] = [
  { key: 'id', header: 'Số (ID)', width: 10, type: 'number' },
  ...FEEDBACK_DETAILS,
];

/** One CSV cell: quoted when needed, and a leading =, +, -, @, tab or CR neutralised. */
export const csvCell = (value: unknown): string => {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/** Resolves once `out` accepted the chunk (waits on back-pressure). */
const write = (out: Writable, chunk: string) =>
  new Promise<void>((resolve, reject) => {
    const ok = out.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });

/**
 * Streams the rows, given in chunks, to `out` as CSV (one write per chunk) and returns the number of rows written.
 * Does not end `out`.
 */
export async function writeCsv<R>(
  columns: Column<R>[],
  chunks: AsyncIterable<R[]>,
  out: Writable,
  onChunk?: (written: number) => void | Promise<void>
): Promise<number> {
  await write(out, `\ufeff${csvLine(columns.map((c) => c.header))}`);
  let written = 0;
  for await (const chunk of chunks) {
    let text = '';
    for (const row of chunk) text += csvLine(columns.map((c) => row[c.key]));
    await write(out, text);
    written += chunk.length;
    if (onChunk) await onChunk(written);
  }
  return written;
}
