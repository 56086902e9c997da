/**
 * Published procedures as the search holds them in memory (src/infra/search-memory.ts): their words, weighted by
 * where they were found (name, keywords, field's name, implementing agency, subjects, result), and what a result
 * shows and is filtered on, so that a search reads nothing else.
 */
import type { Core } from '@strapi/strapi';
import { indexedWords } from '#domain/search-engine';
import { rowsOf, type SearchSource } from '#infra/search-memory';

const UID = 'api::procedure.procedure';

/** A procedure as a search result shows it. */
export interface ProcedureHit {
  id: number;
  documentId: string;
  nationalCode: string;
  name: string;
  implementingAgency: string | null;
  onlineLevel: string | null;
  legalStatus: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  locale: string;
  field: { name: string; code: string } | null;
  levels: { id: number; level: string }[];
}

interface Row extends ProcedureHit {
  keywords: string | null;
  subjects: string | null;
  result: string | null;
}

const QUERY = {
  select: [
    'id',
    'documentId',
    'locale',
    'nationalCode',
    'name',
    'keywords',
    'implementingAgency',
    'subjects',
    'result',
    'onlineLevel',
    'legalStatus',
    'effectiveFrom',
    'effectiveTo',
  ],
  populate: { field: { select: ['name', 'code'] }, levels: { select: ['id', 'level'] } },
};

const asDocument = (row: Row) => ({
  key: row.documentId,
  locale: row.locale,
  order: `${row.nationalCode}\u0000${row.documentId}`,
  identifiers: [row.nationalCode],
  ...indexedWords(
    [
      ['n', row.name],
      ['k', row.keywords],
      ['f', row.field?.name],
      ['a', row.implementingAgency],
      ['s', row.subjects],
      ['r', row.result],
    ],
    row.name
  ),
  payload: {
    id: row.id,
    documentId: row.documentId,
    nationalCode: row.nationalCode,
    name: row.name,
    implementingAgency: row.implementingAgency,
    onlineLevel: row.onlineLevel,
    legalStatus: row.legalStatus,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    locale: row.locale,
    field: row.field ? { name: row.field.name, code: row.field.code } : null,
    levels: (row.levels ?? []).map(({ id, level }) => ({ id, level })),
  },
});

export const procedureSearchSource: SearchSource<ProcedureHit> = {
  model: 'procedure',
  async *read(strapi: Core.Strapi, documentIds: string[] | 'all') {
    const query = { ...QUERY, where: { publishedAt: { $notNull: true } } };
    for await (const rows of rowsOf<Row>(strapi, UID, query, documentIds)) yield rows.map(asDocument);
  },
};
