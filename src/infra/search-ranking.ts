/**
 * The ranking of src/domain/search-ranking.ts in SQL over `search_terms`, the same statements on SQLite and
 * PostgreSQL: the query's lookups become a VALUES list joined to the index by range, and grouping gives each
 * document the concepts it holds, its phrase pairs and its score. Numbers computed here (idf, weights) are written
 * into the SQL as literals; the words are bound.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  idf,
  PAIR_SOURCE,
  PREFIX_FACTOR,
  SOURCE_WEIGHTS,
  type RankingPlan,
  type Vocabulary,
} from '#domain/search-ranking';
import { SEARCH_TERMS_TABLE } from './models';
import type { SearchModel } from './search-index';

/** A finite number as an SQL literal. */
const literal = (value: number) => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return value.toFixed(6);
};

const SOURCE_WEIGHT = `CASE t.source ${Object.entries(SOURCE_WEIGHTS)
  .map(([source, weight]) => `WHEN '${source}' THEN ${literal(weight)}`)
  .join(' ')} ELSE 0 END`;

/** For each lookup, the number of documents holding a term in its range: idf's df. */
async function documentFrequencies(
  knex: Knex,
  model: SearchModel,
  locale: string,
  plan: RankingPlan
): Promise<number[]> {
  const values = plan.lookups.map((_, i) => `(${i}, ?, ?)`).join(', ');
  const rows: { i: number | string; df: number | string }[] = await knex
    .raw(
      `WITH q(i, lo, hi) AS (VALUES ${values})
     SELECT q.i AS i, COUNT(DISTINCT t.document_id) AS df
     FROM q JOIN ${SEARCH_TERMS_TABLE} t
       ON t.model = ? AND t.locale = ? AND t.term >= q.lo AND t.term < q.hi AND t.source <> '${PAIR_SOURCE}'
     GROUP BY q.i`,
      [...plan.lookups.flatMap((lookup) => [lookup.lo, lookup.hi]), model, locale]
    )
    .then((result: unknown) => (Array.isArray(result) ? result : (result as { rows: [] }).rows));
  const dfs = plan.lookups.map(() => 0);
  for (const row of rows) dfs[Number(row.i)] = Number(row.df);
  return dfs;
}

/**
 * A subquery of the documents holding at least one concept: `d` (documentId), `matched` (concepts held), `phrase`
 * (query pairs the name holds) and `score`. Wrapped in an object: a knex query returned from an async function
 * would be awaited, so run.
 */
export async function rankedDocuments(
  knex: Knex,
  model: SearchModel,
  locale: string,
  plan: RankingPlan,
  documents: number
): Promise<{ subquery: Knex.Raw }> {
  const dfs = await documentFrequencies(knex, model, locale, plan);
  const lookups = plan.lookups
    .map(
      (lookup, i) =>
        `(${lookup.concept}, ${lookup.alternative}, ${lookup.word}, ?, ?, ${literal(idf(dfs[i], documents) * lookup.factor)})`
    )
    .join(', ');
  const alternatives = plan.alternatives
    .map((alt) => `(${alt.concept}, ${alt.alternative}, ${alt.words})`)
    .join(', ');
  const bindings: unknown[] = [...plan.lookups.flatMap((lookup) => [lookup.lo, lookup.hi]), model, locale];
  const phrases = plan.pairs.length
    ? `, phrases AS (
        SELECT t.document_id AS d, COUNT(*) AS n FROM ${SEARCH_TERMS_TABLE} t
        WHERE t.model = ? AND t.locale = ? AND t.source = '${PAIR_SOURCE}'
          AND t.term IN (${plan.pairs.map(() => '?').join(', ')})
        GROUP BY t.document_id)`
    : '';
  if (plan.pairs.length) bindings.push(model, locale, ...plan.pairs);
  const subquery = knex.raw(
    `(WITH q(c, a, w, lo, hi, weight) AS (VALUES ${lookups}),
      alt(c, a, n) AS (VALUES ${alternatives}),
      hits AS (
        SELECT t.document_id AS d, q.c AS c, q.a AS a, q.w AS w,
          MAX(q.weight * ${SOURCE_WEIGHT} * CASE WHEN t.term = q.lo THEN 1 ELSE ${literal(PREFIX_FACTOR)} END) AS s
        FROM q JOIN ${SEARCH_TERMS_TABLE} t
          ON t.model = ? AND t.locale = ? AND t.term >= q.lo AND t.term < q.hi AND t.source <> '${PAIR_SOURCE}'
        GROUP BY t.document_id, q.c, q.a, q.w),
      alts AS (
        SELECT h.d AS d, h.c AS c, SUM(h.s) AS s FROM hits h JOIN alt ON alt.c = h.c AND alt.a = h.a
        GROUP BY h.d, h.c, h.a, alt.n HAVING COUNT(*) = alt.n),
      concepts AS (SELECT d, c, MAX(s) AS s FROM alts GROUP BY d, c)${phrases}
    SELECT k.d AS d, COUNT(*) AS matched, ${plan.pairs.length ? 'MAX(COALESCE(ph.n, 0))' : '0'} AS phrase,
      SUM(k.s) AS score
    FROM concepts k${plan.pairs.length ? ' LEFT JOIN phrases ph ON ph.d = k.d' : ''}
    GROUP BY k.d) AS r`,
    bindings
  );
  return { subquery };
}

const VOCABULARY_TTL_MS = 5 * 60_000;
const vocabularies = new WeakMap<
  Core.Strapi,
  Map<string, { words: Vocabulary; loadedAt: number; loading?: Promise<Vocabulary> }>
>();

async function loadVocabulary(strapi: Core.Strapi, model: SearchModel, locale: string): Promise<Vocabulary> {
  const rows: { term: string; documents: number | string }[] = await strapi.db
    .connection(SEARCH_TERMS_TABLE)
    .select('term')
    .count({ documents: '*' })
    .where({ model, locale })
    .whereNot({ source: PAIR_SOURCE })
    .groupBy('term');
  return new Map(rows.map((row) => [row.term, Number(row.documents)]));
}

/**
 * The index's words of a model and locale, for typo corrections: loaded once, then refreshed in the background
 * when older than 5 minutes (so that another node's new words arrive), and at once after this node reindexes.
 */
export async function vocabulary(
  strapi: Core.Strapi,
  model: SearchModel,
  locale: string
): Promise<Vocabulary> {
  let byKey = vocabularies.get(strapi);
  if (!byKey) vocabularies.set(strapi, (byKey = new Map()));
  const key = `${model}:${locale}`;
  const cached = byKey.get(key);
  const load = () => {
    const loading = loadVocabulary(strapi, model, locale).then((words) => {
      byKey.set(key, { words, loadedAt: Date.now() });
      return words;
    });
    byKey.set(key, { words: cached?.words ?? new Map(), loadedAt: cached?.loadedAt ?? 0, loading });
    return loading;
  };
  if (!cached) return load();
  if (cached.loading) return cached.words.size ? cached.words : cached.loading;
  if (Date.now() - cached.loadedAt > VOCABULARY_TTL_MS) void load().catch(() => undefined);
  return cached.words;
}

/** After a reindex on this node: the next search refreshes the vocabulary in the background. */
export function staleVocabulary(strapi: Core.Strapi, model: SearchModel) {
  for (const [key, cached] of vocabularies.get(strapi) ?? [])
    if (key.startsWith(`${model}:`)) cached.loadedAt = 0;
}
