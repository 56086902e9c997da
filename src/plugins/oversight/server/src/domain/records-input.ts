/**
 * What the Office and the units send to the oversight routes, checked: checks, difficulties and their
 * moves, task reports, and the filters of the lists. Every problem is reported at once, as bilingual field errors.
 * Pure module.
 */
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { cleanText, DOCUMENT_ID_PATTERN, isPlainObject, notText, own } from '#domain/feedback-intake';
import { QueryReader, type Parsed } from '#domain/query-params';
import { isIsoDate } from '#domain/working-days';
import { DIFFICULTY_STATES, type DifficultyState } from './difficulty-workflow';
import { MAX_LINKED_OUTPUTS, type OutputLinks } from './task-outputs';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface TextField {
  label: { vi: string; en: string };
  max: number;
  multiline?: boolean;
}

/** Collects the problems of one request body. */
export class BodyReader {
  readonly errors: FieldError[] = [];

  constructor(
    readonly raw: Record<string, unknown>,
    readonly language: Language,
    allowed: readonly string[],
    private readonly prefix: string[] = []
  ) {
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) this.fail([key], 'Trường không được hỗ trợ.', 'Unsupported field.');
    }
  }

  fail(path: string[], vi: string, en: string) {
    this.errors.push(fieldError([...this.prefix, ...path], vi, en, this.language));
  }

  /** A text field: null when absent or blank, unless required. */
  text(key: string, rules: TextField & { required?: boolean }): string | null {
    const value = own(this.raw, key);
    const missing = () =>
      this.fail([key], `Vui lòng nhập ${rules.label.vi.toLowerCase()}.`, `${rules.label.en} is required.`);
    if (value === undefined || value === null) {
      if (rules.required) missing();
      return null;
    }
    if (typeof value !== 'string') {
      this.errors.push(notText([...this.prefix, key], rules.label, this.language));
      return null;
    }
    const cleaned = cleanText(value, [...this.prefix, key], { multiline: true, ...rules }, this.language);
    if (!cleaned.ok) {
      this.errors.push(cleaned.error);
      return null;
    }
    if (!cleaned.text && rules.required) missing();
    return cleaned.text || null;
  }

  /** A positive integer id (a unit). */
  id(key: string, label: { vi: string; en: string }, required = true): number | null {
    const value = own(this.raw, key);
    if (value === undefined || value === null || value === '') {
      if (required) this.fail([key], `Vui lòng chọn ${label.vi.toLowerCase()}.`, `${label.en} is required.`);
      return null;
    }
    if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
    this.fail([key], `${label.vi} không hợp lệ.`, `${label.en} is invalid.`);
    return null;
  }

  /** A Strapi documentId. */
  documentId(key: string, label: { vi: string; en: string }, required = true): string | null {
    const value = own(this.raw, key);
    if (value === undefined || value === null || value === '') {
      if (required) this.fail([key], `Vui lòng chọn ${label.vi.toLowerCase()}.`, `${label.en} is required.`);
      return null;
    }
    if (typeof value === 'string' && DOCUMENT_ID_PATTERN.test(value)) return value;
    this.fail([key], `${label.vi} không hợp lệ.`, `${label.en} is invalid.`);
    return null;
  }

  oneOf<T extends string>(key: string, values: readonly T[], label: { vi: string; en: string }): T | null {
    const value = own(this.raw, key);
    if ((values as readonly unknown[]).includes(value)) return value as T;
    this.fail(
      [key],
      `${label.vi} phải là một trong: ${values.join(', ')}.`,
      `${label.en} must be one of: ${values.join(', ')}.`
    );
    return null;
  }

  result<T>(value: () => T): Checked<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value: value() };
  }
}

/** The request's `{ data: {...} }`, or the error that it is missing. */
export function dataOf(body: unknown, language: Language): Checked<Record<string, unknown>> {
  const data = isPlainObject(body) ? own(body, 'data') : undefined;
  if (isPlainObject(data)) return { ok: true, value: data };
  return {
    ok: false,
    errors: [
      fieldError(['data'], 'Dữ liệu gửi lên không hợp lệ.', 'The submitted data is invalid.', language),
    ],
  };
}

const UNIT = { vi: 'Đơn vị', en: 'The unit' };
const PLAN_TASK = { vi: 'Nhiệm vụ', en: 'The plan task' };

// Checks (kiểm tra)

export interface CheckInput {
  unit: number;
  date: string;
  findings: string;
  followUps: string | null;
}

/** A check the Office carried out: on a day that has come (`today` is the organization's local date). */
export function validateCheck(body: unknown, today: string, language: Language): Checked<CheckInput> {
  const data = dataOf(body, language);
  if (!data.ok) return data;
  const r = new BodyReader(data.value, language, ['unit', 'date', 'findings', 'followUps']);
  const unit = r.id('unit', UNIT);
  const date = own(data.value, 'date');
  if (!isIsoDate(date)) {
    r.fail(['date'], 'Ngày kiểm tra phải là ngày YYYY-MM-DD.', 'The date must be YYYY-MM-DD.');
  } else if (date > today) {
    r.fail(['date'], 'Ngày kiểm tra không được ở tương lai.', 'The date cannot be in the future.');
  }
  const findings = r.text('findings', {
    label: { vi: 'Kết quả kiểm tra', en: 'The findings' },
    max: 10000,
    required: true,
  });
  const followUps = r.text('followUps', {
    label: { vi: 'Kiến nghị, yêu cầu', en: 'The follow-ups' },
    max: 10000,
  });
  return r.result(() => ({ unit: unit!, date: date as string, findings: findings!, followUps }));
}

// Difficulties (khó khăn, vướng mắc)

export interface DifficultyInput {
  unit: number;
  planTask: string | null;
  what: string;
  impact: string | null;
  proposal: string | null;
}

export function validateDifficulty(body: unknown, language: Language): Checked<DifficultyInput> {
  const data = dataOf(body, language);
  if (!data.ok) return data;
  const r = new BodyReader(data.value, language, ['unit', 'planTask', 'what', 'impact', 'proposal']);
  const unit = r.id('unit', UNIT);
  const planTask = r.documentId('planTask', PLAN_TASK, false);
  const what = r.text('what', {
    label: { vi: 'Nội dung khó khăn, vướng mắc', en: 'The difficulty' },
    max: 5000,
    required: true,
  });
  const impact = r.text('impact', { label: { vi: 'Ảnh hưởng', en: 'The impact' }, max: 5000 });
  const proposal = r.text('proposal', { label: { vi: 'Đề xuất, kiến nghị', en: 'The proposal' }, max: 5000 });
  return r.result(() => ({ unit: unit!, planTask, what: what!, impact, proposal }));
}

export interface DifficultyTransitionBody {
  to: string;
  version: number;
  resolution: string | null;
  answer: string | null;
  note: string | null;
}

/** The body of a move: `{ to, version, resolution?, answer?, note? }` (not wrapped in `data`). */
export function validateDifficultyTransition(
  body: unknown,
  language: Language
): Checked<DifficultyTransitionBody> {
  const raw = isPlainObject(body) ? body : {};
  const r = new BodyReader(raw, language, ['to', 'version', 'resolution', 'answer', 'note']);
  const to = own(raw, 'to');
  if (typeof to !== 'string' || to === '') r.fail(['to'], 'Thiếu bước chuyển.', 'The move is required.');
  const version = own(raw, 'version');
  if (!(Number.isSafeInteger(version) && (version as number) >= 0)) {
    r.fail(['version'], 'Thiếu số phiên bản.', 'The version is required.');
  }
  const resolution = r.text('resolution', {
    label: { vi: 'Kết quả xử lý', en: 'The resolution' },
    max: 5000,
  });
  const answer = r.text('answer', {
    label: { vi: 'Ý kiến chỉ đạo', en: "The Director's answer" },
    max: 5000,
  });
  const note = r.text('note', { label: { vi: 'Ghi chú', en: 'The note' }, max: 5000 });
  return r.result(() => ({ to: to as string, version: version as number, resolution, answer, note }));
}

// Task reports (báo cáo kết quả thực hiện nhiệm vụ)

export const REPORT_STATUSES = ['in_progress', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface TaskReportInput {
  planTask: string;
  status: ReportStatus;
  results: string;
  /** Typed by the unit when it links nothing; derived from the links otherwise (domain/task-outputs.ts). */
  outputCount: number | null;
  links: OutputLinks;
  /** Outputs that are not in the CMS, counted next to the linked ones. */
  extraOutputCount: number | null;
}

const MAX_COUNT = 100000;

const isCount = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_COUNT;

/** A list of distinct documentIds (absent: none), one error per bad item. */
function documentIdList(r: BodyReader, key: string, label: { vi: string; en: string }): string[] {
  const raw = own(r.raw, key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_LINKED_OUTPUTS) {
    r.fail(
      [key],
      `${label.vi} phải là danh sách tối đa ${MAX_LINKED_OUTPUTS} mã tài liệu.`,
      `${label.en} must be a list of at most ${MAX_LINKED_OUTPUTS} documentIds.`
    );
    return [];
  }
  const ids: string[] = [];
  raw.forEach((value, index) => {
    if (typeof value !== 'string' || !DOCUMENT_ID_PATTERN.test(value)) {
      r.fail([key, String(index)], 'Mã tài liệu không hợp lệ.', 'The documentId is invalid.');
    } else if (ids.includes(value)) {
      r.fail([key, String(index)], 'Mục này bị trùng.', 'This item is listed twice.');
    } else ids.push(value);
  });
  return ids;
}

export function validateTaskReport(body: unknown, language: Language): Checked<TaskReportInput> {
  const data = dataOf(body, language);
  if (!data.ok) return data;
  const r = new BodyReader(data.value, language, [
    'planTask',
    'status',
    'results',
    'outputCount',
    'articles',
    'submissions',
    'extraOutputCount',
  ]);
  const planTask = r.documentId('planTask', PLAN_TASK);
  const status = r.oneOf('status', REPORT_STATUSES, { vi: 'Tình trạng', en: 'The status' });
  const results = r.text('results', {
    label: { vi: 'Kết quả thực hiện', en: 'The results' },
    max: 10000,
    required: true,
  });
  const links: OutputLinks = {
    articles: documentIdList(r, 'articles', { vi: 'Bài viết', en: 'The articles' }),
    submissions: documentIdList(r, 'submissions', { vi: 'Tin bài', en: 'The submissions' }),
  };
  const count = (key: string, vi: string, en: string) => {
    const value = own(data.value, key) ?? null;
    if (value !== null && !isCount(value)) {
      r.fail(
        [key],
        `${vi} phải là số nguyên từ 0 đến ${MAX_COUNT}.`,
        `${en} must be an integer from 0 to ${MAX_COUNT}.`
      );
    }
    return value as number | null;
  };
  const outputCount = count('outputCount', 'Số sản phẩm', 'The output count');
  const extraOutputCount = count('extraOutputCount', 'Số sản phẩm ngoài hệ thống', 'The extra output count');
  const linking =
    links.articles.length > 0 || links.submissions.length > 0 || own(data.value, 'extraOutputCount') != null;
  if (linking && outputCount !== null) {
    r.fail(
      ['outputCount'],
      'Số sản phẩm được tính từ các mục liên kết; sản phẩm ngoài hệ thống nhập vào ô riêng.',
      'The output count is derived from the linked items; give outputs outside the CMS as extraOutputCount.'
    );
  }
  return r.result(() => ({
    planTask: planTask!,
    status: status!,
    results: results!,
    outputCount,
    links,
    extraOutputCount,
  }));
}

// Lists

export interface ListQuery {
  unit?: number;
  state?: DifficultyState;
  task?: string;
  page: number;
  pageSize: number;
}

/** `?unit=&page=&pageSize=` and, where the list has them, `state` and `task`. */
export function parseListQuery(
  query: Record<string, unknown>,
  extra: readonly ('state' | 'task')[],
  language: Language
): Parsed<ListQuery> {
  const reader = new QueryReader(query, ['unit', 'page', 'pageSize', ...extra], language);
  const unitText = reader.matching('unit', /^[1-9]\d{0,9}$/, 'Đơn vị không hợp lệ.', 'The unit is invalid.');
  const state = extra.includes('state') ? reader.oneOf('state', DIFFICULTY_STATES) : undefined;
  const task = extra.includes('task')
    ? reader.matching('task', DOCUMENT_ID_PATTERN, 'Nhiệm vụ không hợp lệ.', 'The plan task is invalid.')
    : undefined;
  const page = reader.int('page', 1, 100000);
  const pageSize = reader.int('pageSize', 20, 100);
  return reader.result({
    ...(unitText ? { unit: Number(unitText) } : {}),
    ...(state ? { state } : {}),
    ...(task ? { task } : {}),
    page,
    pageSize,
  });
}

/** The units a list shows: those the user may read, narrowed to the one asked for (none when it is not theirs). */
export function visibleUnitIds(readable: number[] | 'all', requested?: number): number[] | 'all' {
  if (requested === undefined) return readable;
  if (readable === 'all' || readable.includes(requested)) return [requested];
  return [];
}
