/**
 * Published procedures as the search holds them in memory (src/infra/search-memory.ts): their words, weighted by
 * where they were found (name, keywords, field's name, implementing agency, subjects, result), and what a result
 * shows and is filtered on, so that a search reads nothing else.
 */
import type { Core } from '@strapi/strapi';
import { indexedWords } from '#domain/search-engine';
import type { SearchSource } from '#infra/search-memory';

const UID = 'api::procedure.procedure';
const BATCH = 500;

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

interface Row extends Omit<ProcedureHit, 'field'> {
  keywords: string | null;
  subjects: string | null;
  result: string | null;
  field: { name: string; code: string } | null;
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
    const rows = strapi.db.query(UID);
    const published = { publishedAt: { $notNull: true } };
    if (documentIds === 'all') {
      // Pages by id, so that a whole reload holds one page of rows at a time.
      for (let after = 0; ; ) {
        const page = (await rows.findMany({
          ...QUERY,
          where: { ...published, id: { $gt: after } },
          orderBy: { id: 'asc' },
          limit: BATCH,
        })) as Row[];
        if (page.length === 0) return;
        yield page.map(asDocument);
        after = page[page.length - 1].id;
      }
    }
    for (let i = 0; i < documentIds.length; i += BATCH) {
      const page = (await rows.findMany({
        ...QUERY,
        where: { ...published, documentId: { $in: documentIds.slice(i, i + BATCH) } },
      })) as Row[];
      yield page.map(asDocument);
    }
  },
};
