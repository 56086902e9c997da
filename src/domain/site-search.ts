/**
 * The site-wide search (`GET /api/search`): its parameters, checked before anything runs, and the plain text of
 * what it searches. Procedures, published articles and published feedback answers are searched with the same
 * query understanding and ranking as the procedure search, and answered in one group per type.
 */
import type { Language } from './errors';
import { MAX_PAGE, MAX_PAGE_SIZE } from './public-query';
import { QueryReader, type Parsed } from './query-params';
import { splitCodes } from './procedure-search';

export const SITE_SEARCH_TYPES = ['procedure', 'article', 'answer'] as const;
export type SiteSearchType = (typeof SITE_SEARCH_TYPES)[number];
const ALLOWED = ['q', 'types', 'locale', 'page', 'pageSize'];

export interface SiteSearchParams {
  codes: string[];
  words: string[];
  types: SiteSearchType[];
  locale: string;
  /** The page of each group. */
  page: number;
  pageSize: number;
}

export function parseSiteSearchParams(
  query: Record<string, unknown>,
  locales: string[],
  language: Language = 'vi'
): Parsed<SiteSearchParams> {
  const read = new QueryReader(query, ALLOWED, language);
  const { codes, words } = splitCodes(read.text('q') ?? '');
  if (codes.length === 0 && words.length === 0)
    read.fail('q', 'Hãy nhập từ cần tìm.', 'Enter the words to search for.');
  const listed = read.text('types');
  const types = listed === undefined ? [...SITE_SEARCH_TYPES] : [...new Set(listed.split(','))];
  if (types.length === 0 || types.some((type) => !(SITE_SEARCH_TYPES as readonly string[]).includes(type)))
    read.fail(
      'types',
      `Loại cần tìm là một hoặc nhiều trong: ${SITE_SEARCH_TYPES.join(', ')}, cách nhau bởi dấu phẩy.`,
      `types is one or more of ${SITE_SEARCH_TYPES.join(', ')}, separated by commas.`
    );
  return read.result({
    codes,
    words,
    types: types as SiteSearchType[],
    locale: read.oneOf('locale', locales) ?? locales[0],
    page: read.int('page', 1, MAX_PAGE),
    pageSize: read.int('pageSize', 10, MAX_PAGE_SIZE),
  });
}

/** A Strapi blocks value (rich text) as plain text: its text leaves, paragraphs apart. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const leaves = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    return Array.isArray(children) ? children.map(leaves).join('') : '';
  };
  return blocks.map(leaves).filter(Boolean).join('\n');
}
