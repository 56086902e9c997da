/**
 * What a citizen's feedback (phản ánh, kiến nghị) on administrative rules must contain before we record it:
 * the content kinds of Decree 20/2008 Art. 5 and the requirements of Art. 7.1 (Vietnamese text, clear content,
 * name, address and a phone number or mail address to reach the submitter). The input comes from a public API,
 * so every field is checked for type, length and stray control characters, and all problems are reported at once.
 */
import { fieldError, notAnObject, type FieldError, type Language, type Validated } from './errors';
import { FEEDBACK_KINDS, type FeedbackKind } from './feedback-kinds';
import { hashTrackingCode, normalizeTrackingCode } from './tracking-code';

export { FEEDBACK_KINDS, type FeedbackKind };

/** The kinds' stored values, in the law's order. */
export const FEEDBACK_KIND_VALUES: readonly FeedbackKind[] = FEEDBACK_KINDS.map((kind) => kind.value);

export interface FeedbackLimits {
  fullName: number;
  address: number;
  phone: number;
  email: number;
  subject: number;
  content: number;
}

/** Maximum lengths in UTF-16 code units, never more than the characters a database column counts. */
export const DEFAULT_FEEDBACK_LIMITS: FeedbackLimits = {
  fullName: 120,
  address: 500,
  phone: 20,
  email: 254,
  subject: 255,
  content: 10000,
};

export interface FeedbackInput {
  fullName: string;
  address: string;
  phone: string | null;
  email: string | null;
  kind: FeedbackKind;
  subject: string;
  content: string;
  procedure: string | null;
  consent: { processing: true; publishAnswer: boolean };
}

/**
 * A feedback as it is stored when it is received, whether through the public form or registered by the Office: the
 * submitter's fields, the consent to the processing notice, the hash of its tracking code (never the code) and the
 * deadlines computed on receipt.
 */
export function receivedFeedback<Due extends object>(received: {
  input: FeedbackInput;
  channel: string;
  language: 'vi' | 'en';
  procedureId: string | null;
  noticeVersion: string;
  receivedAt: Date;
  trackingCode: string;
  due: Due;
}) {
  const { input, receivedAt } = received;
  return {
    fullName: input.fullName,
    address: input.address,
    phone: input.phone,
    email: input.email,
    kind: input.kind,
    subject: input.subject,
    content: input.content,
    channel: received.channel,
    language: received.language,
    procedure: received.procedureId,
    consent: {
      noticeVersion: received.noticeVersion,
      consentedAt: receivedAt,
      processing: true,
      publishAnswer: input.consent.publishAnswer,
    },
    trackingCodeHash: hashTrackingCode(normalizeTrackingCode(received.trackingCode)!),
    state: 'received' as const,
    receivedAt,
    ...received.due,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers (also used by survey-intake)

/** A Strapi 5 documentId. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9]{20,32}$/;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Reads own properties only, so keys such as `constructor` never reach the prototype. */
export const own = (object: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/** C0 and C1 controls except tab and line feed, bidi overrides (text spoofing), and lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u;

/**
 * Characters that show nothing: format characters (zero-widths, soft hyphen, BOM, word joiner…) and the Hangul,
 * Mongolian and Braille fillers that fonts draw blank. They are dropped, so they never count as content.
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u180E\u2800]/gu;
/** Zero-width (non-)joiners are kept inside text, where they shape emoji and some scripts, but are not content. */
const JOINERS = /[\u200C\u200D]/g;
/** Line and paragraph separators: line breaks to a reader, so a single-line field refuses them like LF. */
const SEPARATORS = /[\u2028\u2029]/g;

export interface TextRules {
  label: { vi: string; en: string };
  max: number;
  multiline?: boolean;
  allowTab?: boolean;
}

/**
 * Trims, NFC-normalizes and checks one text value. Returns the clean text ('' when blank), or an error.
 * Callers decide what blank means (required or null). Non-strings are errors; absent values are the caller's.
 */
export function cleanText(
  value: string,
  path: string[],
  rules: TextRules,
  language: Language
): { ok: true; text: string } | { ok: false; error: FieldError } {
  const { label, max, multiline = false, allowTab = true } = rules;
  const tooLong = () =>
    fieldError(
      path,
      `${label.vi} không được dài quá ${max} ký tự.`,
      `${label.en} must be at most ${max} characters long.`,
      language
    );
  // Cheap guard before normalizing huge hostile input (NFC may shrink decomposed text up to about 3×).
  if (value.length > max * 4 + 1024) return { ok: false, error: tooLong() };
  let text = value.normalize('NFC');
  // Browsers may send textarea line breaks as CRLF; they are ordinary line breaks, not controls.
  if (multiline) text = text.replace(/\r\n/g, '\n').replace(SEPARATORS, '\n');
  // Before dropping invisibles: bidi controls are format characters too, and are refused, not dropped.
  const controls = FORBIDDEN.test(text);
  text = text.replace(INVISIBLE, (char) => (char === '\u200C' || char === '\u200D' ? char : '')).trim();
  if (text.replace(JOINERS, '').trim() === '') text = '';
  const forbidden =
    controls || (!multiline && /[\n\u2028\u2029]/.test(text)) || (!allowTab && text.includes('\t'));
  if (forbidden) {
    return {
      ok: false,
      error: fieldError(
        path,
        multiline
          ? `${label.vi} chứa ký tự điều khiển không hợp lệ.`
          : `${label.vi} chứa ký tự điều khiển hoặc xuống dòng không hợp lệ.`,
        multiline
          ? `${label.en} contains invalid control characters.`
          : `${label.en} contains invalid control characters or line breaks.`,
        language
      ),
    };
  }
  // UTF-16 length: never below the character count a database column or Strapi's own validation applies.
  if (text.length > max) return { ok: false, error: tooLong() };
  return { ok: true, text };
}

/** Optional reference to a procedure by documentId; '' and null both mean none. */
export function validateProcedureRef(
  value: unknown,
  path: string[],
  language: Language
): { ok: true; value: string | null } | { ok: false; error: FieldError } {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'string') {
    const id = value.trim();
    if (id === '') return { ok: true, value: null };
    if (DOCUMENT_ID_PATTERN.test(id)) return { ok: true, value: id };
  }
  return {
    ok: false,
    error: fieldError(
      path,
      'Thủ tục hành chính không hợp lệ.',
      'The administrative procedure is invalid.',
      language
    ),
  };
}

export const notText = (path: string[], label: { vi: string; en: string }, language: Language): FieldError =>
  fieldError(path, `${label.vi} phải là chuỗi ký tự.`, `${label.en} must be text.`, language);

// ---------------------------------------------------------------------------------------------------------------
// Phone and email

/**
 * Vietnamese phone numbers as people write them: "0909 123 456", "+84 909 123 456", "(028) 3829 1234",
 * "+84 (0) 909…". Returns the domestic form (0 followed by 9 or 10 digits) or null.
 */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let digits = input.replace(/[\s.()-]/g, '');
  const international = /^(?:\+84|0084|84)(\d+)$/.exec(digits);
  // The trunk 0 some people keep after the country code ("+84 (0) 909…") is dropped.
  if (international) digits = '0' + international[1].replace(/^0/, '');
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** local@domain.tld with ASCII dot-atom syntax; returns the address with its domain lower-cased, or null. */
function normalizeEmail(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (domain.length > 253) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!TOP_LEVEL.test(labels[labels.length - 1])) return null;
  return `${local}@${domain}`;
}

// ---------------------------------------------------------------------------------------------------------------

const LABELS = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  email: { vi: 'Địa chỉ thư điện tử', en: 'Email address' },
  subject: { vi: 'Tiêu đề', en: 'Subject' },
  content: { vi: 'Nội dung phản ánh, kiến nghị', en: 'Feedback content' },
} as const;

const KIND_VALUES: ReadonlySet<string> = new Set(FEEDBACK_KIND_VALUES);

/** The kind of a feedback, as intake and a correction at classification check it: the problem, or null. */
export function validateKind(value: unknown, language: Language): FieldError | null {
  if (value === undefined || value === null || value === '') {
    return fieldError(
      ['kind'],
      'Vui lòng chọn loại phản ánh, kiến nghị.',
      'Please choose the kind of feedback.',
      language
    );
  }
  if (typeof value !== 'string' || !KIND_VALUES.has(value)) {
    return fieldError(
      ['kind'],
      'Loại phản ánh, kiến nghị không hợp lệ.',
      'The kind of feedback is invalid.',
      language
    );
  }
  return null;
}

/** The hidden `website` field of the form: people never see it, so anything in it was filled by a bot. */
export function validateHoneypot(value: unknown, language: Language = 'vi'): FieldError | null {
  if (value === undefined || value === null || value === '') return null;
  return fieldError(['website'], 'Trường này phải để trống.', 'This field must be left empty.', language);
}

/**
 * The frame of a form's check: a body that is not a plain object is one error at the root; otherwise `check` reads
 * it field by field, recording every problem in `errors`, and its value is handed on only when there is none.
 */
export function validateForm<T>(
  raw: unknown,
  language: Language,
  check: (body: Record<string, unknown>, errors: FieldError[], language: Language) => T
): Validated<T> {
  if (!isPlainObject(raw)) return notAnObject(language);
  const errors: FieldError[] = [];
  const value = check(raw, errors, language);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

export function validateFeedback(
  raw: unknown,
  options: { limits?: FeedbackLimits; language?: Language } = {}
): Validated<FeedbackInput> {
  const limits = options.limits ?? DEFAULT_FEEDBACK_LIMITS;
  return validateForm(raw, options.language ?? 'vi', (body, errors, language) => {
    /** '' for absent or blank; null when the value was rejected (the error is already recorded). */
    const text = (key: keyof typeof LABELS, multiline = false): string | null => {
      const value = own(body, key);
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') {
        errors.push(notText([key], LABELS[key], language));
        return null;
      }
      const result = cleanText(value, [key], { label: LABELS[key], max: limits[key], multiline }, language);
      if (!result.ok) {
        errors.push(result.error);
        return null;
      }
      return result.text;
    };
    const required = (key: keyof typeof LABELS, multiline = false): string => {
      const value = text(key, multiline);
      if (value === '') {
        errors.push(
          fieldError(
            [key],
            `Vui lòng nhập ${LABELS[key].vi.toLowerCase()}.`,
            `${LABELS[key].en} is required.`,
            language
          )
        );
      }
      return value ?? '';
    };

    const fullName = required('fullName');
    const address = required('address');

    /** A contact in its one stored spelling; `example` words the refusal of one that cannot be read. */
    const contact = (
      key: 'phone' | 'email',
      normalize: (value: string) => string | null,
      example: { vi: string; en: string }
    ): { typed: string | null; value: string | null } => {
      const typed = text(key);
      if (!typed) return { typed, value: null };
      const value = normalize(typed);
      if (!value) errors.push(fieldError([key], example.vi, example.en, language));
      return { typed, value };
    };
    const phone = contact('phone', normalizePhone, {
      vi: 'Số điện thoại không hợp lệ (ví dụ: 0909 123 456 hoặc +84 909 123 456).',
      en: 'The phone number is invalid (for example 0909 123 456 or +84 909 123 456).',
    });
    const email = contact('email', normalizeEmail, {
      vi: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).',
      en: 'The email address is invalid (for example name@example.vn).',
    });
    // Decree 20/2008 Art. 7.1.d: the agency must be able to reach the submitter.
    if (phone.typed === '' && email.typed === '') {
      errors.push(
        fieldError(
          ['phone'],
          'Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử để cơ quan liên hệ khi cần.',
          'Please give a phone number or an email address so that the agency can contact you.',
          language
        )
      );
    }

    const kind = validateKind(own(body, 'kind'), language);
    if (kind) errors.push(kind);

    const subject = required('subject');
    const content = required('content', true);

    const procedure = validateProcedureRef(own(body, 'procedure'), ['procedure'], language);
    if (!procedure.ok) errors.push(procedure.error);

    // Decree 13/2023 Art. 11: consent is explicit and per purpose; silence is not consent.
    const consent = isPlainObject(own(body, 'consent'))
      ? (own(body, 'consent') as Record<string, unknown>)
      : {};
    if (own(consent, 'processing') !== true) {
      errors.push(
        fieldError(
          ['consent', 'processing'],
          'Cần có sự đồng ý của ông/bà cho việc xử lý dữ liệu cá nhân để cơ quan tiếp nhận và xử lý phản ánh, kiến nghị.',
          'We need your consent to the processing of your personal data to receive and handle your feedback.',
          language
        )
      );
    }
    const publishValue = own(consent, 'publishAnswer');
    const publishAnswer = publishValue === undefined || publishValue === null ? false : publishValue;
    if (typeof publishAnswer !== 'boolean') {
      errors.push(
        fieldError(
          ['consent', 'publishAnswer'],
          'Lựa chọn đồng ý công khai câu trả lời phải là có hoặc không.',
          'Consent to publishing the answer must be yes or no.',
          language
        )
      );
    }

    return {
      fullName,
      address,
      phone: phone.value,
      email: email.value,
      kind: own(body, 'kind') as FeedbackKind,
      subject,
      content,
      procedure: procedure.ok ? procedure.value : null,
      consent: { processing: true, publishAnswer: publishAnswer as boolean },
    };
  });
}
