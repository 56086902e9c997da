/**
 * The site-wide search: one query, understood once (stop words, synonyms), searched in each node's memory of the
 * published procedures, articles and answers (src/infra/search-memory.ts), one ranked group per type.
 */
import type { Core } from '@strapi/strapi';
import { searchConcepts, type ConceptSearch } from '#domain/search-engine';
import { understandQuery } from '#domain/search-query';
import type { SiteSearchParams, SiteSearchType } from '#domain/site-search';
import { searchVersions } from '#infra/search-changes';
import { searchCollection, type SearchSource } from '#infra/search-memory';
import { articleSearchSource } from '#api/article/search-documents';
import { answerSearchSource } from '#api/feedback/search-documents';
import { procedureSearchSource } from '#api/procedure/search-documents';
import { synonyms } from '#api/synonym/services/synonym';

const SOURCES: Record<SiteSearchType, SearchSource<object>> = {
  procedure: procedureSearchSource,
  article: articleSearchSource,
  answer: answerSearchSource,
};

export interface SiteSearchGroup {
  type: SiteSearchType;
  found: ConceptSearch<object>;
}

const siteSearchService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(params: SiteSearchParams): Promise<{ groups: SiteSearchGroup[]; ignored: string[] }> {
    const versions = await searchVersions(strapi);
    const { concepts, ignored } = understandQuery(
      params.words,
      await synonyms(strapi).prepared(versions.synonym),
      { withCodes: params.codes.length > 0 }
    );
    const groups: SiteSearchGroup[] = [];
    for (const type of params.types) {
      // Feedback is kept in Vietnamese: its answers are found whatever the locale.
      const locale = type === 'answer' ? 'vi' : params.locale;
      const collection = await searchCollection(strapi, SOURCES[type], locale, versions[type]);
      // National codes name procedures only; a query of codes alone finds nothing else.
      const pinned = type === 'procedure' ? collection.withIdentifiers(params.codes) : [];
      const found =
        concepts.length || pinned.length
          ? searchConcepts(collection, concepts, { pinned, page: params.page, pageSize: params.pageSize })
          : { results: [], total: 0, matchedAll: 0, partial: false, suggestion: null, highlighted: [] };
      groups.push({ type, found });
    }
    return { groups, ignored };
  },
});

export default siteSearchService;

/** The site-wide search service, typed. */
export const siteSearch = (strapi: Core.Strapi) =>
  strapi.service('api::search.search') as unknown as ReturnType<typeof siteSearchService>;
