/**
 * Published articles as the site-wide search holds them in memory (src/infra/search-memory.ts): their title
 * (weighted as a name), summary (as keywords) and body's text (as a result), and what a result shows.
 */
import type { Core } from '@strapi/strapi';
import { indexedWords } from '#domain/search-engine';
import { blocksText } from '#domain/site-search';
import { rowsOf, type SearchSource } from '#infra/search-memory';

const UID = 'api::article.article';

/** An article as a search result shows it. */
export interface ArticleHit {
  documentId: string;
  title: string;
  slug: string | null;
  summary: string | null;
  kind: string | null;
  publishedAt: string;
  locale: string;
}

interface Row extends ArticleHit {
  id: number;
  body: unknown;
}

const SELECT = ['id', 'documentId', 'locale', 'title', 'slug', 'summary', 'body', 'kind', 'publishedAt'];

const asDocument = (row: Row) => ({
  key: row.documentId,
  locale: row.locale,
  // Newest first among equals.
  order: `${9_999_999_999_999 - new Date(row.publishedAt).getTime()}`.padStart(16, '0'),
  ...indexedWords(
    [
      ['n', row.title],
      ['k', row.summary],
      ['r', blocksText(row.body)],
    ],
    row.title
  ),
  payload: {
    documentId: row.documentId,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    kind: row.kind,
    publishedAt: new Date(row.publishedAt).toISOString(),
    locale: row.locale,
  },
});

export const articleSearchSource: SearchSource<ArticleHit> = {
  model: 'article',
  async *read(strapi: Core.Strapi, documentIds: string[] | 'all') {
    const query = { select: SELECT, where: { publishedAt: { $notNull: true } } };
    for await (const rows of rowsOf<Row>(strapi, UID, query, documentIds)) yield rows.map(asDocument);
  },
};
