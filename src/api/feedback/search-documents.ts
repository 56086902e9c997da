/**
 * Published feedback answers as the site-wide search holds them in memory (src/infra/search-memory.ts): only
 * their public texts, contacts masked as the answered list shows them, so that no search can find what a citizen
 * wrote but the Office did not publish. Feedback is kept in Vietnamese.
 */
import type { Core } from '@strapi/strapi';
import { publicText } from '#domain/feedback-public';
import { indexedWords } from '#domain/search-engine';
import { rowsOf, type SearchSource } from '#infra/search-memory';

const UID = 'api::feedback.feedback';

/** An answer as a search result shows it. */
export interface AnswerHit {
  documentId: string;
  kind: string;
  subject: string;
  content: string;
  answeredAt: string | null;
}

interface Row {
  id: number;
  documentId: string;
  kind: string;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
  answeredAt: string | null;
}

const QUERY = {
  select: ['id', 'documentId', 'kind', 'publicSubject', 'publicContent', 'publicAnswer', 'answeredAt'],
  where: { state: 'published', answerPublished: true },
};

function asDocument(row: Row) {
  const subject = publicText(row.publicSubject ?? '');
  const content = publicText(row.publicContent ?? '');
  const answeredAt = row.answeredAt ? new Date(row.answeredAt).toISOString() : null;
  return {
    key: row.documentId,
    locale: 'vi',
    // Newest answer first among equals.
    order: `${9_999_999_999_999 - (answeredAt ? Date.parse(answeredAt) : 0)}`.padStart(16, '0'),
    ...indexedWords(
      [
        ['n', subject],
        ['k', content],
        ['k', publicText(row.publicAnswer ?? '')],
      ],
      subject
    ),
    payload: { documentId: row.documentId, kind: row.kind, subject, content, answeredAt },
  };
}

export const answerSearchSource: SearchSource<AnswerHit> = {
  model: 'answer',
  async *read(strapi: Core.Strapi, documentIds: string[] | 'all') {
    for await (const rows of rowsOf<Row>(strapi, UID, QUERY, documentIds)) yield rows.map(asDocument);
  },
};
