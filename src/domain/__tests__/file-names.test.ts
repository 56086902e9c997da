import { cleanFileName, contentDisposition } from '../file-names';

describe('cleanFileName', () => {
  it('keeps an ordinary Vietnamese name', () => {
    expect(cleanFileName('Đơn đề nghị cấp sổ đỏ.pdf')).toBe('Đơn đề nghị cấp sổ đỏ.pdf');
  });

  it('drops NUL, controls, bidi overrides and zero-width characters', () => {
    expect(cleanFileName('evil\u0000name.php.png')).toBe('evilname.php.png');
    expect(cleanFileName('report\u202egpj.exe')).toBe('reportgpj.exe');
    expect(cleanFileName('a\u200bb\u2066c\u2028d\u0085.pdf')).toBe('abcd.pdf');
    expect(cleanFileName('\ud800lone.pdf')).toBe('lone.pdf');
  });

  it('keeps only the last path segment, never a leading dot', () => {
    expect(cleanFileName(`${'../'.repeat(4)}tmp/pwn.png`)).toBe('pwn.png');
    expect(cleanFileName('C:\\Users\\a\\..\\hồ sơ.docx')).toBe('hồ sơ.docx');
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('.htaccess')).toBe('htaccess');
  });

  it('bounds the length and keeps the extension', () => {
    const cleaned = cleanFileName(`${'ả'.repeat(300)}.xlsx`)!;
    expect([...cleaned]).toHaveLength(120);
    expect(cleaned.endsWith('ả.xlsx')).toBe(true);
  });

  it('answers null for what is not a name', () => {
    expect(cleanFileName(undefined)).toBeNull();
    expect(cleanFileName('\u0000\u200b ')).toBeNull();
    expect(cleanFileName(42)).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 original', () => {
    expect(contentDisposition('Đơn "a";b.pdf')).toBe(
      `attachment; filename="Don _a__b.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn "a";b.pdf')}`
    );
  });

  it('never sends a path or control characters back', () => {
    const header = contentDisposition('../../x\r\nSet-Cookie: a=b.pdf');
    expect(header).not.toMatch(/[\r\n]|\.\.\//);
    expect(contentDisposition(null, 'attachment.pdf')).toContain('filename="attachment.pdf"');
  });
});
