/**
 * What the public may learn about a feedback: a coarse status for its sender (who holds the tracking code), and,
 * once its answer is published, the subject, content and answer with contact details masked. Never the sender.
 */
import { fieldError, type FieldError, type Language } from './errors';
import { DOCUMENT_ID_PATTERN, FEEDBACK_KINDS } from './feedback-intake';
import { maskContacts, queryWords } from './search-text';

export type FeedbackState =
  | 'received'
  | 'not_accepted'
  | 'transferred'
  | 'accepted'
  | 'assigned'
  | 'answer_drafted'
  | 'answer_approved'
  | 'answered'
  | 'published';

export type PublicStatus =
  | 'received'
  | 'not_accepted'
  | 'transferred'
  | 'in_progress'
  | 'answered'
  | 'published';

/** Internal review steps are one public "in progress". */
export function publicStatus(state: FeedbackState): PublicStatus {
  switch (state) {
    case 'accepted':
    case 'assigned':
    case 'answer_drafted':
    case 'answer_approved':
      return 'in_progress';
    default:
      return state;
  }
}

export interface StoredFeedback {
  documentId: string;
  state: FeedbackState;
  kind: string;
  subject: string;
  content: string;
  answer: string | null;
  receivedAt: string;
  dueDate: string | null;
  answeredAt: string | null;
  procedure?: { documentId: string; nationalCode: string; name: string } | null;
}

export function statusView(feedback: StoredFeedback) {
  const published = feedback.state === 'published';
  return {
    status: publicStatus(feedback.state),
    receivedAt: feedback.receivedAt,
    dueDate: feedback.dueDate,
    answeredAt: feedback.answeredAt,
    answer: published && feedback.answer ? maskContacts(feedback.answer) : null,
  };
}

export function answeredView(feedback: StoredFeedback) {
  return {
    documentId: feedback.documentId,
    kind: feedback.kind,
    subject: maskContacts(feedback.subject),
    content: maskContacts(feedback.content),
    answer: feedback.answer ? maskContacts(feedback.answer) : null,
    procedure: feedback.procedure
      ? {
          documentId: feedback.procedure.documentId,
          nationalCode: feedback.procedure.nationalCode,
          name: feedback.procedure.name,
        }
      : null,
    receivedAt: feedback.receivedAt,
    answeredAt: feedback.answeredAt,
  };
}

export interface AnsweredParams {
  words: string[];
  kind?: string;
  procedure?: string;
  page: number;
  pageSize: number;
}

const ANSWERED_PARAMS = ['q', 'kind', 'procedure', 'page', 'pageSize'];

/** Query parameters of the public list of answered feedback. */
export function parseAnsweredParams(
  query: Record<string, unknown>,
  language: Language
): { ok: true; value: AnsweredParams } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string') return value;
    errors.push(
      fieldError(
        [key],
        'Tham số chỉ được có một giá trị.',
        'The parameter must have a single value.',
        language
      )
    );
    return undefined;
  };
  for (const key of Object.keys(query)) {
    if (!ANSWERED_PARAMS.includes(key)) {
      errors.push(fieldError([key], 'Tham số không được hỗ trợ.', 'Unsupported parameter.', language));
    }
  }
  const q = text('q') ?? '';
  if (q.length > 200) {
    errors.push(
      fieldError(['q'], 'Từ khóa tối đa 200 ký tự.', 'The query is limited to 200 characters.', language)
    );
  }
  const kind = text('kind');
  if (kind !== undefined && !FEEDBACK_KINDS.some((k) => k.value === kind)) {
    errors.push(fieldError(['kind'], 'Loại nội dung không hợp lệ.', 'Unknown kind.', language));
  }
  const procedure = text('procedure');
  if (procedure !== undefined && !DOCUMENT_ID_PATTERN.test(procedure)) {
    errors.push(fieldError(['procedure'], 'Mã thủ tục không hợp lệ.', 'Invalid procedure id.', language));
  }
  const int = (key: string, fallback: number, max: number) => {
    const value = text(key);
    if (value === undefined) return fallback;
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
  const value = {
    words: queryWords(q),
    kind,
    procedure,
    page: int('page', 1, 1000),
    pageSize: int('pageSize', 10, 50),
  };
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
