import {
  DEFAULT_FEEDBACK_LIMITS,
  FEEDBACK_KINDS,
  normalizePhone,
  receivedFeedback,
  validateFeedback,
  validateHoneypot,
} from '../feedback-intake';
import { generateTrackingCode, hashTrackingCode, normalizeTrackingCode } from '../tracking-code';
import { answersOf, paths } from './fixtures';

const valid = () => ({
  fullName: 'Nguyễn Thị Hồng',
  address: '12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh',
  phone: '0909 123 456',
  email: null as string | null,
  kind: 'impractical_rule',
  subject: 'Thời hạn cấp giấy phép môi trường quá dài',
  content: 'Thủ tục yêu cầu nộp bản sao có chứng thực\nmặc dù đã có dữ liệu trên hệ thống.',
  procedure: null as string | null,
  consent: { processing: true, publishAnswer: false },
});

const { ok, errorsOf } = answersOf(validateFeedback);

/** `text` in each free-text field in turn: that field alone is refused, its message in `language` saying `why`. */
function expectRefusedInEachTextField(text: string, language: 'vi' | 'en', why: string) {
  for (const key of ['fullName', 'address', 'subject', 'content'] as const) {
    const errors = errorsOf({ ...valid(), [key]: text });
    expect(paths(errors)).toEqual([key]);
    expect(errors[0].messages![language]).toContain(why);
  }
}

describe('FEEDBACK_KINDS', () => {
  it('lists the eight kinds of Decree 20/2008 Art. 5 in order, labelled in both languages', () => {
    expect(FEEDBACK_KINDS.map((kind) => kind.value)).toEqual([
      'official_conduct',
      'impractical_rule',
      'inconsistent_rules',
      'unlawful_rule',
      'treaty_conflict',
      'other_issue',
      'proposed_solution',
      'new_rule_initiative',
    ]);
    for (const { label } of FEEDBACK_KINDS) {
      expect(label.vi.length).toBeGreaterThan(5);
      expect(label.en.length).toBeGreaterThan(5);
      expect(label.vi).toBe(label.vi.normalize('NFC'));
    }
    expect(FEEDBACK_KINDS[3].label.vi).toBe('Quy định hành chính không hợp pháp');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0909 123 456', '0909123456'],
    ['0909.123.456', '0909123456'],
    ['0909-123-456', '0909123456'],
    ['+84 909 123 456', '0909123456'],
    ['84909123456', '0909123456'],
    ['0084 909 123 456', '0909123456'],
    ['+84 (0) 909 123 456', '0909123456'],
    ['(028) 3829 1234', '02838291234'],
    ['+84 28 3829 1234', '02838291234'],
    ['\u00a00909\u00a0123\u00a0456 ', '0909123456'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '12345',
    '0909',
    'abc',
    '09O9 123 456',
    '0909 123 456 789',
    '+1 202 555 0143',
    '909123456',
    '+84',
    '',
    '++84909123456',
    '0909/123/456',
    '０９０９１２３４５６',
    '0'.repeat(100),
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(normalizePhone(909123456 as unknown as string)).toBeNull();
    expect(normalizePhone(null as unknown as string)).toBeNull();
  });
});

describe('validateFeedback', () => {
  it('accepts a complete submission and returns clean values', () => {
    expect(ok(valid())).toEqual({
      ...valid(),
      phone: '0909123456',
      consent: { processing: true, publishAnswer: false },
    });
  });

  it('trims, NFC-normalizes and lower-cases the email domain', () => {
    const value = ok({
      ...valid(),
      fullName: '  Nguye\u0302\u0303n Va\u0306n A  ',
      subject: '\tChậm trễ\t',
      email: ' Hong.Nguyen+pakn@Example.GOV.vn ',
    });
    expect(value.fullName).toBe('Nguyễn Văn A');
    expect(value.fullName).toBe(value.fullName.normalize('NFC'));
    expect(value.subject).toBe('Chậm trễ');
    expect(value.email).toBe('Hong.Nguyen+pakn@example.gov.vn');
  });

  it('ignores unknown keys and the fields the caller handles', () => {
    const value = ok({ ...valid(), formToken: 'x.y', website: '', extra: { deep: true }, isAdmin: true });
    expect(value).not.toHaveProperty('formToken');
    expect(value).not.toHaveProperty('extra');
    expect(value).not.toHaveProperty('isAdmin');
  });

  it.each([
    ['null', null],
    ['a string', 'fullName=x'],
    ['an array', [valid()]],
    ['a number', 42],
    ['undefined', undefined],
    ['a class instance', new Date()],
  ])('rejects %s as a whole with one error at the root', (_name, raw) => {
    const errors = errorsOf(raw);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual([]);
  });

  it('accepts an object without prototype', () => {
    expect(ok(Object.assign(Object.create(null), valid())).fullName).toBe('Nguyễn Thị Hồng');
  });

  it.each(['fullName', 'address', 'subject', 'content', 'kind'] as const)('requires %s', (key) => {
    for (const missing of [undefined, null, '', '   \n\t ']) {
      const raw: Record<string, unknown> = { ...valid(), [key]: missing };
      if (missing === undefined) delete raw[key];
      const errors = errorsOf(raw);
      expect(paths(errors)).toEqual([key]);
    }
  });

  it.each(['fullName', 'address', 'phone', 'email', 'subject', 'content'] as const)(
    'rejects a %s that is not text',
    (key) => {
      for (const wrong of [42, true, ['a'], { vi: 'x' }]) {
        expect(paths(errorsOf({ ...valid(), [key]: wrong }))).toContain(key);
      }
    }
  );

  it('requires a phone number or an email address, reported on phone', () => {
    const errors = errorsOf({ ...valid(), phone: null, email: '' });
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual(['phone']);
    expect(errors[0].messages!.vi).toContain('số điện thoại hoặc địa chỉ thư điện tử');
    expect(errors[0].messages!.en).toMatch(/phone number or an email/);
    expect(ok({ ...valid(), phone: null, email: 'a@b.vn' }).email).toBe('a@b.vn');
    expect(ok({ ...valid(), phone: '0909123456', email: undefined }).email).toBeNull();
  });

  it('rejects an invalid phone number even when an email address is given', () => {
    for (const phone of ['12345', '0909', 'gọi giờ hành chính']) {
      const errors = errorsOf({ ...valid(), phone, email: 'a@b.vn' });
      expect(paths(errors)).toEqual(['phone']);
      expect(errors[0].messages!.vi).toContain('không hợp lệ');
    }
  });

  it.each([
    'plain',
    '@example.vn',
    'a@',
    'a@b',
    'a b@example.vn',
    'a@exa mple.vn',
    'a@@example.vn',
    'a@b@example.vn',
    'a..b@example.vn',
    '.a@example.vn',
    'a.@example.vn',
    'a@-example.vn',
    'a@example-.vn',
    'a@example..vn',
    'a@example.v',
    'a@example.123',
    'a@.example.vn',
    'a@example.vn.',
    'người@example.vn',
    'a@ví-dụ.vn',
    `${'a'.repeat(65)}@example.vn`,
    `a@${'b'.repeat(64)}.vn`,
  ])('rejects the email address %j', (email) => {
    expect(paths(errorsOf({ ...valid(), email }))).toEqual(['email']);
  });

  it.each([
    'a@b.vn',
    'first.last@sub.domain.gov.vn',
    "o'brien+tag@example.com",
    'x@xn--vi-dua.vn',
    'A_B@EXAMPLE.VN',
  ])('accepts the email address %j', (email) => {
    expect(ok({ ...valid(), email }).email).toBe(email.replace(/@.*/, (domain) => domain.toLowerCase()));
  });

  it('rejects an email address over the limit, naming the limit', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.vn`;
    expect(email).toHaveLength(256);
    const errors = errorsOf({ ...valid(), email });
    expect(paths(errors)).toEqual(['email']);
    expect(errors[0].messages!.vi).toContain('254');
  });

  it('rejects an unknown kind', () => {
    for (const kind of ['complaint', 'OFFICIAL_CONDUCT', 3, ['other_issue'], '__proto__', 'toString']) {
      expect(paths(errorsOf({ ...valid(), kind }))).toEqual(['kind']);
    }
    for (const { value } of FEEDBACK_KINDS) expect(ok({ ...valid(), kind: value }).kind).toBe(value);
  });

  it('accepts a procedure documentId, or none', () => {
    const id = 'abcdefghij0123456789klmn';
    expect(ok({ ...valid(), procedure: id }).procedure).toBe(id);
    expect(ok({ ...valid(), procedure: ` ${id} ` }).procedure).toBe(id);
    expect(ok({ ...valid(), procedure: '' }).procedure).toBeNull();
    const { procedure: _omitted, ...withoutProcedure } = valid();
    expect(ok(withoutProcedure).procedure).toBeNull();
  });

  it.each([
    'short',
    'ABCDEFGHIJ0123456789KLMN',
    'abcdefghij0123456789klmn-',
    'a'.repeat(33),
    "abcdefghij0123456789' OR 1=1",
    42,
    { id: 1 },
    ['abcdefghij0123456789klmn'],
  ])('rejects the procedure reference %j', (procedure) => {
    expect(paths(errorsOf({ ...valid(), procedure }))).toEqual(['procedure']);
  });

  it('rejects over-long fields, naming the limit', () => {
    const cases: [keyof typeof DEFAULT_FEEDBACK_LIMITS, string][] = [
      ['fullName', 'A'.repeat(121)],
      ['address', 'A'.repeat(501)],
      ['phone', '0909 123 456 7777777777'],
      ['subject', 'Ă'.repeat(256)],
      ['content', 'ệ'.repeat(10_001)],
    ];
    for (const [key, value] of cases) {
      const errors = errorsOf({ ...valid(), [key]: value });
      expect(paths(errors)).toEqual([key]);
      expect(errors[0].messages!.vi).toContain(String(DEFAULT_FEEDBACK_LIMITS[key]));
      expect(errors[0].messages!.en).toContain(String(DEFAULT_FEEDBACK_LIMITS[key]));
    }
    expect(ok({ ...valid(), fullName: 'A'.repeat(120), content: 'ệ'.repeat(10_000) }).fullName).toHaveLength(
      120
    );
  });

  it('measures length after trimming and NFC normalization', () => {
    // 120 decomposed "ễ" (3 code units each) are 120 characters once composed.
    const decomposed = 'e\u0302\u0303'.repeat(120);
    expect(ok({ ...valid(), fullName: `   ${decomposed}   ` }).fullName).toBe('ễ'.repeat(120));
  });

  it('rejects huge hostile input cheaply with a length error', () => {
    const errors = errorsOf({ ...valid(), content: 'x'.repeat(5_000_000) });
    expect(paths(errors)).toEqual(['content']);
    expect(errors[0].messages!.en).toContain('10000');
  });

  it('honours custom limits', () => {
    const limits = { ...DEFAULT_FEEDBACK_LIMITS, subject: 10 };
    expect(paths(errorsOf({ ...valid(), subject: 'Mười một ký' }, { limits }))).toEqual(['subject']);
  });

  it('allows line breaks and tabs in the content only', () => {
    expect(ok({ ...valid(), content: 'Dòng 1\n\tDòng 2' }).content).toBe('Dòng 1\n\tDòng 2');
    expect(ok({ ...valid(), content: 'Dòng 1\r\nDòng 2' }).content).toBe('Dòng 1\nDòng 2');
    for (const key of ['fullName', 'address', 'subject'] as const) {
      expect(paths(errorsOf({ ...valid(), [key]: 'Dòng 1\nDòng 2' }))).toEqual([key]);
      expect(paths(errorsOf({ ...valid(), [key]: 'Dòng 1\r\nDòng 2' }))).toEqual([key]);
    }
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b[31m'],
    ['lone carriage return', 'a\rb'],
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
    ['DEL', '\u007f'],
    ['C1 control', '\u0085'],
    ['bidi override', '\u202e'],
    ['bidi isolate', '\u2066'],
    ['lone surrogate', '\ud800'],
  ])('rejects a %s in any text field', (_name, char) => {
    expectRefusedInEachTextField(`Nội dung ${char} ở giữa`, 'vi', 'ký tự điều khiển');
    expect(paths(errorsOf({ ...valid(), email: `a${char}@b.vn` }))).toEqual(['email']);
  });

  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width joiners', '\u200c\u200d'],
    ['word joiner and BOM', '\u2060\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['Hangul fillers', '\u3164\u115f\u1160\uffa0'],
    ['Mongolian vowel separator', '\u180e'],
    ['Braille blank', '\u2800'],
    ['spaces between invisibles', ' \u200b \u00a0\u200b '],
  ])('does not count a %s as content: a required field of only that is required', (_name, blank) => {
    expectRefusedInEachTextField(blank, 'en', 'is required');
  });

  it('drops invisible characters from the text, keeping joiners between visible ones', () => {
    expect(ok({ ...valid(), fullName: '\u200bNguyễn\u2060 Văn\u00ad An\ufeff' }).fullName).toBe(
      'Nguyễn Văn An'
    );
    expect(ok({ ...valid(), content: 'Gia đình 👨\u200d👩\u200d👧' }).content).toBe(
      'Gia đình 👨\u200d👩\u200d👧'
    );
  });

  it('refuses line and paragraph separators in single-line fields, and reads them as line breaks in the content', () => {
    for (const key of ['fullName', 'address', 'subject'] as const) {
      for (const separator of ['\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\r']) {
        const errors = errorsOf({ ...valid(), [key]: `Dòng 1${separator}Dòng 2` });
        expect(paths(errors)).toEqual([key]);
        expect(errors[0].messages!.vi).toContain('xuống dòng');
      }
    }
    expect(ok({ ...valid(), content: 'Dòng 1\u2028Dòng 2\u2029Dòng 3' }).content).toBe(
      'Dòng 1\nDòng 2\nDòng 3'
    );
  });

  it('keeps emoji and ordinary Vietnamese punctuation', () => {
    expect(ok({ ...valid(), content: 'Cảm ơn 🙏 — “Sở” (NN&MT)…' }).content).toBe(
      'Cảm ơn 🙏 — “Sở” (NN&MT)…'
    );
  });

  describe('consent', () => {
    it('requires consent to processing, exactly true', () => {
      for (const consent of [
        undefined,
        null,
        true,
        'yes',
        [],
        {},
        { processing: false },
        { processing: 'true' },
        { processing: 1 },
        { publishAnswer: true },
      ]) {
        const raw: Record<string, unknown> = { ...valid(), consent };
        const errors = errorsOf(raw);
        expect(paths(errors)).toContain('consent.processing');
        const error = errors.find((e) => e.path.join('.') === 'consent.processing')!;
        expect(error.messages!.vi).toContain('đồng ý');
        expect(error.messages!.vi).toContain('xử lý');
        expect(error.messages!.en).toMatch(/consent/);
      }
    });

    it('defaults publishAnswer to false and otherwise requires a boolean', () => {
      expect(ok({ ...valid(), consent: { processing: true } }).consent).toEqual({
        processing: true,
        publishAnswer: false,
      });
      expect(
        ok({ ...valid(), consent: { processing: true, publishAnswer: null } }).consent.publishAnswer
      ).toBe(false);
      expect(
        ok({ ...valid(), consent: { processing: true, publishAnswer: true } }).consent.publishAnswer
      ).toBe(true);
      for (const publishAnswer of ['true', 1, 0, {}, 'yes']) {
        expect(paths(errorsOf({ ...valid(), consent: { processing: true, publishAnswer } }))).toEqual([
          'consent.publishAnswer',
        ]);
      }
    });

    it('does not read consent from the prototype chain', () => {
      const consent = Object.create({ processing: true });
      expect(paths(errorsOf({ ...valid(), consent }))).toEqual(['consent.processing']);
      const inherited = Object.assign(Object.create({ processing: true }), { publishAnswer: true });
      expect(paths(errorsOf({ ...valid(), consent: inherited }))).toEqual(['consent.processing']);
    });

    it('is not polluted by a __proto__ key', () => {
      const raw = JSON.parse(
        JSON.stringify({ ...valid(), consent: undefined }).replace(
          /}$/,
          ',"consent":{"__proto__":{"processing":true}}}'
        )
      );
      expect(paths(errorsOf(raw))).toEqual(['consent.processing']);
    });
  });

  it('reports every problem together, in both languages', () => {
    const raw = {
      fullName: '',
      address: 42,
      phone: '12345',
      email: 'not an email',
      kind: 'complaint',
      subject: 'S'.repeat(300),
      content: 'Bad \u0000 content',
      procedure: 'x',
      consent: { processing: false, publishAnswer: 'maybe' },
    };
    const errors = errorsOf(raw, { language: 'en' });
    expect(paths(errors)).toEqual([
      'fullName',
      'address',
      'phone',
      'email',
      'kind',
      'subject',
      'content',
      'procedure',
      'consent.processing',
      'consent.publishAnswer',
    ]);
    for (const error of errors) {
      expect(error.message).toBe(error.messages!.en);
      expect(error.messages!.vi).toMatch(
        /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i
      );
      expect(error.messages!.vi).not.toBe(error.messages!.en);
    }
    const vi = errorsOf(raw);
    expect(vi.map((error) => error.message)).toEqual(vi.map((error) => error.messages!.vi));
  });
});

describe('validateHoneypot', () => {
  it('passes when the hidden field is absent or empty', () => {
    expect(validateHoneypot(undefined)).toBeNull();
    expect(validateHoneypot(null)).toBeNull();
    expect(validateHoneypot('')).toBeNull();
  });

  it.each(['http://spam.example', ' ', 0, false, {}, []])('flags %j', (value) => {
    const error = validateHoneypot(value)!;
    expect(error.path).toEqual(['website']);
    expect(error.messages!.vi).toBeTruthy();
    expect(error.messages!.en).toBeTruthy();
  });

  it('answers in the language asked for', () => {
    expect(validateHoneypot('x', 'en')!.message).toBe(validateHoneypot('x')!.messages!.en);
  });
});

describe('receivedFeedback', () => {
  const input = {
    fullName: 'Nguyễn Văn A',
    address: 'Phường 1',
    phone: '0909000101',
    email: null,
    kind: FEEDBACK_KINDS[0].value,
    subject: 'Chủ đề',
    content: 'Nội dung',
    procedure: null,
    consent: { processing: true as const, publishAnswer: false },
  };
  const receivedAt = new Date('2026-12-01T02:00:00Z');

  it('stores the hash of the tracking code, never the code, with the consent and the deadlines', () => {
    const trackingCode = generateTrackingCode();
    const record = receivedFeedback({
      input,
      channel: 'phone',
      language: 'vi',
      procedureId: 'abcdefghijklmnopqrstuvwx',
      noticeVersion: '2026-01',
      receivedAt,
      trackingCode,
      due: { dueDate: '2026-12-15' },
    });
    expect(record).toMatchObject({
      fullName: 'Nguyễn Văn A',
      channel: 'phone',
      procedure: 'abcdefghijklmnopqrstuvwx',
      consent: { noticeVersion: '2026-01', consentedAt: receivedAt, processing: true, publishAnswer: false },
      state: 'received',
      receivedAt,
      dueDate: '2026-12-15',
    });
    expect(record.trackingCodeHash).toBe(hashTrackingCode(normalizeTrackingCode(trackingCode)!));
    expect(JSON.stringify(record)).not.toContain(normalizeTrackingCode(trackingCode)!);
  });
});
