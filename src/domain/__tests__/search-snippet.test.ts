import fc from 'fast-check';
import { snippet } from '../search-snippet';

const marked = ({ text, highlights }: ReturnType<typeof snippet>) =>
  highlights.reduceRight(
    (out, [start, end]) => `${out.slice(0, start)}[${out.slice(start, end)}]${out.slice(end)}`,
    text
  );

describe('snippet', () => {
  it('highlights the words that start with a folded query word, as offsets into plain text', () => {
    const result = snippet('Cấp Giấy phép môi trường (cấp tỉnh)', ['giay', 'phep', 'moi']);
    expect(marked(result)).toBe('Cấp [Giấy] [phép] [môi] trường (cấp tỉnh)');
  });

  it('keeps HTML-looking text as text', () => {
    expect(snippet('<b>giấy</b> phép', ['giay']).text).toBe('<b>giấy</b> phép');
  });

  it('cuts a long text around the passage holding the most query words, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(12);
    const text = `${filler}đăng ký khai sinh cho trẻ em ${filler}`;
    const result = snippet(text, ['khai', 'sinh'], 80);
    expect(result.text.startsWith('…')).toBe(true);
    expect(result.text.endsWith('…')).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(82);
    expect(marked(result)).toContain('đăng ký [khai] [sinh] cho');
  });

  it('gives the beginning, cut at a word, without highlights when nothing matches', () => {
    expect(snippet('Thủ tục đăng ký kết hôn', ['xyz'], 10)).toEqual({ text: 'Thủ tục…', highlights: [] });
  });

  it('always points its highlights at words of the query inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('giấy', 'phép', 'Đất', 'đai', 'xây', 'dựng', 'nhà', 'ở', '—', '(tỉnh)'), {
          maxLength: 80,
        }),
        fc.subarray(['giay', 'dat', 'xay', 'o']),
        fc.integer({ min: 10, max: 200 }),
        (words, query, max) => {
          const result = snippet(words.join(' '), query, max);
          expect(result.text.length).toBeLessThanOrEqual(max + 2);
          let previous = 0;
          for (const [start, end] of result.highlights) {
            expect(start).toBeGreaterThanOrEqual(previous);
            previous = end;
            const word = result.text
              .slice(start, end)
              .toLowerCase()
              .normalize('NFD')
              .replace(/\p{M}/gu, '')
              .replace(/đ/g, 'd');
            expect(query.some((q) => word.startsWith(q))).toBe(true);
          }
        }
      )
    );
  });
});
