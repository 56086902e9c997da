/**
 * The word indexes behind the Vietnamese search. Answers and the staff's submissions list: each document's texts
 * are folded (no diacritics, đ → d, lower case) into words stored in `search_terms`, so that a query matches with
 * index range scans, identically on SQLite and PostgreSQL. Procedures, ranked on every public search, are held in
 * each node's memory instead (src/infra/search-memory.ts): indexing one records the change for every node.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { RankedSource } from '#domain/search-ranking';
import { terms } from '#domain/search-text';
import { SEARCH_TERMS_TABLE } from './models';
import { recordSearchChanges } from './search-changes';

export interface IndexedText {
  documentId: string;
  locale: string;
  texts: [RankedSource, string | null | undefined][];
}

export type SearchModel = 'procedure' | 'feedback' | 'submission';

/**
 * What each model's index holds, as a version: a database indexed by an older version is indexed again at start-up
 * (a new source of words, a new way of splitting them).
 */
const INDEX_VERSIONS: Record<SearchModel, number> = { procedure: 3, feedback: 1, submission: 1 };

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
      terms(text ?? '')
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
}

/** `document_id IN (documents having a word starting with lo…)`, for one query word. */
export function documentsWithWord(
  knex: Knex,
  model: SearchModel,
  locale: string,
  [lo, hi]: [string, string],
  source?: RankedSource
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
 * Procedures' published texts changed (or all of them): every node reads them again before its next search
 * (src/api/procedure/search-documents.ts says what is indexed).
 */
export const reindexProcedures = (strapi: Core.Strapi, documentIds: string[] | 'all') =>
  recordSearchChanges(strapi, 'procedure', documentIds);

const reindexAnswerWords = reindexer<{
  documentId: string;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
}>(
  'feedback',
  'api::feedback.feedback',
  {
    // An answer without public texts has no words: were it read, an index left empty by such answers alone would
    // read them all again at every start (indexUnindexedModels).
    where: {
      state: 'published',
      answerPublished: true,
      $or: [
        { publicSubject: { $notNull: true } },
        { publicContent: { $notNull: true } },
        { publicAnswer: { $notNull: true } },
      ],
    },
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

/**
 * Published answers are searchable by their public subject (ranked), content and answer, never the originals: in
 * the answered list's word index, and in each node's memory for the site-wide search.
 */
export async function reindexFeedback(strapi: Core.Strapi, documentIds: string[] | 'all') {
  await reindexAnswerWords(strapi, documentIds);
  await recordSearchChanges(strapi, 'answer', documentIds);
}

/** Articles' published texts changed: every node reads them again before its next site-wide search. */
export const reindexArticles = (strapi: Core.Strapi, documentIds: string[]) =>
  recordSearchChanges(strapi, 'article', documentIds);

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
 * Procedures are read whole by each node at its first search; a new version only drops their old word rows.
 */
export async function indexUnindexedModels(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'app', name: 'search-index' });
  const procedureVersion = (await store.get({ key: 'procedure' })) as number | null;
  if (procedureVersion !== INDEX_VERSIONS.procedure) {
    await strapi.db.connection(SEARCH_TERMS_TABLE).where({ model: 'procedure' }).delete();
    await store.set({ key: 'procedure', value: INDEX_VERSIONS.procedure });
  }
  for (const [model, reindex] of [
    ['feedback', reindexFeedback],
    ['submission', reindexSubmissions],
  ] as const) {
    const [{ count }] = await strapi.db.connection(SEARCH_TERMS_TABLE).where({ model }).count({ count: '*' });
    const version = (await store.get({ key: model })) as number | null;
    if (Number(count) === 0 || (version ?? 1) !== INDEX_VERSIONS[model]) await reindex(strapi, 'all');
    if (version !== INDEX_VERSIONS[model]) await store.set({ key: model, value: INDEX_VERSIONS[model] });
  }
}
