/**
 * The public procedure search's parameters: parsed and checked before any query runs, so that a hostile
 * query string gets a ValidationError instead of reaching the database.
 */
import type { Language } from './errors';
import { PROCEDURE_LEVELS, type ProcedureLevel } from './procedure-levels';
import { NATIONAL_CODE, normalizeNationalCode } from './procedure-versioning';
import { MAX_PAGE, MAX_PAGE_SIZE } from './public-query';
import { QueryReader, type Parsed } from './query-params';
import { queryWords } from './search-text';

/** The levels a search filters on are the procedure's levels. */
export const SEARCH_LEVELS = PROCEDURE_LEVELS;
export const SEARCH_ONLINE_LEVELS = ['fully_online', 'partly_online', 'not_online'] as const;
export const SEARCH_STATUSES = ['in_force', 'amended', 'abolished'] as const;
const ALLOWED = ['q', 'field', 'level', 'onlineLevel', 'status', 'page', 'pageSize', 'locale'];

export interface SearchParams {
  /** National codes written in the query: they match exactly and rank first. */
  codes: string[];
  /** Folded words, each of which must match a word of the name, keywords or field. */
  words: string[];
  field?: string;
  level?: ProcedureLevel;
  onlineLevel?: (typeof SEARCH_ONLINE_LEVELS)[number];
  status?: (typeof SEARCH_STATUSES)[number];
  page: number;
  pageSize: number;
  locale: string;
}

/** A query's national codes, as typed ("1.012753.h19") and looked up in their stored form, and its other words. */
export function splitCodes(text: string): { codes: string[]; words: string[] } {
  const q = text.normalize('NFC');
  const typed = [...new Set(q.match(/\d\.\d{6}(?:\.[Hh]\d{2})?(?![\w.])/g) ?? [])];
  const codes = [...new Set(typed.map(normalizeNationalCode))].filter((c) => NATIONAL_CODE.test(c));
  return { codes, words: queryWords(typed.reduce((rest, code) => rest.split(code).join(' '), q)) };
}

export function parseSearchParams(
  query: Record<string, unknown>,
  locales: string[],
  language: Language = 'vi'
): Parsed<SearchParams> {
  const read = new QueryReader(query, ALLOWED, language);
  const { codes, words } = splitCodes(read.text('q') ?? '');
  const locale = read.oneOf('locale', locales) ?? locales[0];
  return read.result({
    codes,
    words,
    field: read.matching('field', /^[a-z0-9-]{1,64}$/, 'Mã lĩnh vực không hợp lệ.', 'Invalid field code.'),
    level: read.oneOf('level', PROCEDURE_LEVELS),
    onlineLevel: read.oneOf('onlineLevel', SEARCH_ONLINE_LEVELS),
    status: read.oneOf('status', SEARCH_STATUSES),
    page: read.int('page', 1, MAX_PAGE),
    pageSize: read.int('pageSize', 25, MAX_PAGE_SIZE),
    locale,
  });
}
