/**
 * The annual report as a DOCX draft for the Văn thư, laid out per Decree 30/2020 (Phụ lục I, Mẫu 1.4): header and
 * signature blocks as borderless two-column tables, Times New Roman, A4, page numbers from page 2. No seal and no
 * signature image: the document is signed outside the CMS. Pure: figures, narrative, report and profile in, bytes out.
 */
import { randomUUID } from 'crypto';
import fs from 'fs/promises';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Figures, Narrative } from '../domain/figures';
import {
  cmToTwips,
  count,
  dateLines,
  DOCUMENT_TYPE,
  FIRST_LINE_INDENT_CM,
  FONT,
  halfPoints,
  headerLines,
  label,
  marginsTwips,
  MOTTO,
  nameInText,
  NATIONAL_TITLE,
  numberLine,
  PAGE,
  PARAGRAPH_SPACING_PT,
  percent,
  recipientLines,
  shortDate,
  SIZES,
  summaryLine,
  textWidthTwips,
  upper,
  type OrganizationProfile,
  type ReportMeta,
} from '../domain/document-format';
import { dataTableXml, type DataTableXml } from './docx-table';

export interface ReportDocumentInput {
  figures: Figures;
  narrative: Narrative | null;
  report: ReportMeta;
  /** The profile in force at the end of the report's period. */
  profile: OrganizationProfile;
  /** The abbreviation of the unit that drafted the report (the Office), for "Lưu: VT, …". */
  draftingUnit: string;
}

const TEXT_WIDTH = PAGE.width - marginsTwips().left - marginsTwips().right;
/**
 * The header table reaches 1.5 cm into the left margin and 0.5 cm into the right one (as Word templates
 * of the Decree's forms do), so that the agency's names fit on one line or break between whole words (`headerLines`)
 * and the place and date line breaks only after the place (`dateLines`). The right column is as wide as the national
 * title needs (9.9 cm); the left column, the agency's, gets the rest (about 8.6 cm instead of 6.6 cm).
 */
const HEADER_OUTDENT = { left: cmToTwips(1.5), right: cmToTwips(0.5) };
const HEADER_WIDTH = TEXT_WIDTH + HEADER_OUTDENT.left + HEADER_OUTDENT.right;
const RIGHT_COLUMN = cmToTwips(9.9);
const LEFT_COLUMN = HEADER_WIDTH - RIGHT_COLUMN;
/** The signature table stays within the text: "Nơi nhận" starts at the left margin. */
const SIGNATURE_LEFT = Math.round(TEXT_WIDTH * 0.45);
/** Room a cell's paragraph has: the header cells have no side margins, so the whole column. */
const CELL_TEXT = (column: number) => column;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, { size = SIZES.body, bold, italics }: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: halfPoints(size), bold, italics });

const centred = (text: string, style: RunStyle = {}, extra: { spacingAfter?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: extra.spacingAfter ?? 0 },
    children: [run(text, style)],
  });

/** One centred paragraph of several lines (line breaks, not paragraphs). */
const centredLines = (lines: string[], style: RunStyle = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i === 0 ? undefined : 1,
          font: FONT,
          size: halfPoints(style.size ?? SIZES.body),
          bold: style.bold,
          italics: style.italics,
        })
    ),
  });

/** Rough width in twips of a line of Times New Roman: half an em per character (a little more when bold). */
const textWidth = (text: string, size: number, bold = false) =>
  Math.round(text.length * size * 20 * (bold ? 0.52 : 0.48));

/** A solid line of `length` twips, centred in a column `column` twips wide: the bottom border of an indented paragraph. */
const rule = (length: number, column: number) => {
  const side = Math.max(0, Math.round((column - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 120 },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });
};

const borderlessCell = (width: number, children: (Paragraph | Table)[]) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });

const borderlessTable = (
  left: (Paragraph | Table)[],
  right: (Paragraph | Table)[],
  { width, leftColumn, outdent }: { width: number; leftColumn: number; outdent: number }
) =>
  new Table({
    width: { size: width, type: WidthType.DXA },
    indent: { size: -outdent, type: WidthType.DXA },
    columnWidths: [leftColumn, width - leftColumn],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [borderlessCell(leftColumn, left), borderlessCell(width - leftColumn, right)],
      }),
    ],
  });

function headerTable({ report, profile }: ReportDocumentInput) {
  const room = CELL_TEXT(LEFT_COLUMN);
  const superior = headerLines(upper(profile.superiorBody), room, SIZES.superiorBody);
  const issuing = headerLines(upper(profile.issuingBody), room, SIZES.issuingBody, true);
  const issuingWidth = Math.max(...issuing.map((l) => textWidthTwips(l, SIZES.issuingBody, true)), 0);
  const left = [
    centredLines(superior, { size: SIZES.superiorBody }),
    centredLines(issuing, { size: SIZES.issuingBody, bold: true }),
    rule(Math.round(Math.min(issuingWidth, room) * 0.4), LEFT_COLUMN),
    new Paragraph({ spacing: { before: 120, after: 0 }, alignment: AlignmentType.CENTER, children: [] }),
    centred(numberLine(report.number, profile.abbreviation), { size: SIZES.number }),
  ];
  const motto = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    indent: {
      left: Math.max(0, Math.round((RIGHT_COLUMN - textWidth(MOTTO, SIZES.motto, true)) / 2)),
      right: Math.max(0, Math.round((RIGHT_COLUMN - textWidth(MOTTO, SIZES.motto, true)) / 2)),
    },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run(MOTTO, { size: SIZES.motto, bold: true })],
  });
  const right = [
    centred(NATIONAL_TITLE, { size: SIZES.nationalTitle, bold: true }),
    motto,
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    centredLines(dateLines(profile.placeName, report.date, CELL_TEXT(RIGHT_COLUMN), SIZES.date), {
      size: SIZES.date,
      italics: true,
    }),
  ];
  return borderlessTable(left, right, {
    width: HEADER_WIDTH,
    leftColumn: LEFT_COLUMN,
    outdent: HEADER_OUTDENT.left,
  });
}

function titleBlock({ report }: ReportDocumentInput) {
  const summary = summaryLine(report.title);
  return [
    new Paragraph({ spacing: { before: 360, after: 0 }, children: [] }),
    centred(DOCUMENT_TYPE, { size: SIZES.documentType, bold: true }),
    centred(summary, { size: SIZES.summary, bold: true }),
    rule(Math.round(Math.min(textWidth(summary, SIZES.summary, true), TEXT_WIDTH) * 0.4), TEXT_WIDTH),
    new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }),
  ];
}

/** A body paragraph: 14 pt, justified, first-line indent, 6 pt after, single to 1.5 line spacing. */
const body = (text: string, style: RunStyle = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: cmToTwips(FIRST_LINE_INDENT_CM) },
    spacing: { before: 0, after: PARAGRAPH_SPACING_PT * 20, line: 300 },
    children: [run(text, style)],
  });

const heading = (text: string) => body(text, { bold: true });

/**
 * The document's data tables. The docx library gets a placeholder paragraph for each, and the file gets the table's
 * XML (./docx-table.ts) in its place, deflated as it is written: a table of the plan's tasks is too large to hold as
 * docx objects. The placeholders carry a random prefix, so that no text of the report can pass for one.
 */
class DataTables {
  private readonly prefix = `table-${randomUUID()}-`;
  private readonly tables: DataTableXml[] = [];

  /** A table with thin borders and a repeated header row; numbers right-aligned. */
  add(headers: string[], rows: (string | number)[][], widths: number[]): Paragraph[] {
    const total = widths.reduce((a, b) => a + b, 0);
    const columns = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
    const entries = rows.length === 0 ? [headers.map((_, i) => (i === 0 ? 'Không có' : ''))] : rows;
    const index = this.tables.push({
      width: TEXT_WIDTH,
      columns,
      headers,
      // Cells are made as the table is written, not all at once.
      rows: (function* () {
        for (const row of entries)
          yield row.map((value) =>
            typeof value === 'number'
              ? { text: count(value), align: 'right' as const }
              : { text: value, align: 'left' as const }
          );
      })(),
      font: FONT,
      size: halfPoints(SIZES.table),
    });
    return [
      new Paragraph({ children: [new TextRun(this.placeholder(index - 1))] }),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
    ];
  }

  /**
   * The package docx packed, zipped again with each placeholder paragraph replaced by its table. The document's
   * XML goes into its deflate stream in pieces of about CHUNK characters.
   */
  zip(packed: Uint8Array): Buffer {
    const output: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else output.push(chunk);
    });
    for (const [name, data] of Object.entries(unzipSync(packed))) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      if (name !== DOCUMENT_XML) entry.push(data, true);
      else {
        let pending = '';
        for (const piece of this.document(Buffer.from(data).toString('utf8'))) {
          pending += piece;
          if (pending.length < CHUNK) continue;
          entry.push(Buffer.from(pending, 'utf8'));
          pending = '';
        }
        entry.push(Buffer.from(pending, 'utf8'), true);
      }
    }
    zip.end();
    if (failure) throw failure;
    return Buffer.concat(output);
  }

  /** The document's XML in pieces, the tables in place of their placeholders. */
  private *document(xml: string): Generator<string> {
    let from = 0;
    for (const [i, table] of this.tables.entries()) {
      const paragraph = `<w:p><w:r><w:t xml:space="preserve">${this.placeholder(i)}</w:t></w:r></w:p>`;
      const at = xml.indexOf(paragraph, from);
      if (at === -1) throw new Error(`the DOCX lost the placeholder of table ${i + 1}`);
      yield xml.slice(from, at);
      yield* dataTableXml(table);
      from = at + paragraph.length;
    }
    yield xml.slice(from);
  }

  private placeholder(index: number) {
    return `${this.prefix}${index}`;
  }
}

/** Characters of the document's XML deflated at a time. */
const CHUNK = 1 << 16;
const DOCUMENT_XML = 'word/document.xml';

const countRows = (group: string, counts: { key: string; count: number }[]) =>
  counts.map((c, i) => [i + 1, label(group, c.key), c.count]);

/** The text of a narrative section as paragraphs, one per line of text. */
const paragraphs = (text: string | null | undefined, empty: string) => {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : [empty]).map((line) => body(line));
};

function figuresSection({ figures: f }: ReportDocumentInput, tables: DataTables) {
  const a = f.articles;
  const s = f.submissions;
  const p = f.procedures;
  const fb = f.feedback;
  const o = f.oversight;
  return [
    heading('1. Tin, bài truyền thông hỗ trợ kiểm soát thủ tục hành chính'),
    body(
      `Trong kỳ báo cáo đã đăng tải ${count(a.published)} tin, bài, phóng sự, video clip tuyên truyền về kiểm soát thủ tục hành chính, cải cách hành chính.`
    ),
    body('a) Theo thể loại:'),
    ...tables.add(['STT', 'Thể loại', 'Số lượng'], countRows('articleKind', a.byKind), [1, 6, 2]),
    body('b) Theo kênh truyền thông:'),
    ...tables.add(['STT', 'Kênh', 'Số lượng'], countRows('articleChannel', a.byChannel), [1, 6, 2]),
    body('c) Theo chiến dịch, đợt truyền thông:'),
    ...tables.add(
      ['STT', 'Chiến dịch', 'Số lượng'],
      a.byCampaign.map((c, i) => [i + 1, c.campaign?.title ?? 'Ngoài chiến dịch', c.count]),
      [1, 6, 2]
    ),
    body('d) Theo đơn vị, so với chỉ tiêu kế hoạch:'),
    ...tables.add(
      ['STT', 'Đơn vị', 'Chỉ tiêu', 'Đã đăng'],
      a.byUnit.map((u, i) => [i + 1, u.unit.name, u.target, u.published]),
      [1, 5, 2, 2]
    ),
    body('đ) Theo nhiệm vụ của kế hoạch:'),
    ...tables.add(
      ['Mã', 'Nhiệm vụ', 'Chỉ tiêu', 'Đã đăng'],
      a.byTask.map((t) => [t.task.code, t.task.content, t.target, t.published]),
      [1, 6, 1.5, 1.5]
    ),
    heading('2. Tin, bài các đơn vị gửi đăng'),
    body(
      `Các đơn vị đã gửi ${count(s.total)} tin, bài để Trung tâm Công nghệ thông tin biên tập, đăng tải` +
        (s.medianDaysToPublication === null
          ? '.'
          : `; thời gian từ khi gửi đến khi đăng (trung vị) là ${String(s.medianDaysToPublication).replace('.', ',')} ngày.`)
    ),
    ...tables.add(
      ['STT', 'Đơn vị', 'Tổng số', 'Theo trạng thái'],
      s.byUnit.map((u, i) => [
        i + 1,
        u.unit.name,
        u.total,
        u.byState.map((st) => `${label('submissionState', st.key)}: ${count(st.count)}`).join('; '),
      ]),
      [1, 4, 1.5, 4]
    ),
    heading('3. Công khai thủ tục hành chính'),
    body(
      `Đến cuối kỳ báo cáo có ${count(p.listed)} thủ tục hành chính đang có hiệu lực được công khai; trong kỳ công bố mới ${count(p.added)}, sửa đổi, bổ sung ${count(p.amended)}, bãi bỏ ${count(p.abolished)} thủ tục hành chính.`
    ),
    ...tables.add(
      ['STT', 'Lĩnh vực', 'Số thủ tục'],
      p.byField.map((x, i) => [i + 1, x.field.name, x.count]),
      [1, 6, 2]
    ),
    ...tables.add(['STT', 'Mức độ', 'Số thủ tục'], countRows('procedureLevel', p.byLevel), [1, 6, 2]),
    heading('4. Tiếp nhận, xử lý phản ánh, kiến nghị'),
    body(
      `Trong kỳ tiếp nhận ${count(fb.received)} phản ánh, kiến nghị; không thụ lý ${count(fb.notAccepted)}, chuyển cơ quan có thẩm quyền ${count(fb.transferred)}, đã trả lời ${count(fb.answered)} (đúng hạn ${count(fb.onTime)}, quá hạn ${count(fb.late)}; tỷ lệ đúng hạn ${percent(fb.onTimeRate)}); công khai ${count(fb.answersPublished)} kết quả trả lời.`
    ),
    ...tables.add(
      ['STT', 'Kênh tiếp nhận', 'Số lượng'],
      countRows('feedbackChannel', fb.byChannel),
      [1, 6, 2]
    ),
    ...tables.add(['STT', 'Nội dung', 'Số lượng'], countRows('feedbackKind', fb.byKind), [1, 6, 2]),
    heading('5. Khảo sát mức độ hài lòng'),
    body(`Trong kỳ có ${count(f.satisfaction.responses)} phiếu đánh giá mức độ hài lòng.`),
    ...tables.add(
      ['STT', 'Tiêu chí', 'Số phiếu', 'Điểm trung bình'],
      f.satisfaction.criteria.map((c, i) => [
        i + 1,
        c.criterion,
        c.responses,
        c.mean === null ? '–' : c.mean.toFixed(2).replace('.', ','),
      ]),
      [1, 5, 2, 2]
    ),
    heading('6. Đôn đốc, kiểm tra, tháo gỡ khó khăn'),
    body(
      `Văn phòng Sở đã ${count(o.remindersSent)} lần đôn đốc, ${count(o.checks)} cuộc kiểm tra việc thực hiện kế hoạch tại các đơn vị. Các đơn vị báo cáo ${count(o.difficultiesRaised)} khó khăn, vướng mắc; đã giải quyết ${count(o.difficultiesResolved)}, báo cáo Giám đốc Sở ${count(o.difficultiesEscalated)}.`
    ),
    heading('7. Kết quả thực hiện các nhiệm vụ'),
    ...tables.add(
      ['Mã', 'Nhiệm vụ', 'Đơn vị', 'Tình hình', 'Kết quả'],
      f.taskReports.map((t) => [
        t.task.code,
        t.task.content,
        t.unit?.name ?? '',
        label('taskStatus', t.status),
        t.results,
      ]),
      [1, 3.5, 2, 1.8, 3.5]
    ),
  ];
}

function signatureTable(input: ReportDocumentInput) {
  const { report, profile } = input;
  const left = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run('Nơi nhận:', { size: SIZES.recipientsHeading, bold: true, italics: true })],
    }),
    ...recipientLines(report.recipients, input.draftingUnit).map(
      (line) =>
        new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(line, { size: SIZES.recipients })] })
    ),
  ];
  const right = [
    centred(upper(profile.directorTitle ?? ''), { size: SIZES.signer, bold: true }),
    // Room for the signature, signed outside the CMS.
    ...Array.from(
      { length: 5 },
      () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('')] })
    ),
    centred(profile.directorName ?? '', { size: SIZES.signer, bold: true }),
  ];
  return borderlessTable(left, right, { width: TEXT_WIDTH, leftColumn: SIGNATURE_LEFT, outdent: 0 });
}

function buildReportDocument(input: ReportDocumentInput, tables: DataTables): Document {
  const { report, narrative } = input;
  const margins = marginsTwips();
  return new Document({
    creator: upper(input.profile.issuingBody),
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: halfPoints(SIZES.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...margins, header: mmToHeader(margins.top), footer: 708, gutter: 0 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    font: FONT,
                    size: halfPoints(SIZES.pageNumber),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          headerTable(input),
          ...titleBlock(input),
          body(
            `Thực hiện kế hoạch truyền thông hỗ trợ kiểm soát thủ tục hành chính năm ${report.year}, ${nameInText(input.profile)} báo cáo kết quả thực hiện từ ngày ${shortDate(report.periodFrom)} đến ngày ${shortDate(report.periodTo)} như sau:`
          ),
          heading('I. KẾT QUẢ THỰC HIỆN'),
          ...paragraphs(narrative?.results, 'Kết quả thực hiện các nhiệm vụ được tổng hợp dưới đây.'),
          ...figuresSection(input, tables),
          heading('II. HẠN CHẾ VÀ NGUYÊN NHÂN'),
          ...paragraphs(narrative?.limitations, 'Không có.'),
          heading('III. KHÓ KHĂN, VƯỚNG MẮC'),
          ...paragraphs(narrative?.difficulties, 'Không có.'),
          heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
          ...paragraphs(narrative?.proposals, 'Không có.'),
          new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }),
          signatureTable(input),
        ],
      },
    ],
  });
}

/** The header's distance from the page edge: half the top margin, so the page number sits in the top margin. */
const mmToHeader = (topTwips: number) => Math.round(topTwips / 2);

export async function renderDocx(input: ReportDocumentInput): Promise<Buffer> {
  const tables = new DataTables();
  return tables.zip(await Packer.toBuffer(buildReportDocument(input, tables)));
}

/** Writes the DOCX to `file`. */
export async function writeDocx(input: ReportDocumentInput, file: string): Promise<number> {
  const bytes = await renderDocx(input);
  await fs.writeFile(file, bytes, { mode: 0o600 });
  return bytes.length;
}
