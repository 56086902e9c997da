import { factories, type Core } from '@strapi/strapi';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import type { SearchParams } from '#domain/procedure-search';
import { searchConcepts } from '#domain/search-engine';
import { understandQuery } from '#domain/search-query';
import { searchVersions } from '#infra/search-changes';
import { searchCollection } from '#infra/search-memory';
import { synonyms } from '#api/synonym/services/synonym';
import { procedureSearchSource, type ProcedureHit } from '../search-documents';

const UID = 'api::procedure.procedure';

/** A published procedure as the register and the public forms name it. */
export interface ProcedureRef {
  documentId: string;
  nationalCode: string;
  name: string;
}

/** One page of the search, in rank order. */
export interface SearchResult {
  hits: ProcedureHit[];
  total: number;
  /** How many results hold every concept of the query: they come first; the rest hold most of them. */
  matchedAll: number;
  /** No procedure holds every concept of the query: these hold some of them, the most first. */
  partial: boolean;
  /** The query with its unknown words corrected, when nothing matched it in full. */
  suggestion: string | null;
  /** The stop words left out of the query. */
  ignored: string[];
  /** The folded words a result's snippet highlights: every way of saying each concept, and their corrections. */
  highlighted: string[];
}

const procedureService = ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /**
     * The public search, ranked as src/domain/search-ranking.ts says over this node's copy of the published
     * procedures (search-engine.ts): the query understood as concepts (search-query.ts: stop words out, synonyms
     * in), unknown words corrected within their allowed edits. The results are the procedures holding enough of the
     * query's words (`enoughWords`), every word first; when none does, those holding any, flagged partial, with a
     * suggestion. A national code in the query ranks first.
     */
    async search(params: SearchParams): Promise<SearchResult> {
      const { locale, codes } = params;
      const versions = await searchVersions(strapi);
      const collection = await searchCollection(strapi, procedureSearchSource, locale, versions.procedure);
      const { concepts, ignored } = understandQuery(
        params.words,
        await synonyms(strapi).prepared(versions.synonym),
        { withCodes: params.codes.length > 0 }
      );
      const filtered = params.status || params.onlineLevel || params.field || params.level;
      const accept = filtered
        ? (hit: ProcedureHit) =>
            (!params.status || hit.legalStatus === params.status) &&
            (!params.onlineLevel || hit.onlineLevel === params.onlineLevel) &&
            (!params.field || hit.field?.code === params.field) &&
            (!params.level || hit.levels.some((entry) => entry.level === params.level))
        : undefined;
      const found = searchConcepts(collection, concepts, {
        accept,
        // Codes asked for alone list exactly those found: none for an unknown code, not every procedure.
        pinned: codes.length ? collection.withIdentifiers(codes) : undefined,
        page: params.page,
        pageSize: params.pageSize,
      });
      return {
        hits: found.results.map((entry) => entry.payload),
        total: found.total,
        matchedAll: found.matchedAll,
        partial: found.partial,
        suggestion: found.suggestion,
        ignored,
        highlighted: found.highlighted,
      };
    },

    /** Reads the published procedures into this node's memory before the first search needs them. */
    async warm() {
      const versions = await searchVersions(strapi);
      await searchCollection(strapi, procedureSearchSource, 'vi', versions.procedure);
    },

    /** The published procedure of this documentId, or the field error to report (`procedure`). */
    async publishedProcedure(
      documentId: string,
      language: Language
    ): Promise<ProcedureRef | { error: FieldError }> {
      // One published row per locale: the Vietnamese one names it, as the register is kept in Vietnamese.
      const rows = await strapi.db.query(UID).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['documentId', 'nationalCode', 'name', 'locale'],
      });
      const found = rows.find((row: { locale: string }) => row.locale === 'vi') ?? rows[0];
      return found
        ? { documentId: found.documentId, nationalCode: found.nationalCode, name: found.name }
        : {
            error: fieldError(
              ['procedure'],
              'Không tìm thấy thủ tục hành chính này.',
              'No such procedure.',
              language
            ),
          };
    },
  };
};

export default factories.createCoreService(UID, procedureService);

export type ProcedureService = ReturnType<typeof procedureService>;

/** The procedure service, typed: `procedures(strapi).publishedProcedure(documentId, language)`. */
export const procedures = (strapi: Core.Strapi) => strapi.service(UID) as unknown as ProcedureService;
