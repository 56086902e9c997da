/**
 * The XML (WordprocessingML `w:tbl`) of the report's data tables, written as text rather than built with the docx
 * library. Why: docx keeps three trees of a document alive while it packs it (its objects, the formatted tree and the
 * tree it writes from), and the plan's table of 1,000 tasks took about 55 MB of the export worker's heap that way; as
 * text, written a row at a time into the file's deflate stream (./docx.ts), no table is ever held whole. The markup
 * is byte for byte what docx writes for the same table (the docx-built table is the oracle of
 * ./__tests__/docx-table.test.ts), so the report looks as it did. Pure.
 */

export type Align = 'left' | 'center' | 'right';

export interface TableCellText {
  text: string;
  align: Align;
}

export interface DataTableXml {
  /** The table's width and its columns' widths, in twips. */
  width: number;
  columns: number[];
  /** The header row: bold, centred, repeated at the top of each page. */
  headers: string[];
  /** Read once, as the rows are written. */
  rows: Iterable<TableCellText[]>;
  font: string;
  /** The text size in half-points. */
  size: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Escapes text as docx does: the five entities, and the control characters XML 1.0 forbids are dropped. */
// eslint-disable-next-line no-control-regex
const escape = (text: string) => text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

const LINE = 'w:val="single" w:color="000000" w:sz="4"';
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(
  (side) => `<w:${side} ${LINE}/>`
);

/** The table's XML in pieces: its properties and header row, then a piece per entry of `rows`, then its end. */
export function* dataTableXml({
  width,
  columns,
  headers,
  rows,
  font,
  size,
}: DataTableXml): Generator<string> {
  const fonts = escape(font);
  const runProperties = (bold: boolean) =>
    `<w:rPr><w:rFonts w:ascii="${fonts}" w:cs="${fonts}" w:eastAsia="${fonts}" w:hAnsi="${fonts}"/>` +
    (bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>') +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const plain = runProperties(false);
  const bold = runProperties(true);
  const cell = ({ text, align }: TableCellText, column: number, properties: string) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${column}"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:after="40" w:before="40"/><w:jc w:val="${align}"/></w:pPr>` +
    `<w:r>${properties}<w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p></w:tc>`;
  yield `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:tblBorders>${BORDERS.join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${columns.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}</w:tblGrid>` +
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${headers
      .map((text, i) => cell({ text, align: 'center' }, columns[i], bold))
      .join('')}</w:tr>`;
  for (const row of rows) yield `<w:tr>${row.map((c, i) => cell(c, columns[i], plain)).join('')}</w:tr>`;
  yield '</w:tbl>';
}
