import {
  fold,
  maskContacts,
  MASKED_PHONE,
  MAX_TERM_LENGTH,
  prefixRange,
  queryWords,
  terms,
} from '../search-text';

const nfc = (s: string) => s.normalize('NFC');
const nfd = (s: string) => s.normalize('NFD');

describe('fold', () => {
  it('strips tone marks, maps đ and lowers the case', () => {
    expect(fold('THỦ TỤC ĐẤT ĐAI')).toBe('thu tuc dat dai');
    expect(fold('Đăng ký đất đai lần đầu')).toBe('dang ky dat dai lan dau');
    expect(fold('Giấy chứng nhận quyền sử dụng đất')).toBe('giay chung nhan quyen su dung dat');
    expect(fold('ưởng ƯỚC ơn Ợ')).toBe('uong uoc on o');
  });

  it('gives the same result for NFC and NFD input', () => {
    const samples = [
      'THỦ TỤC ĐẤT ĐAI',
      'Sở Tài nguyên và Môi trường',
      'Nguyễn Thị Hường',
      'Ủy ban nhân dân tỉnh',
    ];
    for (const text of samples) {
      expect(nfd(text)).not.toBe(nfc(text));
      expect(fold(nfd(text))).toBe(fold(nfc(text)));
    }
    expect(fold(nfd('Quyết định'))).toBe('quyet dinh');
  });

  it('turns every run of other characters into one space and trims', () => {
    expect(fold('  Hồ sơ—đất, (số 63/2010/NĐ-CP)!!  ')).toBe('ho so dat so 63 2010 nd cp');
    expect(fold('a\t\n\u00a0b')).toBe('a b');
    expect(fold('1.010727')).toBe('1 010727');
    expect(fold('...')).toBe('');
    expect(fold('')).toBe('');
  });

  it('drops letters outside a–z rather than keeping them unfolded', () => {
    expect(fold('Straße 北京 ok')).toBe('stra e ok');
  });
});

describe('terms', () => {
  it('are the unique folded words in first-seen order', () => {
    expect(terms('Đất đai, ĐẤT ĐAI và dat dai: đất!')).toEqual(['dat', 'dai', 'va']);
    expect(terms('')).toEqual([]);
    expect(terms(' -- ')).toEqual([]);
  });

  it('cut words to 64 characters', () => {
    const long = 'a'.repeat(70);
    const result = terms(`${long} b ${'a'.repeat(64)}x`);
    expect(result).toEqual(['a'.repeat(64), 'b']);
    expect(MAX_TERM_LENGTH).toBe(64);
    for (const term of terms(`x ${'y'.repeat(200)} ${'1'.repeat(65)}`)) {
      expect(term.length).toBeGreaterThanOrEqual(1);
      expect(term.length).toBeLessThanOrEqual(64);
    }
  });
});

describe('queryWords', () => {
  it('are folded, unique, without empty words', () => {
    expect(queryWords('  Đất   đai ĐẤT , ,')).toEqual(['dat', 'dai']);
    expect(queryWords('')).toEqual([]);
  });

  it('keep at most 8 words by default, or maxWords', () => {
    const q = 'một hai ba bốn năm sáu bảy tám chín mười';
    expect(queryWords(q)).toEqual(['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam']);
    expect(queryWords(q, 3)).toEqual(['mot', 'hai', 'ba']);
    expect(queryWords('a a a b', 2)).toEqual(['a', 'b']);
    expect(queryWords(q, 0)).toEqual([]);
  });

  it('cut long words like stored terms, so that they still match', () => {
    const word = 'q'.repeat(80);
    expect(queryWords(word)).toEqual(terms(word));
  });

  it('reject a bad maxWords', () => {
    expect(() => queryWords('a', -1)).toThrow(RangeError);
    expect(() => queryWords('a', 1.5)).toThrow(RangeError);
  });
});

describe('prefixRange', () => {
  it('goes from the word to its successor, with carry', () => {
    expect(prefixRange('dat')).toEqual(['dat', 'dau']);
    expect(prefixRange('daz')).toEqual(['daz', 'db']);
    expect(prefixRange('dazz')).toEqual(['dazz', 'db']);
    expect(prefixRange('a9')).toEqual(['a9', 'aa']);
    expect(prefixRange('9')).toEqual(['9', 'a']);
    expect(prefixRange('19')).toEqual(['19', '1a']);
    expect(prefixRange('0')).toEqual(['0', '1']);
    expect(prefixRange('9z')).toEqual(['9z', 'a']);
  });

  it('bounds an all-z word with z repeated past the longest term, not with punctuation', () => {
    expect(prefixRange('z')).toEqual(['z', 'z'.repeat(65)]);
    expect(prefixRange('zz')).toEqual(['zz', 'z'.repeat(65)]);
    const [, hi] = prefixRange('zzz');
    expect(hi).toMatch(/^[0-9a-z]+$/);
    expect('z'.repeat(64) < hi).toBe(true);
  });

  it('rejects what is not a folded word', () => {
    expect(() => prefixRange('')).toThrow(TypeError);
    expect(() => prefixRange('Dat')).toThrow(TypeError);
    expect(() => prefixRange('đất')).toThrow(TypeError);
    expect(() => prefixRange('dat dai')).toThrow(TypeError);
  });

  // Strings over [0-9a-z], compared by code unit (= byte order for ASCII): in the range iff they start with the word.
  it('contains exactly the strings that start with the word, in byte order', () => {
    const alphabet = '0123456789az';
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const randomWord = (max: number) =>
      Array.from(
        { length: 1 + Math.floor(random() * max) },
        () => alphabet[Math.floor(random() * alphabet.length)]
      ).join('');
    const words = ['dat', 'daz', 'a9', 'zz', 'z', '9', 'az9z', 'thu', 'zzz9'];
    for (let i = 0; i < 40; i++) words.push(randomWord(4));
    const samples = new Set<string>([
      'z'.repeat(64),
      'zz',
      'zzz',
      'zz0',
      'zy',
      'z',
      'a',
      'db',
      'dau',
      'dat',
      'da',
    ]);
    for (const word of words) {
      samples.add(word);
      samples.add(word + 'z');
      samples.add(word + '0');
      samples.add(word + randomWord(5));
    }
    for (let i = 0; i < 3000; i++) samples.add(randomWord(7));
    for (const word of words) {
      const [lo, hi] = prefixRange(word);
      for (const s of samples) {
        expect({ word, s, inRange: s >= lo && s < hi }).toEqual({ word, s, inRange: s.startsWith(word) });
      }
    }
  });
});

describe('maskContacts', () => {
  const phone = MASKED_PHONE;

  it('masks e-mail addresses', () => {
    expect(maskContacts('Gửi về nguyen.van.a@gmail.com để được trả lời')).toBe(
      'Gửi về [email] để được trả lời'
    );
    expect(maskContacts('Email: tnmt@quangnam.gov.vn.')).toBe('Email: [email].');
    expect(maskContacts('a_b+tag@mail.example.com.vn, c@d.io')).toBe('[email], [email]');
    expect(maskContacts('0909123456@gmail.com')).toBe('[email]');
  });

  it.each([
    ['0909 123 456'],
    ['0909.123.456'],
    ['0909-123-456'],
    ['0909123456'],
    ['090 912 3456'],
    ['0909 123456'],
    ['+84 909 123 456'],
    ['+84909123456'],
    ['+84 (0) 909 123 456'],
    ['+84 0909 123 456'],
    ['(+84) 909 123 456'],
    ['84909123456'],
    ['(028) 3829 1234'],
    ['(028)38291234'],
    ['028 3829 1234'],
    ['028.3829.1234'],
    ['02838291234'],
    ['+84 28 3829 1234'],
    ['(0235) 3852 123'],
    ['0235 3852 123'],
    ['0168 123 4567'],
  ])('masks the phone number %s', (number) => {
    expect(maskContacts(number)).toBe(phone);
    expect(maskContacts(`Điện thoại: ${number}, gọi giờ hành chính.`)).toBe(
      `Điện thoại: ${phone}, gọi giờ hành chính.`
    );
    expect(maskContacts(`(${number})`)).toBe(`(${phone})`);
  });

  it('masks several numbers and keeps the text around them', () => {
    expect(maskContacts('Liên hệ anh Nam 0912 345 678 hoặc chị Lan 0987.654.321; email lan@abc.vn')).toBe(
      `Liên hệ anh Nam ${phone} hoặc chị Lan ${phone}; email [email]`
    );
    expect(maskContacts('ĐT: 0912345678/0987654321')).toBe(`ĐT: ${phone}/${phone}`);
    expect(maskContacts('Năm 2021 0909 123 456 đã gọi')).toBe(`Năm 2021 ${phone} đã gọi`);
    expect(maskContacts('SĐT:0909123456.')).toBe(`SĐT:${phone}.`);
  });

  it.each([
    ['Năm 2021 và 2022'],
    ['Nghị định số 63/2010/NĐ-CP ngày 08/6/2010'],
    ['Quyết định 1234/QĐ-UBND'],
    ['Lệ phí 1.000.000 đồng'],
    ['Tổng kinh phí 10.000.000.000 đồng'],
    ['Kinh phí 84.909.123.456 đồng'],
    ['Mã thủ tục 1.010727'],
    ['Ngày 31/12/2020'],
    ['Ngày 02.09.2021 và 2021-09-02'],
    ['Giai đoạn 2021-2025'],
    ['Tỷ lệ 0,5% và 99,9%'],
    ['Mã hồ sơ 000.00.12.H56-210301-0001'],
    ['Mã số thuế 0312345678'],
    ['Số CCCD 079090012345'],
    ['Lúc 08:30 ngày 2/9'],
    ['Mã ABC0909123456'],
  ])('leaves ordinary numbers alone: %s', (text) => {
    expect(maskContacts(text)).toBe(text);
  });

  it('does not take a longer dotted number for a phone', () => {
    expect(maskContacts('0909.123.456.789')).toBe('0909.123.456.789');
  });

  it('leaves text without contacts unchanged and is fast on long input', () => {
    expect(maskContacts('')).toBe('');
    expect(maskContacts('Không có gì để che.')).toBe('Không có gì để che.');
    const long = '1.000.000 2021 (028) abc '.repeat(4000) + '0909 123 456';
    const started = Date.now();
    expect(maskContacts(long).endsWith(phone)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
