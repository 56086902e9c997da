/** A field-level problem, as Strapi reports it in `error.details.errors`, with both product languages. */
export interface FieldError {
  path: string[];
  message: string;
  messages?: { vi: string; en: string };
}

export type Language = 'vi' | 'en';

/** A bilingual field error; `message` is in the language asked for (Vietnamese by default). */
export const fieldError = (
  path: string[],
  vi: string,
  en: string,
  language: Language = 'vi'
): FieldError => ({
  path,
  message: language === 'en' ? en : vi,
  messages: { vi, en },
});

/** What a conflict (409) is about, with its message in both languages. */
export const CONFLICT_MESSAGES = {
  submission: {
    vi: 'Tin bài vừa được người khác thay đổi: tải lại rồi thử lại.',
    en: 'The submission was changed by someone else: reload it and try again.',
  },
  feedback: {
    vi: 'Phản ánh vừa được người khác thay đổi: tải lại rồi thử lại.',
    en: 'The feedback was changed by someone else: reload it and try again.',
  },
  difficulty: {
    vi: 'Khó khăn, vướng mắc vừa được người khác thay đổi: tải lại rồi thử lại.',
    en: 'The difficulty was changed by someone else: reload it and try again.',
  },
  report: {
    vi: 'Báo cáo vừa được người khác thay đổi: tải lại rồi thử lại.',
    en: 'The report was changed by someone else: reload it and try again.',
  },
  procedureImport: {
    vi: 'Lần nhập này đã được áp dụng hoặc đang được áp dụng: hãy xem lịch sử nhập.',
    en: 'This import has already been applied or is being applied: see the import history.',
  },
  idempotencyKey: {
    vi: 'Một yêu cầu với khóa Idempotency-Key này đang được xử lý.',
    en: 'A request with this Idempotency-Key is being processed.',
  },
} satisfies Record<string, { vi: string; en: string }>;
export type ConflictSubject = keyof typeof CONFLICT_MESSAGES;

/**
 * A write refused because the record changed since the client read it (its version moved on), or because the same
 * request is already running: answered 409 (utils/errors.ts `sendConflict`), the client reloads.
 */
export class ConflictError extends Error {
  constructor(readonly subject: ConflictSubject) {
    super(CONFLICT_MESSAGES[subject].en);
    this.name = 'ConflictError';
  }

  messageIn(language: Language) {
    return CONFLICT_MESSAGES[this.subject][language];
  }
}

/** A checked input: its clean value, or every problem found in it. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The answer to a body that is not a plain object: nothing in it can be checked field by field. */
export const notAnObject = (language: Language): Validated<never> => ({
  ok: false,
  errors: [fieldError([], 'Dữ liệu gửi lên không hợp lệ.', 'The submitted data is invalid.', language)],
});
