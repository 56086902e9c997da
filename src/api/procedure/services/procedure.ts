import { factories, type Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { DEFAULT_SYNONYMS } from '#domain/default-synonyms';
import type { SearchParams } from '#domain/procedure-search';
import { prepareSynonyms, understandQuery, type Concept } from '#domain/search-query';
import { prefixRange } from '#domain/search-text';
import { linkedIds } from '#infra/relation-queries';
import { documentsWithWord, type TermSource } from '#infra/search-index';
import { procedureFieldTable, procedureLevelTable, procedureTable } from '#api/procedure/tables';

const UID = 'api::procedure.procedure';

// The shipped list until the managed one (issue 16) replaces it.
const SYNONYMS = prepareSynonyms(DEFAULT_SYNONYMS);

/** A published procedure as the register and the public forms name it. */
export interface ProcedureRef {
  documentId: string;
  nationalCode: string;
  name: string;
}

const procedureService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The public search: the query's concepts (search-query.ts: stop words out, synonyms in) must each match, one
   * of its ways of saying it with every word starting a word of the name, keywords or field (diacritics and case
   * ignored); national codes match exactly and rank first, then procedures whose name holds every concept.
   * Returns the documentIds of one page, in rank order, and the total.
   */
  async search(params: SearchParams): Promise<{ documentIds: string[]; total: number }> {
    const knex = strapi.db.connection;
    // Names from Strapi's metadata (src/api/procedure/tables.ts), so the SQL follows the schema.
    const procedure = procedureTable(strapi);
    const { locale } = params;
    const { concepts } = understandQuery(params.words, SYNONYMS);
    /** `column` is a document holding the concept: every word of one of its ways of saying it. */
    const holding = (column: string, concept: Concept, source?: TermSource) => (where: Knex.QueryBuilder) => {
      for (const words of concept.alternatives) {
        where.orWhere((all) => {
          for (const word of words)
            all.whereIn(column, documentsWithWord(knex, 'procedure', locale, prefixRange(word), source));
        });
      }
    };

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
        linkedIds(knex, procedure.link.levels, levels).where({ 'l.field': 'levels', 't.level': params.level })
      );
    }
    // A query that is only national codes lists exactly those; with words, codes just rank first.
    if (concepts.length === 0 && params.codes.length > 0) base.whereIn('p.national_code', params.codes);
    for (const concept of concepts) base.where(holding('p.document_id', concept));

    const codeRank = params.codes.length
      ? knex.raw(
          `CASE WHEN p.national_code IN (${params.codes.map(() => '?').join(',')}) THEN 0 ELSE 1 END`,
          params.codes
        )
      : knex.raw('1');
    const nameWords = knex(`${procedure.table} as n`).select('n.id');
    for (const concept of concepts) nameWords.where(holding('n.document_id', concept, 'n'));
    const nameRank = concepts.length
      ? knex.raw('CASE WHEN p.id IN (?) THEN 0 ELSE 1 END', [nameWords])
      : knex.raw('1');

    // One query gives the page and, through a window, the total; past the last page it gives no row, so the total
    // is counted on its own (from a copy taken before the page's select, order, limit and offset).
    const counting = base.clone();
    const rows = await base
      .select('p.document_id', 'p.national_code')
      .select({ code_rank: codeRank, name_rank: nameRank, total: knex.raw('COUNT(*) OVER ()') })
      .orderBy([
        { column: 'code_rank', order: 'asc' },
        { column: 'name_rank', order: 'asc' },
        { column: 'p.national_code', order: 'asc' },
        { column: 'p.id', order: 'asc' },
      ])
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize);
    const total =
      rows.length > 0
        ? Number(rows[0].total)
        : params.page > 1
          ? Number((await counting.count({ total: '*' }))[0].total)
          : 0;

    return { documentIds: rows.map((r: { document_id: string }) => r.document_id), total };
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
});

export default factories.createCoreService(UID, procedureService);

export type ProcedureService = ReturnType<typeof procedureService>;

/** The procedure service, typed: `procedures(strapi).publishedProcedure(documentId, language)`. */
export const procedures = (strapi: Core.Strapi) => strapi.service(UID) as unknown as ProcedureService;
