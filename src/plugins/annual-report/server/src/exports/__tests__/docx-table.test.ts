import fc from 'fast-check';
import { unzipSync } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { dataTableXml, type DataTableXml, type TableCellText } from '../docx-table';

/** A table whose rows can be read twice: by the writer and by the oracle. */
type Spec = DataTableXml & { rows: TableCellText[][] };

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** The oracle: the same table built with the docx library, as the report built it before ../docx-table.ts. */
function docxTable({ width, columns, headers, rows, font, size }: Spec): Table {
  const cell = (text: string, align: keyof typeof ALIGNMENTS, column: number, bold: boolean) =>
    new TableCell({
      width: { size: column, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: ALIGNMENTS[align],
          spacing: { before: 40, after: 40 },
          children: [new TextRun({ text, font, size, bold, italics: undefined })],
        }),
      ],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, 'center', columns[i], true)),
      }),
      ...rows.map(
        (row) => new TableRow({ children: row.map((c, i) => cell(c.text, c.align, columns[i], false)) })
      ),
    ],
  });
}

/** The body of a packed document: what lies between its first and last paragraphs (two markers). */
async function bodyOf(children: (Paragraph | Table)[]): Promise<string> {
  const packed = await Packer.toBuffer(
    new Document({ sections: [{ children: [marker('before'), ...children, marker('after')] }] })
  );
  const xml = Buffer.from(unzipSync(packed)['word/document.xml']).toString('utf8');
  const start = xml.indexOf('before</w:t></w:r></w:p>') + 'before</w:t></w:r></w:p>'.length;
  return xml.slice(start, xml.lastIndexOf('<w:p><w:r><w:t xml:space="preserve">after'));
}
const marker = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** Text of any kind: XML's special characters, control characters, Vietnamese, emoji, line breaks. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(...'&<>"\'\u0000\u0008\u000b\u001f\t\nĐạiễ😀 a'.split('')),
    maxLength: 12,
  }),
  fc.constant('')
);

const table: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    width: fc.integer({ min: 1, max: 12000 }),
    columns: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: width, maxLength: width }),
    headers: fc.array(text, { minLength: width, maxLength: width }),
    rows: fc.array(
      fc.array(
        fc.record({ text, align: fc.constantFrom('left' as const, 'center' as const, 'right' as const) }),
        {
          minLength: width,
          maxLength: width,
        }
      ),
      { maxLength: 4 }
    ),
    font: fc.constantFrom('Times New Roman', 'A & "B"'),
    size: fc.integer({ min: 2, max: 60 }),
  })
);

describe('dataTableXml', () => {
  it('writes what the docx library writes for the same table, byte for byte', async () => {
    await fc.assert(
      // Several tables to a document: packing one costs more than writing a table.
      fc.asyncProperty(fc.array(table, { minLength: 1, maxLength: 8 }), async (specs) => {
        // Compared as the file holds them: UTF-8, where a lone surrogate becomes U+FFFD either way.
        expect(
          Buffer.from(specs.map((spec) => [...dataTableXml(spec)].join('')).join('')).toString('utf8')
        ).toBe(await bodyOf(specs.map(docxTable)));
      }),
      { numRuns: 50 }
    );
  });

  it('escapes what XML must and drops the control characters it forbids', () => {
    const xml = [
      ...dataTableXml({
        width: 100,
        columns: [100],
        headers: ['<h>'],
        rows: [[{ text: `a&b "c" 'd' \u0001\u0008e\tf\ng`, align: 'left' }]],
        font: 'F',
        size: 24,
      }),
    ].join('');
    expect(xml).toContain('<w:t xml:space="preserve">&lt;h&gt;</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">a&amp;b &quot;c&quot; &apos;d&apos; e\tf\ng</w:t>');
  });
});
