import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseSiteSearchParams, type SiteSearchType } from '#domain/site-search';
import { snippet } from '#domain/search-snippet';
import { localeCodes } from '#infra/locales';
import { queryOf, valid } from '#utils/requests';
import { requestLanguage } from '#utils/http';
import type { ArticleHit } from '#api/article/search-documents';
import type { AnswerHit } from '#api/feedback/search-documents';
import type { ProcedureHit } from '#api/procedure/search-documents';
import { siteSearch } from '../services/search';

const SNIPPET_LENGTH = 200;

/** The text a result's snippet is taken from: its title, or the passage of its text that matched more. */
function bestSnippet(texts: (string | null)[], highlighted: string[]) {
  const snippets = texts
    .filter((text): text is string => Boolean(text))
    .map((text) => snippet(text, highlighted, SNIPPET_LENGTH));
  return snippets.reduce((best, next) => (next.highlights.length > best.highlights.length ? next : best));
}

/** A result as the website shows it: what it is, its title and snippet, and the fields its own page is found by. */
const RESULT: Record<SiteSearchType, (hit: never, highlighted: string[]) => object> = {
  procedure: (hit: ProcedureHit, highlighted) => ({
    documentId: hit.documentId,
    title: hit.name,
    nationalCode: hit.nationalCode,
    field: hit.field,
    onlineLevel: hit.onlineLevel,
    snippet: bestSnippet([hit.name], highlighted),
  }),
  article: (hit: ArticleHit, highlighted) => ({
    documentId: hit.documentId,
    title: hit.title,
    slug: hit.slug,
    kind: hit.kind,
    publishedAt: hit.publishedAt,
    snippet: bestSnippet([hit.title, hit.summary], highlighted),
  }),
  answer: (hit: AnswerHit, highlighted) => ({
    documentId: hit.documentId,
    title: hit.subject,
    kind: hit.kind,
    answeredAt: hit.answeredAt,
    snippet: bestSnippet([hit.subject, hit.content], highlighted),
  }),
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search?q=&types=&locale=&page=&pageSize= → one ranked group per type. */
  async search(ctx: Context) {
    const params = valid(
      parseSiteSearchParams(queryOf(ctx), await localeCodes(strapi), requestLanguage(ctx))
    );
    const { groups, ignored } = await siteSearch(strapi).search(params);
    return {
      data: groups.map(({ type, found }) => ({
        type,
        results: found.results.map((entry) => RESULT[type](entry.payload as never, found.highlighted)),
        total: found.total,
        matchedAll: found.matchedAll,
        partial: found.partial,
        suggestion: found.suggestion,
      })),
      meta: { pagination: { page: params.page, pageSize: params.pageSize }, search: { ignored } },
    };
  },
});
