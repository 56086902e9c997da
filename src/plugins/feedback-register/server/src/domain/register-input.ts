/**
 * What staff send to the register, checked: a feedback the Office registers from a phone call, a letter or an
 * e-mail; the body of a workflow move; and the filters of the register list. Every problem is reported at once.
 * Pure module.
 */
import { fieldError, notAnObject, type FieldError, type Language, type Validated } from '#domain/errors';
import {
  cleanText,
  DOCUMENT_ID_PATTERN,
  FEEDBACK_KINDS,
  isPlainObject,
  notText,
  own,
  validateFeedback,
  validateKind,
  validateProcedureRef,
  type FeedbackInput,
  type FeedbackLimits,
} from '#domain/feedback-intake';
import { QueryReader, type Parsed } from '#domain/query-params';
import { isIsoDate } from '#domain/working-days';
import { CORRECTIONS, FEEDBACK_STATES, type Correction, type TransitionInput } from './workflow';

export const STAFF_CHANNELS = ['phone', 'paper', 'email'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
/** Every channel a feedback may have come through: the public form (web) and the Office's. */
export const FEEDBACK_CHANNELS = ['web', ...STAFF_CHANNELS] as const;

export interface Registration {
  channel: StaffChannel;
  receivedAt: Date;
  feedback: FeedbackInput;
}

/** How far back the Office may date a registration: letters arrive late, but not years late. */
const MAX_BACKDATE_DAYS = 366;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function validateRegistration(
  raw: unknown,
  options: { limits: FeedbackLimits; language: Language; now: Date }
): Validated<Registration> {
  const { language, now } = options;
  if (!isPlainObject(raw)) {
    return notAnObject(language);
  }
  const errors: FieldError[] = [];
  const { channel, receivedAt, consent, ...rest } = raw;
  if (!(STAFF_CHANNELS as readonly unknown[]).includes(channel)) {
    errors.push(
      fieldError(
        ['channel'],
        'Vui lòng chọn kênh tiếp nhận: điện thoại, văn bản giấy hoặc thư điện tử.',
        'Please choose the channel: phone, paper or e-mail.',
        language
      )
    );
  }
  const at =
    typeof receivedAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(receivedAt) ? new Date(receivedAt) : null;
  if (!at || Number.isNaN(at.getTime())) {
    errors.push(
      fieldError(
        ['receivedAt'],
        'Vui lòng nhập thời điểm tiếp nhận (ngày và giờ).',
        'Please give the date and time it was received.',
        language
      )
    );
  } else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push(
      fieldError(
        ['receivedAt'],
        'Thời điểm tiếp nhận không được ở tương lai.',
        'It cannot be received in the future.',
        language
      )
    );
  } else if (now.getTime() - at.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    errors.push(
      fieldError(
        ['receivedAt'],
        'Thời điểm tiếp nhận không được quá một năm trước.',
        'It cannot have been received more than a year ago.',
        language
      )
    );
  }
  // Staff record the feedback under the duty to handle it; the submitter still chooses about publication.
  const withConsent = {
    ...rest,
    consent: { ...(isPlainObject(consent) ? consent : {}), processing: true },
  };
  const checked = validateFeedback(withConsent, { limits: options.limits, language });
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { channel: channel as StaffChannel, receivedAt: at!, feedback: checked.value } };
}

export interface TransitionBody extends TransitionInput {
  to: string;
  version: number;
  unitDueDate?: string | null;
  publicSubject?: string | null;
  publicContent?: string | null;
  publicAnswer?: string | null;
}

const TEXT_FIELDS: Record<string, { label: { vi: string; en: string }; max: number; multiline: boolean }> = {
  reason: { label: { vi: 'Lý do', en: 'The reason' }, max: 2000, multiline: true },
  receivingAgency: { label: { vi: 'Cơ quan nhận', en: 'The receiving agency' }, max: 255, multiline: false },
  letterNumber: { label: { vi: 'Số văn bản', en: 'The letter number' }, max: 50, multiline: false },
  answer: { label: { vi: 'Nội dung trả lời', en: 'The answer' }, max: 20000, multiline: true },
  comment: { label: { vi: 'Ý kiến', en: 'The comment' }, max: 5000, multiline: true },
  publicSubject: { label: { vi: 'Tiêu đề công khai', en: 'The public subject' }, max: 255, multiline: false },
  publicContent: {
    label: { vi: 'Nội dung công khai', en: 'The public content' },
    max: 10000,
    multiline: true,
  },
  publicAnswer: { label: { vi: 'Trả lời công khai', en: 'The public answer' }, max: 20000, multiline: true },
};

/** Checks one text field of a request: null when absent or blank. */
function readText(
  raw: Record<string, unknown>,
  key: string,
  errors: FieldError[],
  language: Language
): string | null {
  const rules = TEXT_FIELDS[key];
  const value = own(raw, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.push(notText([key], rules.label, language));
    return null;
  }
  const cleaned = cleanText(value, [key], rules, language);
  if (!cleaned.ok) {
    errors.push(cleaned.error);
    return null;
  }
  return cleaned.text || null;
}

const versionRequired = (language: Language) =>
  fieldError(['version'], 'Thiếu số phiên bản của phản ánh.', 'The version is required.', language);

function readVersion(raw: Record<string, unknown>, errors: FieldError[], language: Language): number {
  const version = own(raw, 'version');
  if (Number.isSafeInteger(version) && (version as number) >= 0) return version as number;
  errors.push(versionRequired(language));
  return -1;
}

function unknownKeys(
  raw: Record<string, unknown>,
  allowed: string[],
  errors: FieldError[],
  language: Language
) {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      errors.push(fieldError([key], 'Trường không được hỗ trợ.', 'Unsupported field.', language));
    }
  }
}

/**
 * The corrections a move may carry (workflow CORRECTIONS), checked like intake: a kind and a channel are never
 * emptied; a procedure is a documentId, or null (or '') to unlink it. Absent keys are no correction.
 */
function readCorrections(
  raw: Record<string, unknown>,
  errors: FieldError[],
  language: Language
): Pick<TransitionBody, Correction> {
  const found: Pick<TransitionBody, Correction> = {};
  const kind = own(raw, 'kind');
  if (kind !== undefined) {
    const problem = validateKind(kind, language);
    if (problem) errors.push(problem);
    else found.kind = kind as string;
  }
  const channel = own(raw, 'channel');
  if (channel !== undefined) {
    if ((FEEDBACK_CHANNELS as readonly unknown[]).includes(channel)) found.channel = channel as string;
    else
      errors.push(
        fieldError(
          ['channel'],
          'Kênh tiếp nhận phải là Cổng thông tin, thư điện tử, điện thoại hoặc văn bản giấy.',
          'The channel must be web, email, phone or paper.',
          language
        )
      );
  }
  const procedure = own(raw, 'procedure');
  if (procedure !== undefined) {
    const ref = validateProcedureRef(procedure, ['procedure'], language);
    if (ref.ok) found.procedure = ref.value;
    else errors.push(ref.error);
  }
  return found;
}

export function validateTransitionBody(
  raw: unknown,
  language: Language
): { ok: true; value: TransitionBody } | { ok: false; errors: FieldError[] } {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      errors: [fieldError(['to'], 'Thiếu bước chuyển.', 'The move is required.', language)],
    };
  }
  const errors: FieldError[] = [];
  unknownKeys(
    raw,
    ['to', 'version', 'unit', 'unitDueDate', ...CORRECTIONS, ...Object.keys(TEXT_FIELDS)],
    errors,
    language
  );
  const to = own(raw, 'to');
  if (typeof to !== 'string' || to === '') {
    errors.push(fieldError(['to'], 'Thiếu bước chuyển.', 'The move is required.', language));
  }
  const version = readVersion(raw, errors, language);
  const unit = own(raw, 'unit');
  if (unit !== undefined && unit !== null && !(Number.isSafeInteger(unit) && (unit as number) > 0)) {
    errors.push(fieldError(['unit'], 'Đơn vị không hợp lệ.', 'The unit is invalid.', language));
  }
  const unitDueDate = own(raw, 'unitDueDate');
  if (unitDueDate !== undefined && unitDueDate !== null && unitDueDate !== '' && !isIsoDate(unitDueDate)) {
    errors.push(
      fieldError(
        ['unitDueDate'],
        'Hạn xử lý phải là ngày YYYY-MM-DD.',
        'The due date must be YYYY-MM-DD.',
        language
      )
    );
  }
  const texts = Object.fromEntries(
    Object.keys(TEXT_FIELDS).map((key) => [key, readText(raw, key, errors, language)])
  );
  const corrections = readCorrections(raw, errors, language);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      to: to as string,
      version,
      unit: (unit as number | null | undefined) ?? null,
      unitDueDate: (unitDueDate as string | null | undefined) || null,
      ...texts,
      ...corrections,
    },
  };
}

export function validateAnswerBody(
  raw: unknown,
  language: Language
): { ok: true; value: { answer: string; version: number } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body = isPlainObject(raw) ? raw : {};
  unknownKeys(body, ['answer', 'version'], errors, language);
  const version = readVersion(body, errors, language);
  const answer = readText(body, 'answer', errors, language);
  if (!answer && !errors.some((e) => e.path[0] === 'answer')) {
    errors.push(
      fieldError(
        ['answer'],
        'Vui lòng nhập nội dung dự thảo trả lời.',
        'Please write the draft answer.',
        language
      )
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { answer: answer!, version } };
}

export interface RegisterFilters {
  state?: string;
  kind?: string;
  unit?: number;
  procedure?: string;
  receivedFrom?: string;
  receivedTo?: string;
  overdue: boolean;
  q?: string;
  sort?: { key: RegisterSortKey; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

/** The register's sortable columns (the list's `sort=key:direction`); nothing else reaches ORDER BY. */
export const REGISTER_SORT_KEYS = ['receivedAt', 'subject', 'state', 'unit', 'dueDate'] as const;
export type RegisterSortKey = (typeof REGISTER_SORT_KEYS)[number];

const FILTERS = [
  'state',
  'kind',
  'unit',
  'procedure',
  'receivedFrom',
  'receivedTo',
  'overdue',
  'q',
  'sort',
  'page',
  'pageSize',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseRegisterFilters(
  query: Record<string, unknown>,
  language: Language
): Parsed<RegisterFilters> {
  const read = new QueryReader(query, FILTERS, language);
  const unit = read.matching('unit', /^[1-9]\d{0,9}$/, 'Đơn vị không hợp lệ.', 'Invalid unit.');
  const date = (key: string) => {
    const value = read.matching(key, ISO_DATE, 'Ngày phải có dạng YYYY-MM-DD.', 'Dates are YYYY-MM-DD.');
    if (value && !isIsoDate(value)) read.fail(key, 'Ngày không tồn tại.', 'No such date.');
    return value;
  };
  return read.result({
    state: read.oneOf('state', FEEDBACK_STATES),
    kind: read.oneOf(
      'kind',
      FEEDBACK_KINDS.map((k) => k.value)
    ),
    unit: unit ? Number(unit) : undefined,
    procedure: read.matching(
      'procedure',
      DOCUMENT_ID_PATTERN,
      'Mã thủ tục không hợp lệ.',
      'Invalid procedure id.'
    ),
    receivedFrom: date('receivedFrom'),
    receivedTo: date('receivedTo'),
    overdue: read.oneOf('overdue', ['true', 'false']) === 'true',
    q: read.text('q', 100)?.normalize('NFC').trim() || undefined,
    sort: read.sort(REGISTER_SORT_KEYS),
    page: read.int('page', 1, 100000),
    pageSize: read.int('pageSize', 20, 100),
  });
}
