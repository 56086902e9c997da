/**
 * The submissions list and review queue: their query string read and checked before any query runs (filters, text
 * search, sort, page), so that a hostile query gets a ValidationError instead of reaching the database.
 */
import type { Language } from '#domain/errors';
import { QueryReader, type Parsed } from '#domain/query-params';
import { queryWords } from '#domain/search-text';
import { DOCUMENT_ID } from './submission-input';
import { SUBMISSION_STATES, type SubmissionState } from './workflow';

/** The list's columns, which the list may be sorted by. */
export const SORT_KEYS = ['title', 'unit', 'kind', 'state', 'dueDate', 'assignee', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The longest text search accepted, in characters after trimming. */
export const MAX_QUERY_LENGTH = 200;

export interface ListQuery {
  /** A unit id; -1 (matches nothing) when it is not a number. */
  unit?: number;
  state?: SubmissionState;
  planTask?: string;
  assignee?: number;
  /** The IT Center's review queue: submitted and in review, the earliest due first. */
  queue: boolean;
  /** Folded words of `q`; each must start a word of the title or the body. */
  words: string[];
  sort?: { key: SortKey; direction: SortDirection };
  page: number;
  pageSize: number;
}

const ALLOWED = ['unit', 'state', 'planTask', 'assignee', 'queue', 'q', 'sort', 'page', 'pageSize'];

export function parseListQuery(query: Record<string, unknown>, language: Language): Parsed<ListQuery> {
  const read = new QueryReader(query, ALLOWED, language);
  const unit = read.text('unit');
  const assignee = read.text('assignee');
  // Trimmed before its length is judged: spaces around a pasted title do not count.
  const q = read.text('q', Infinity)?.normalize('NFC').trim();
  if (q !== undefined && q.length > MAX_QUERY_LENGTH) {
    read.fail('q', `Tối đa ${MAX_QUERY_LENGTH} ký tự.`, `At most ${MAX_QUERY_LENGTH} characters.`);
  }
  return read.result({
    unit: unit ? Number(unit) || -1 : undefined,
    state: read.oneOf('state', SUBMISSION_STATES),
    planTask: read.matching('planTask', DOCUMENT_ID, 'Nhiệm vụ không hợp lệ.', 'Invalid plan task.'),
    assignee: assignee ? Number(assignee) || -1 : undefined,
    queue: read.oneOf('queue', ['true', 'false']) === 'true',
    words: q ? queryWords(q) : [],
    sort: read.sort(SORT_KEYS),
    page: read.int('page', 1, 10000),
    pageSize: read.int('pageSize', 20, 100),
  });
}
