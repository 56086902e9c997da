/**
 * The public procedure search's parameters: parsed and checked before any query runs, so that a hostile
 * query string gets a ValidationError instead of reaching the database.
 */
import { fieldError, type FieldError, type Language } from './errors';
import { NATIONAL_CODE } from './procedure-versioning';
import { queryWords } from './search-text';

export const SEARCH_LEVELS = ['ministry', 'province', 'commune', 'district'] as const;
export const SEARCH_ONLINE_LEVELS = ['fully_online', 'partly_online', 'not_online'] as const;
export const SEARCH_STATUSES = ['in_force', 'amended', 'abolished'] as const;
const ALLOWED = ['q', 'field', 'level', 'onlineLevel', 'status', 'page', 'pageSize', 'locale'];
const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 1000;

export interface SearchParams {
  /** National codes written in the query: they match exactly and rank first. */
  codes: string[];
  /** Folded words, each of which must match a word of the name, keywords or field. */
  words: string[];
  field?: string;
  level?: (typeof SEARCH_LEVELS)[number];
  onlineLevel?: (typeof SEARCH_ONLINE_LEVELS)[number];
  status?: (typeof SEARCH_STATUSES)[number];
  page: number;
  pageSize: number;
  locale: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export function parseSearchParams(
  query: Record<string, unknown>,
  locales: string[],
  language: Language = 'vi'
): { ok: true; value: SearchParams } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const single = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      errors.push(
        fieldError(
          [key],
          'Tham số chỉ được có một giá trị.',
          'The parameter must have a single value.',
          language
        )
      );
      return undefined;
    }
    return value;
  };

  for (const key of Object.keys(query)) {
    if (!ALLOWED.includes(key)) {
      errors.push(fieldError([key], 'Tham số không được hỗ trợ.', 'Unsupported parameter.', language));
    }
  }

  const q = (single('q') ?? '').normalize('NFC');
  if (q.length > MAX_QUERY_LENGTH) {
    errors.push(
      fieldError(
        ['q'],
        `Từ khóa tìm kiếm tối đa ${MAX_QUERY_LENGTH} ký tự.`,
        `The query is limited to ${MAX_QUERY_LENGTH} characters.`,
        language
      )
    );
  }
  const codes = [...new Set(q.match(/\d\.\d{6}/g) ?? [])].filter((c) => NATIONAL_CODE.test(c));
  const words = queryWords(codes.reduce((rest, code) => rest.split(code).join(' '), q));

  const enumParam = <T extends string>(key: string, values: readonly T[]): T | undefined => {
    const value = single(key);
    if (value === undefined || value === '') return undefined;
    if (oneOf(values, value)) return value;
    errors.push(
      fieldError(
        [key],
        `Giá trị phải là một trong: ${values.join(', ')}.`,
        `Must be one of: ${values.join(', ')}.`,
        language
      )
    );
    return undefined;
  };

  const intParam = (key: string, fallback: number, max: number): number => {
    const value = single(key);
    if (value === undefined || value === '') return fallback;
    if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
      errors.push(
        fieldError(
          [key],
          `Phải là số nguyên từ 1 đến ${max}.`,
          `Must be an integer from 1 to ${max}.`,
          language
        )
      );
      return fallback;
    }
    return Number(value);
  };

  const field = single('field');
  if (field !== undefined && !/^[a-z0-9-]{1,64}$/.test(field)) {
    errors.push(fieldError(['field'], 'Mã lĩnh vực không hợp lệ.', 'Invalid field code.', language));
  }
  const locale = single('locale') ?? locales[0];
  if (!locales.includes(locale)) {
    errors.push(
      fieldError(
        ['locale'],
        `Ngôn ngữ phải là: ${locales.join(', ')}.`,
        `Locale must be one of: ${locales.join(', ')}.`,
        language
      )
    );
  }

  const value: SearchParams = {
    codes,
    words,
    field: field || undefined,
    level: enumParam('level', SEARCH_LEVELS),
    onlineLevel: enumParam('onlineLevel', SEARCH_ONLINE_LEVELS),
    status: enumParam('status', SEARCH_STATUSES),
    page: intParam('page', 1, MAX_PAGE),
    pageSize: intParam('pageSize', 25, 100),
    locale,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
