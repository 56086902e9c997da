import { factories, type Core } from '@strapi/strapi';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import type { SearchParams } from '#domain/procedure-search';
import { corrections, enoughConcepts, rankingPlan, suggestion } from '#domain/search-ranking';
import { understandQuery } from '#domain/search-query';
import { linkedIds } from '#infra/relation-queries';
import { rankedDocuments, vocabulary } from '#infra/search-ranking';
import { procedureFieldTable, procedureLevelTable, procedureTable } from '#api/procedure/tables';
import { synonyms } from '#api/synonym/services/synonym';

const UID = 'api::procedure.procedure';

/** A published procedure as the register and the public forms name it. */
export interface ProcedureRef {
  documentId: string;
  nationalCode: string;
  name: string;
}

/** One page of the search, in rank order. */
export interface SearchResult {
  documentIds: string[];
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

const DOCUMENT_COUNT_TTL_MS = 60_000;

const procedureService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documentCounts = new Map<string, { count: number; at: number }>();
  /** The published procedures of a locale, idf's N: counted at most once a minute. */
  async function documentCount(locale: string) {
    const cached = documentCounts.get(locale);
    if (cached && Date.now() - cached.at < DOCUMENT_COUNT_TTL_MS) return cached.count;
    const [{ count }] = await strapi.db
      .connection(procedureTable(strapi).table)
      .where('locale', locale)
      .whereNotNull('published_at')
      .count({ count: '*' });
    documentCounts.set(locale, { count: Number(count), at: Date.now() });
    return Number(count);
  }

  return {
    /**
     * The public search, ranked as src/domain/search-ranking.ts says: the query understood as concepts
     * (search-query.ts: stop words out, synonyms in), unknown words corrected within their allowed edits. The
     * results are the procedures holding enough of the concepts (`enoughConcepts`), every concept first; when none
     * does, those holding any, flagged partial, with a suggestion. A national code in the query ranks first.
     */
    async search(params: SearchParams): Promise<SearchResult> {
      const knex = strapi.db.connection;
      // Names from Strapi's metadata (src/api/procedure/tables.ts), so the SQL follows the schema.
      const procedure = procedureTable(strapi);
      const { locale, codes } = params;
      const { concepts, ignored } = understandQuery(params.words, await synonyms(strapi).prepared());
      const words = [...new Set(concepts.flatMap((concept) => concept.alternatives.flat()))];
      const known = concepts.length ? await vocabulary(strapi, 'procedure', locale) : new Map();
      const corrected = new Map(words.map((word) => [word, corrections(word, known)]));

      const base = knex(`${procedure.table} as p`).where('p.locale', locale).whereNotNull('p.published_at');
      if (params.status) base.where('p.legal_status', params.status);
      if (params.onlineLevel) base.where('p.online_level', params.onlineLevel);
      if (params.field) {
        const fields = procedureFieldTable(strapi).table;
        base.whereIn('p.id', linkedIds(knex, procedure.link.field, fields).where('t.code', params.field));
      }
      if (params.level) {
        // The levels are a component: its link table also names the attribute.
        const levels = procedureLevelTable(strapi).table;
        base.whereIn(
          'p.id',
          linkedIds(knex, procedure.link.levels, levels).where({
            'l.field': 'levels',
            't.level': params.level,
          })
        );
      }
      const inCodes = codes.length ? `p.national_code IN (${codes.map(() => '?').join(', ')})` : 'FALSE';
      const all = concepts.length;
      let matched = knex.raw('0');
      if (all > 0) {
        const { subquery: ranked } = await rankedDocuments(
          knex,
          'procedure',
          locale,
          rankingPlan(concepts, corrected),
          await documentCount(locale)
        );
        if (codes.length) {
          base.leftJoin(ranked, 'r.d', 'p.document_id');
          base.where((either) => either.whereNotNull('r.d').orWhereIn('p.national_code', codes));
        } else base.join(ranked, 'r.d', 'p.document_id');
        // A code asked for counts as holding the whole query.
        matched = knex.raw(`CASE WHEN ${inCodes} THEN ${all} ELSE COALESCE(r.matched, 0) END`, codes);
      } else if (codes.length) base.whereIn('p.national_code', codes);
      const holding = (least: number) =>
        knex.raw(`SUM(CASE WHEN ${matched.toQuery()} >= ${least} THEN 1 ELSE 0 END)`);
      const full = holding(all);
      const most = holding(enoughConcepts(all));

      // One query gives the page and, through windows, the totals; past the last page it gives no row, so they are
      // counted on their own (from a copy taken before the page's select, order, limit and offset).
      const counting = base.clone();
      const rows: {
        document_id: string;
        matched: number | string;
        total: number | string;
        full: number | string;
        most: number | string;
      }[] = await base
        .select('p.document_id')
        .select({
          matched,
          code_rank: knex.raw(`CASE WHEN ${inCodes} THEN 0 ELSE 1 END`, codes),
          total: knex.raw('COUNT(*) OVER ()'),
          full: knex.raw(`${full.toQuery()} OVER ()`),
          most: knex.raw(`${most.toQuery()} OVER ()`),
        })
        .orderBy([
          { column: 'code_rank', order: 'asc' },
          { column: 'matched', order: 'desc' },
          ...(all > 0
            ? [
                { column: 'r.phrase', order: 'desc' as const },
                { column: 'r.score', order: 'desc' as const },
              ]
            : []),
          { column: 'p.national_code', order: 'asc' },
          { column: 'p.id', order: 'asc' },
        ])
        .limit(params.pageSize)
        .offset((params.page - 1) * params.pageSize);
      const counts = rows.length
        ? rows[0]
        : (
            (await counting.select({ total: knex.raw('COUNT(*)'), full, most })) as {
              total: unknown;
              full: unknown;
              most: unknown;
            }[]
          )[0];
      const total = Number(counts?.total ?? 0);
      const fullTotal = Number(counts?.full ?? 0);
      const mostTotal = Number(counts?.most ?? 0);
      // Ranked by concepts held, so those holding enough come first and a page of them is a prefix of the rows.
      const least = mostTotal > 0 ? enoughConcepts(all) : 0;
      return {
        documentIds: rows.filter((row) => Number(row.matched) >= least).map((row) => row.document_id),
        total: mostTotal > 0 ? mostTotal : total,
        matchedAll: fullTotal,
        partial: all > 0 && fullTotal === 0 && total > 0,
        suggestion: all > 0 && fullTotal === 0 ? suggestion(words, known) : null,
        ignored,
        highlighted: [...new Set([...words, ...[...corrected.values()].flat()])],
      };
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
