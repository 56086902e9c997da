/**
 * Validation of the annual report routes' bodies and query strings: every problem reported at once as bilingual
 * field errors (Strapi's `error.details.errors`). Pure module.
 */
import { ARTICLE_KINDS } from '#domain/articles';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { cleanText, FEEDBACK_KIND_VALUES, isPlainObject, own } from '#domain/feedback-intake';
import { QueryReader, type Parsed } from '#domain/query-params';
import { SUBMISSION_STATES } from '#domain/submission-states';
import { isIsoDate } from '#domain/working-days';
import { REPORT_NUMBER } from './document-format';
import { daysIncluded } from './figures-rules';
import type { Narrative } from './figures';
import { NARRATIVE_MAX } from './narrative';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_PERIOD_DAYS = 366;
export const MAX_PAGE_SIZE = 100;
export const DOCUMENT_ID = /^[a-z0-9]{20,32}$/;

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const result = <T>(value: T, errors: FieldError[]): Result<T> =>
  errors.length ? { ok: false, errors } : { ok: true, value };

function unknownKeys(object: Record<string, unknown>, allowed: string[], path: string[], language: Language) {
  return Object.keys(object)
    .filter((k) => !allowed.includes(k))
    .map((k) => fieldError([...path, k], 'Trường không được hỗ trợ.', 'Unsupported field.', language));
}

export interface CreateInput {
  /** Set when the period is the organization's default report period of that year. */
  year?: number;
  from?: string;
  to?: string;
  title?: string;
}

/** POST /reports { data: { year?, from?, to?, title? } }: a year, or an explicit period (from ≤ to, ≤ 366 days). */
export function validateCreate(body: unknown, language: Language): Result<CreateInput> {
  const errors: FieldError[] = [];
  const data = isPlainObject(body) ? own(body, 'data') : undefined;
  if (!isPlainObject(data)) {
    return {
      ok: false,
      errors: [fieldError(['data'], 'Thiếu dữ liệu báo cáo.', 'The report data is missing.', language)],
    };
  }
  errors.push(...unknownKeys(data, ['year', 'from', 'to', 'title'], ['data'], language));
  const value: CreateInput = {};
  const year = own(data, 'year');
  if (year !== undefined && year !== null) {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      errors.push(
        fieldError(
          ['data', 'year'],
          `Năm phải là số nguyên từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
          `The year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}.`,
          language
        )
      );
    else value.year = year;
  }
  for (const key of ['from', 'to'] as const) {
    const date = own(data, key);
    if (date === undefined || date === null) continue;
    if (!isIsoDate(date)) {
      errors.push(
        fieldError(
          ['data', key],
          'Ngày phải có dạng YYYY-MM-DD.',
          'The date must be written YYYY-MM-DD.',
          language
        )
      );
    } else if (Number(date.slice(0, 4)) < MIN_YEAR || Number(date.slice(0, 4)) > MAX_YEAR + 1) {
      errors.push(fieldError(['data', key], 'Ngày ngoài phạm vi.', 'The date is out of range.', language));
    } else value[key] = date;
  }
  const hasFrom = own(data, 'from') !== undefined && own(data, 'from') !== null;
  const hasTo = own(data, 'to') !== undefined && own(data, 'to') !== null;
  if (hasFrom !== hasTo) {
    const missing = hasFrom ? 'to' : 'from';
    errors.push(
      fieldError(
        ['data', missing],
        'Cần cả ngày bắt đầu và ngày kết thúc.',
        'Both the first and the last day are needed.',
        language
      )
    );
  }
  if (value.from && value.to) {
    if (value.from > value.to)
      errors.push(
        fieldError(
          ['data', 'to'],
          'Ngày kết thúc không được trước ngày bắt đầu.',
          'The last day cannot be before the first day.',
          language
        )
      );
    else if (daysIncluded(value.from, value.to) > MAX_PERIOD_DAYS)
      errors.push(
        fieldError(
          ['data', 'to'],
          `Kỳ báo cáo dài tối đa ${MAX_PERIOD_DAYS} ngày.`,
          `A report period is at most ${MAX_PERIOD_DAYS} days long.`,
          language
        )
      );
  }
  if (!hasFrom && !hasTo && value.year === undefined && !errors.some((e) => e.path[1] === 'year'))
    errors.push(
      fieldError(
        ['data', 'year'],
        'Cần năm báo cáo hoặc kỳ báo cáo (from, to).',
        'A year or a period (from, to) is needed.',
        language
      )
    );
  const title = own(data, 'title');
  if (title !== undefined && title !== null) {
    if (typeof title !== 'string')
      errors.push(
        fieldError(['data', 'title'], 'Tiêu đề phải là văn bản.', 'The title must be text.', language)
      );
    else {
      const checked = cleanText(
        title,
        ['data', 'title'],
        { label: { vi: 'Tiêu đề', en: 'The title' }, max: 255 },
        language
      );
      if (!checked.ok) errors.push(checked.error);
      else if (checked.text) value.title = checked.text;
    }
  }
  return result(value, errors);
}

function readVersion(object: Record<string, unknown>, language: Language, errors: FieldError[]): number {
  const version = own(object, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    errors.push(
      fieldError(
        ['version'],
        'Cần phiên bản (version) của báo cáo đã đọc.',
        'The version of the report read is required.',
        language
      )
    );
    return -1;
  }
  return version;
}

function readNumber(
  object: Record<string, unknown>,
  language: Language,
  errors: FieldError[],
  required: boolean
) {
  const value = own(object, 'number');
  if (value === undefined || value === null || value === '') {
    if (required)
      errors.push(fieldError(['number'], 'Cần số hiệu báo cáo.', 'The report number is required.', language));
    return value === undefined ? undefined : null;
  }
  if (typeof value !== 'string') {
    errors.push(fieldError(['number'], 'Số hiệu phải là văn bản.', 'The number must be text.', language));
    return undefined;
  }
  const checked = cleanText(
    value,
    ['number'],
    { label: { vi: 'Số hiệu', en: 'The number' }, max: 20 },
    language
  );
  if (!checked.ok) {
    errors.push(checked.error);
    return undefined;
  }
  if (!checked.text && required)
    errors.push(fieldError(['number'], 'Cần số hiệu báo cáo.', 'The report number is required.', language));
  if (checked.text && !REPORT_NUMBER.test(checked.text)) {
    // The symbol "/BC-<abbreviation>" is built from the profile of the report's period: typing it would print it
    // twice ("125/BC-STNMT/BC-SNNMT").
    errors.push(
      fieldError(
        ['number'],
        'Chỉ nhập số của báo cáo (ví dụ: 125), không nhập ký hiệu "/BC-…": ký hiệu được ghi tự động.',
        'Enter the number only (e.g. 125), without the symbol "/BC-…": the symbol is added automatically.',
        language
      )
    );
    return undefined;
  }
  return checked.text || null;
}

export interface NarrativeInput {
  narrative: Narrative;
  number?: string | null;
  recipients?: string | null;
  version: number;
}

const SECTIONS: { key: keyof Narrative; vi: string; en: string }[] = [
  { key: 'results', vi: 'Kết quả', en: 'The results' },
  { key: 'limitations', vi: 'Hạn chế', en: 'The limitations' },
  { key: 'difficulties', vi: 'Khó khăn, vướng mắc', en: 'The difficulties' },
  { key: 'proposals', vi: 'Kiến nghị, đề xuất', en: 'The proposals' },
];

/** PUT /reports/:documentId/narrative { narrative: {results, limitations, difficulties, proposals}, number?, recipients?, version } */
export function validateNarrative(body: unknown, language: Language): Result<NarrativeInput> {
  if (!isPlainObject(body))
    return {
      ok: false,
      errors: [fieldError(['narrative'], 'Thiếu nội dung.', 'The body is missing.', language)],
    };
  const errors: FieldError[] = unknownKeys(
    body,
    ['narrative', 'number', 'recipients', 'version'],
    [],
    language
  );
  const version = readVersion(body, language, errors);
  const raw = own(body, 'narrative');
  const narrative: Narrative = { results: '', limitations: '', difficulties: '', proposals: '' };
  if (!isPlainObject(raw)) {
    errors.push(
      fieldError(
        ['narrative'],
        'Cần các phần kết quả, hạn chế, khó khăn, kiến nghị.',
        'The narrative (results, limitations, difficulties, proposals) is required.',
        language
      )
    );
  } else {
    errors.push(
      ...unknownKeys(
        raw,
        SECTIONS.map((s) => s.key),
        ['narrative'],
        language
      )
    );
    for (const section of SECTIONS) {
      const value = own(raw, section.key);
      const path = ['narrative', section.key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        errors.push(
          fieldError(path, `${section.vi} phải là văn bản.`, `${section.en} must be text.`, language)
        );
        continue;
      }
      const checked = cleanText(
        value,
        path,
        { label: { vi: section.vi, en: section.en }, max: NARRATIVE_MAX, multiline: true },
        language
      );
      if (checked.ok) narrative[section.key] = checked.text;
      else errors.push(checked.error);
    }
  }
  const value: NarrativeInput = { narrative, version };
  const number = readNumber(body, language, errors, false);
  if (number !== undefined) value.number = number;
  const recipients = own(body, 'recipients');
  if (recipients === null || recipients === '') value.recipients = null;
  else if (recipients !== undefined) {
    if (typeof recipients !== 'string')
      errors.push(
        fieldError(['recipients'], 'Nơi nhận phải là văn bản.', 'The recipients must be text.', language)
      );
    else {
      const checked = cleanText(
        recipients,
        ['recipients'],
        { label: { vi: 'Nơi nhận', en: 'The recipients' }, max: 2000, multiline: true },
        language
      );
      if (checked.ok) value.recipients = checked.text || null;
      else errors.push(checked.error);
    }
  }
  return result(value, errors);
}

/** POST /reports/:documentId/recompute { version? } */
export function validateRecompute(body: unknown, language: Language): Result<{ version?: number }> {
  if (body === undefined || body === null || (isPlainObject(body) && Object.keys(body).length === 0))
    return { ok: true, value: {} };
  if (!isPlainObject(body))
    return {
      ok: false,
      errors: [fieldError(['version'], 'Nội dung không hợp lệ.', 'Invalid body.', language)],
    };
  const errors = unknownKeys(body, ['version'], [], language);
  const version = own(body, 'version') === undefined ? undefined : readVersion(body, language, errors);
  return result(version === undefined ? {} : { version }, errors);
}

/** POST /reports/:documentId/issue { version, number } */
export function validateIssue(
  body: unknown,
  language: Language
): Result<{ version: number; number: string }> {
  if (!isPlainObject(body))
    return {
      ok: false,
      errors: [fieldError(['version'], 'Nội dung không hợp lệ.', 'Invalid body.', language)],
    };
  const errors = unknownKeys(body, ['version', 'number'], [], language);
  const version = readVersion(body, language, errors);
  const number = readNumber(body, language, errors, true);
  return result({ version, number: number ?? '' }, errors);
}

export interface ListQuery {
  page: number;
  pageSize: number;
  year?: number;
  state?: 'draft' | 'issued';
}

export function parseListQuery(query: Record<string, unknown>, language: Language): Parsed<ListQuery> {
  const reader = new QueryReader(query, ['page', 'pageSize', 'year', 'state'], language);
  const value: ListQuery = {
    page: reader.int('page', 1, 100_000),
    pageSize: reader.int('pageSize', 25, MAX_PAGE_SIZE),
  };
  const year = reader.text('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year) || Number(year) < MIN_YEAR || Number(year) > MAX_YEAR)
      reader.fail(
        'year',
        `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
        `The year must be ${MIN_YEAR}–${MAX_YEAR}.`
      );
    else value.year = Number(year);
  }
  const state = reader.oneOf('state', ['draft', 'issued'] as const);
  if (state) value.state = state;
  return reader.result(value);
}

/**
 * The figures a drill-down lists the rows of, and the key each one needs: an article kind or channel, a unit id,
 * a campaign or plan task documentId (`none`: articles without a campaign), a submission state, ...
 */
export const ROW_FIGURES = {
  'articles.published': 'none',
  'articles.byKind': 'kind',
  'articles.byChannel': 'channel',
  'articles.byUnit': 'unit',
  'articles.byCampaign': 'campaign',
  'articles.byTask': 'task',
  'submissions.total': 'none',
  'submissions.byUnit': 'unit-state',
  'procedures.listed': 'none',
  'procedures.added': 'none',
  'procedures.amended': 'none',
  'procedures.abolished': 'none',
  'feedback.received': 'none',
  'feedback.byChannel': 'feedback-channel',
  'feedback.byKind': 'feedback-kind',
  'feedback.notAccepted': 'none',
  'feedback.transferred': 'none',
  'feedback.answered': 'none',
  'feedback.onTime': 'none',
  'feedback.late': 'none',
  'feedback.answersPublished': 'none',
} as const;

export type RowFigure = keyof typeof ROW_FIGURES;
type RowKey = (typeof ROW_FIGURES)[RowFigure];

export const CHANNELS = ['website', 'press', 'television', 'radio', 'social_media'] as const;
export const FEEDBACK_CHANNELS = ['web', 'email', 'phone', 'paper'] as const;

const oneOf = (values: readonly string[]) => (key: string) => values.includes(key);

/** What a figure's key must be, for the figures whose key is passed on as it is. */
const KEY_CHECKS: Record<Exclude<RowKey, 'none' | 'unit' | 'unit-state'>, (key: string) => boolean> = {
  kind: oneOf(ARTICLE_KINDS),
  channel: oneOf(CHANNELS),
  'feedback-channel': oneOf(FEEDBACK_CHANNELS),
  'feedback-kind': oneOf(FEEDBACK_KIND_VALUES),
  campaign: (key) => key === 'none' || DOCUMENT_ID.test(key),
  task: (key) => DOCUMENT_ID.test(key),
};

export interface RowsQuery {
  figure: RowFigure;
  key?: string;
  /** submissions.byUnit: the unit id; with `<unitId>:<state>` also the state. */
  unitId?: number;
  state?: string;
  page: number;
  pageSize: number;
}

/** GET /reports/:documentId/rows?figure=&key=&page=&pageSize= */
export function parseRowsQuery(query: Record<string, unknown>, language: Language): Parsed<RowsQuery> {
  const reader = new QueryReader(query, ['figure', 'key', 'page', 'pageSize'], language);
  const figure = reader.oneOf('figure', Object.keys(ROW_FIGURES) as RowFigure[]);
  const key = reader.text('key', 64);
  const value: RowsQuery = {
    figure: figure ?? 'articles.published',
    page: reader.int('page', 1, 100_000),
    pageSize: reader.int('pageSize', 25, MAX_PAGE_SIZE),
  };
  if (figure === undefined && !reader.errors.some((e) => e.path[0] === 'figure'))
    reader.fail('figure', 'Cần chỉ tiêu (figure).', 'The figure is required.');
  if (figure) {
    const kind = ROW_FIGURES[figure];
    const bad = () =>
      reader.fail('key', 'Khóa (key) không hợp lệ cho chỉ tiêu này.', 'Invalid key for this figure.');
    if (kind === 'none') {
      if (key !== undefined) bad();
    } else if (key === undefined) {
      reader.fail('key', 'Chỉ tiêu này cần khóa (key).', 'This figure needs a key.');
    } else if (kind === 'unit') {
      if (/^\d{1,9}$/.test(key)) value.unitId = Number(key);
      else bad();
    } else if (kind === 'unit-state') {
      const [unit, state, ...rest] = key.split(':');
      if (
        /^\d{1,9}$/.test(unit) &&
        rest.length === 0 &&
        (state === undefined || (SUBMISSION_STATES as readonly string[]).includes(state))
      ) {
        value.unitId = Number(unit);
        if (state) value.state = state;
      } else bad();
    } else if (KEY_CHECKS[kind](key)) {
      value.key = key;
    } else bad();
  }
  return reader.result(value);
}
