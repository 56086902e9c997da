/**
 * The word index behind the Vietnamese search (the public procedure and answer searches, the staff's submissions
 * list): each searchable document's texts are folded (no diacritics,
 * đ → d, lower case) into words stored in `search_terms`, so that a query matches with index range scans,
 * identically on SQLite and PostgreSQL, and never by scanning rows in JavaScript.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PAIR_SOURCE, wordPairs, type RankedSource } from '#domain/search-ranking';
import { terms } from '#domain/search-text';
import { SEARCH_TERMS_TABLE } from './models';
import { staleVocabulary } from './search-ranking';

/**
 * Where a word came from (weights in src/domain/search-ranking.ts): name, keywords, field, agency, subjects,
 * result; `p` holds the name's word pairs ("giay phep"), for phrase matches.
 */
export type TermSource = RankedSource | typeof PAIR_SOURCE;

export interface IndexedText {
  documentId: string;
  locale: string;
  texts: [TermSource, string | null | undefined][];
}

export type SearchModel = 'procedure' | 'feedback' | 'submission';

/**
 * What each model's index holds, as a version: a database indexed by an older version is indexed again at start-up
 * (a new source of words, a new way of splitting them).
 */
const INDEX_VERSIONS: Record<SearchModel, number> = { procedure: 2, feedback: 1, submission: 1 };

const BATCH = 500;

/** Replaces the words of these documents (or of every document of the model) by those of `docs`. */
export async function replaceTerms(
  strapi: Core.Strapi,
  model: SearchModel,
  scope: string[] | 'all',
  docs: IndexedText[]
) {
  const knex = strapi.db.connection;
  const rows = docs.flatMap(({ documentId, locale, texts }) => {
    const seen = new Set<string>();
    return texts.flatMap(([source, text]) =>
      (source === PAIR_SOURCE ? wordPairs : terms)(text ?? '')
        .filter((term) => !seen.has(`${source}:${term}`) && seen.add(`${source}:${term}`))
        .map((term) => ({ model, document_id: documentId, locale, term, source }))
    );
  });
  await strapi.db.transaction(async ({ trx }) => {
    if (scope === 'all') await knex(SEARCH_TERMS_TABLE).transacting(trx).where({ model }).delete();
    else {
      for (let i = 0; i < scope.length; i += BATCH) {
        await knex(SEARCH_TERMS_TABLE)
          .transacting(trx)
          .where({ model })
          .whereIn('document_id', scope.slice(i, i + BATCH))
          .delete();
      }
    }
    for (let i = 0; i < rows.length; i += BATCH) {
      await knex(SEARCH_TERMS_TABLE)
        .transacting(trx)
        .insert(rows.slice(i, i + BATCH));
    }
  });
  staleVocabulary(strapi, model);
}

/** `document_id IN (documents having a word starting with lo…)`, for one query word. */
export function documentsWithWord(
  knex: Knex,
  model: SearchModel,
  locale: string,
  [lo, hi]: [string, string],
  source?: TermSource
) {
  const query = knex(SEARCH_TERMS_TABLE)
    .select('document_id')
    .where({ model, locale })
    .where('term', '>=', lo)
    .where('term', '<', hi);
  return source ? query.where({ source }) : query;
}

/**
 * The indexer of one model: reads these documents' searchable rows (or every one) with `query`, its `where` added to
 * the documents asked for, and replaces their words by those `index` gives a row.
 */
function reindexer<Row extends { documentId: string }>(
  model: SearchModel,
  uid: UID.ContentType,
  query: { where?: object; select: (keyof Row & string)[]; populate?: object },
  index: (row: Row) => Omit<IndexedText, 'documentId'>
) {
  return async (strapi: Core.Strapi, documentIds: string[] | 'all') => {
    const where = documentIds === 'all' ? {} : { documentId: { $in: documentIds } };
    const rows = (await strapi.db
      .query(uid)
      .findMany({ ...query, where: { ...where, ...query.where } })) as Row[];
    await replaceTerms(
      strapi,
      model,
      documentIds,
      rows.map((row) => ({ documentId: row.documentId, ...index(row) }))
    );
  };
}

/**
 * Re-reads the published rows of these procedures and indexes their name (and its word pairs), keywords, field
 * name, implementing agency, subjects and result.
 */
export const reindexProcedures = reindexer<{
  documentId: string;
  locale: string;
  name: string;
  keywords: string | null;
  implementingAgency: string | null;
  subjects: string | null;
  result: string | null;
  field?: { name: string };
}>(
  'procedure',
  'api::procedure.procedure',
  {
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'name', 'keywords', 'implementingAgency', 'subjects', 'result'],
    populate: { field: { select: ['name'] } },
  },
  (r) => ({
    locale: r.locale,
    texts: [
      ['n', r.name],
      [PAIR_SOURCE, r.name],
      ['k', r.keywords],
      ['f', r.field?.name],
      ['a', r.implementingAgency],
      ['s', r.subjects],
      ['r', r.result],
    ],
  })
);

/** Published answers are searchable by their public subject (ranked), content and answer: never the originals. */
export const reindexFeedback = reindexer<{
  documentId: string;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
}>(
  'feedback',
  'api::feedback.feedback',
  {
    where: { state: 'published', answerPublished: true },
    select: ['documentId', 'publicSubject', 'publicContent', 'publicAnswer'],
  },
  (r) => ({
    locale: 'vi',
    texts: [
      ['n', r.publicSubject],
      ['k', r.publicContent],
      ['k', r.publicAnswer],
    ],
  })
);

/** Units' submissions, for the staff's list: every state, by title (ranked) and body. Not localized: 'vi'. */
export const reindexSubmissions = reindexer<{ documentId: string; title: string; body: string | null }>(
  'submission',
  'plugin::unit-submissions.submission',
  { select: ['documentId', 'title', 'body'] },
  (r) => ({
    locale: 'vi',
    texts: [
      ['n', r.title],
      ['k', r.body],
    ],
  })
);

/**
 * Databases filled before the search index (or one of its models) existed, restored without it, or indexed by an
 * older INDEX_VERSIONS, get each such model indexed whole once, at bootstrap: its old rows are found like new ones.
 */
export async function indexUnindexedModels(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'app', name: 'search-index' });
  for (const [model, reindex] of [
    ['procedure', reindexProcedures],
    ['feedback', reindexFeedback],
    ['submission', reindexSubmissions],
  ] as const) {
    const [{ count }] = await strapi.db.connection(SEARCH_TERMS_TABLE).where({ model }).count({ count: '*' });
    const version = (await store.get({ key: model })) as number | null;
    if (Number(count) === 0 || (version ?? 1) !== INDEX_VERSIONS[model]) await reindex(strapi, 'all');
    if (version !== INDEX_VERSIONS[model]) await store.set({ key: model, value: INDEX_VERSIONS[model] });
  }
}
