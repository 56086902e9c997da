import { blocksText, parseSiteSearchParams } from '../site-search';

const LOCALES = ['vi', 'en'];

describe('parseSiteSearchParams', () => {
  it('takes the words, codes, types, locale and page', () => {
    expect(parseSiteSearchParams({ q: 'Giấy phép 1.012753.h19', types: 'answer,article' }, LOCALES)).toEqual({
      ok: true,
      value: {
        codes: ['1.012753.H19'],
        words: ['giay', 'phep'],
        types: ['answer', 'article'],
        locale: 'vi',
        page: 1,
        pageSize: 10,
      },
    });
  });

  it('needs words or a code, and known types, with every problem named in both languages', () => {
    const parsed = parseSiteSearchParams({ q: ' ,; ', types: 'article,video', locale: 'fr' }, LOCALES, 'en');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.path[0]).sort()).toEqual(['locale', 'q', 'types']);
    for (const error of parsed.errors)
      expect(error.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });
});

describe('blocksText', () => {
  it('gives the text leaves of a blocks value, paragraphs apart, and nothing for anything else', () => {
    const blocks = [
      {
        type: 'heading',
        level: 2,
        children: [
          { type: 'text', text: 'Giấy phép ' },
          { type: 'text', text: 'môi trường' },
        ],
      },
      {
        type: 'list',
        children: [{ type: 'list-item', children: [{ type: 'text', text: 'Hồ sơ', bold: true }] }],
      },
      { type: 'image', image: { url: '/x.png' } },
    ];
    expect(blocksText(blocks)).toBe('Giấy phép môi trường\nHồ sơ');
    expect(blocksText('not blocks')).toBe('');
    expect(blocksText(null)).toBe('');
  });
});
