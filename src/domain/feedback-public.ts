/**
 * What the public may learn about a feedback: a coarse status for its sender (who holds the tracking code), and,
 * once its answer is published, the subject, content and answer with contact details masked. Never the sender.
 */
import type { Language } from './errors';
import { DOCUMENT_ID_PATTERN, FEEDBACK_KIND_VALUES } from './feedback-intake';
import { QueryReader, type Parsed } from './query-params';
import { maskContacts, queryWords } from './search-text';
import type { FeedbackState } from './feedback-states';

export type { FeedbackState };

/** What the sender is told: the register's states, with the internal review steps as one "in progress". */
export const PUBLIC_STATUSES = [
  'received',
  'not_accepted',
  'transferred',
  'in_progress',
  'answered',
  'published',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

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
}

/** A published answer: the texts the Office published, with the submitter's personal data removed. */
export interface PublishedFeedback {
  documentId: string;
  kind: string;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
  receivedAt: string;
  answeredAt: string | null;
  procedure?: { documentId: string; nationalCode: string; name: string } | null;
}

/**
 * Citizens' and staff's texts are plain text, and a website may well insert them as HTML. So the public copies
 * never contain a tag: every `<` that would open one (`<` followed by a letter, `/`, `!` or `?`) is removed with
 * what follows it up to its `>`. One pass with a stack of what was kept, so a tag rebuilt from the remains of
 * another (`<<b>script>`) is removed as well. Other `<`, `>` and `&` stay: they are inert in HTML text.
 */
export function withoutMarkup(text: string): string {
  const kept: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (kept[kept.length - 1] === '<' && /[A-Za-z/!?]/.test(char)) {
      kept.pop();
      while (i < text.length && text[i] !== '>' && text[i] !== '<') i++;
      if (text[i] === '>') i++;
      continue;
    }
    kept.push(char);
    i++;
  }
  return kept.join('');
}

/** A public copy of a citizen's or an answer's text: contacts masked, markup removed. */
export const publicText = (text: string) => withoutMarkup(maskContacts(text));

/** The submitter (who holds the code) reads the answer once it was sent to them. */
export function statusView(feedback: StoredFeedback) {
  const answered = feedback.state === 'answered' || feedback.state === 'published';
  return {
    status: publicStatus(feedback.state),
    receivedAt: feedback.receivedAt,
    dueDate: feedback.dueDate,
    answeredAt: feedback.answeredAt,
    answer: answered && feedback.answer ? publicText(feedback.answer) : null,
  };
}

export function answeredView(feedback: PublishedFeedback) {
  const masked = (text: string | null) => (text ? publicText(text) : null);
  return {
    documentId: feedback.documentId,
    kind: feedback.kind,
    subject: masked(feedback.publicSubject) ?? '',
    content: masked(feedback.publicContent) ?? '',
    answer: masked(feedback.publicAnswer),
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
): Parsed<AnsweredParams> {
  const read = new QueryReader(query, ANSWERED_PARAMS, language);
  return read.result({
    words: queryWords(read.text('q') ?? ''),
    kind: read.oneOf('kind', FEEDBACK_KIND_VALUES),
    procedure: read.matching(
      'procedure',
      DOCUMENT_ID_PATTERN,
      'Mã thủ tục không hợp lệ.',
      'Invalid procedure id.'
    ),
    page: read.int('page', 1, 1000),
    pageSize: read.int('pageSize', 10, 50),
  });
}
