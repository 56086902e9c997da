import fc from 'fast-check';
import { maskContacts } from '#domain/search-text';
import { REDACTED, redactPersonalData, type Submitter } from '../redaction';
import { SUBMITTER } from './fixtures';

describe('redactPersonalData', () => {
  it('removes the name, in any case and spacing, and the given name after a form of address', () => {
    const out = redactPersonalData(
      'Bà NGUYỄN  THỊ MAI hỏi; trả lời bà Mai như sau. Mai Châu vẫn còn.',
      SUBMITTER
    );
    expect(out).toBe(`Bà ${REDACTED.name} hỏi; trả lời bà ${REDACTED.name} như sau. Mai Châu vẫn còn.`);
  });

  it('removes the address, the phone in any writing, the e-mail and identity numbers', () => {
    const out = redactPersonalData(
      'Địa chỉ Tổ 5, khu phố 2, phường Phước Hưng; ĐT 0909.000.101 hoặc +84 909 000 101; mai@demo.example; CCCD 079201001234.',
      SUBMITTER
    );
    for (const personal of ['Tổ 5', '0909', '909 000', 'mai@', '079201001234'])
      expect(out).not.toContain(personal);
    expect(out).toContain(REDACTED.address);
    expect(out).toContain(REDACTED.idNumber);
  });

  it('masks other contacts too, and keeps legal symbols, dates, codes and amounts', () => {
    const out = redactPersonalData(
      'Theo Nghị định 63/2010/NĐ-CP, thủ tục 1.010727, ngày 31/12/2020, phí 1.000.000 đồng; gọi 0912 345 678.',
      SUBMITTER
    );
    expect(out).toContain('63/2010/NĐ-CP');
    expect(out).toContain('1.010727');
    expect(out).toContain('31/12/2020');
    expect(out).toContain('1.000.000 đồng');
    expect(out).not.toContain('0912 345 678');
  });

  it('replaces with texts in lower case (the scanner carries the lower case of the text along)', () => {
    for (const text of Object.values(REDACTED)) expect(text).toBe(text.toLowerCase());
  });

  it('leaves text alone when the submitter is already anonymous', () => {
    expect(redactPersonalData('Không có dữ liệu cá nhân.', {})).toBe('Không có dữ liệu cá nhân.');
  });
});

/**
 * The regular expressions the scanner replaced, built for each submitter (too slow to compile on every row of an
 * export): the scanner must find exactly what they found.
 */
function redactedByExpressions(text: string, submitter: Submitter): string {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const literal = (t: string) =>
    new RegExp(t.normalize('NFC').trim().split(/\s+/).map(escape).join('\\s+'), 'giu');
  let out = text.normalize('NFC');
  const fullName = submitter.fullName?.normalize('NFC').trim();
  if (fullName) {
    out = out.replace(literal(fullName), REDACTED.name);
    const givenName = fullName.split(/\s+/).pop()!;
    out = out.replace(
      new RegExp(
        `(^|[^\\p{L}])(ông|bà|anh|chị|cô|chú|bác|em|cháu)\\s+${escape(givenName)}(?![\\p{L}])`,
        'giu'
      ),
      (_m, before: string, honorific: string) => `${before}${honorific} ${REDACTED.name}`
    );
  }
  if (submitter.address?.trim()) out = out.replace(literal(submitter.address), REDACTED.address);
  if (submitter.email?.trim()) out = out.replace(literal(submitter.email), REDACTED.email);
  const digits = submitter.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 9) {
    const national = digits.startsWith('84') ? digits.slice(2) : digits.replace(/^0/, '');
    const body = national.split('').join('[\\s.\\-]*');
    out = out.replace(new RegExp(`(?:\\(?\\+?84\\)?[\\s.\\-]*|0)${body}(?!\\d)`, 'g'), REDACTED.phone);
  }
  out = out.replace(/(?<!\d|\d[.,/])(\d{12}|\d{9})(?!\d|[.,/]\d)/g, REDACTED.idNumber);
  return maskContacts(out);
}

describe('redactPersonalData finds what per-submitter regular expressions found', () => {
  const words = 'Nguyễn Thị Mai An Ánh Tổ khu phường số'.split(' ').concat('Mai Châu');
  const names = ['Nguyễn', 'Thị', 'Mai', 'An'];
  const spaces = [' ', ' ', '  ', '\t', '\u00a0', '\n'];
  const phones = ['0909000101', '+84 909 000 101', '84909000101', '(+84)909.000.101', '0909-000-1010'];
  const cased = (word: string, upper: boolean) => (upper ? word.toUpperCase() : word);
  const token = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, u]) => cased(w, u)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...spaces), fc.constantFrom(...names), fc.boolean())
        .map(([a, space, b, u]) => cased(a + space + b, u)),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('ông', 'Bà', 'chị', 'cháu', 'em'), fc.boolean(), fc.constantFrom(...spaces))
        .map(([w, u, space]) => cased(w, u) + space),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...spaces, ',', '.', '(', ')', '-', '+', '/', 'h', '1', '0', '84'),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...phones,
        '090 900 0101',
        'mai@demo.example',
        '079201001234',
        'TỔ 5, khu  phố 2',
        'Số 1 Mai Châu'
      ),
    }
  );
  const submitter = fc.record({
    fullName: fc.oneof(
      fc.constant(null),
      fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))
    ),
    address: fc.oneof(fc.constant(null), fc.constantFrom('Tổ 5, khu phố 2', 'số 1 Mai Châu', '  ')),
    phone: fc.oneof(fc.constant(null), fc.constantFrom(...phones, '12345')),
    email: fc.oneof(fc.constant(null), fc.constant('mai@demo.example')),
  });

  it('on texts made of names, forms of address, phones and numbers in any case and spacing', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), submitter, (tokens, who) => {
        const text = tokens.join('');
        expect(redactPersonalData(text, who)).toBe(redactedByExpressions(text, who));
      }),
      { numRuns: 10000 }
    );
  });
});
