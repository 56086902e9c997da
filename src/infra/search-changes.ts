/**
 * What changed in a model's search, for every node that holds it in memory (src/infra/search-memory.ts). A write
 * raises the model's version and names the documents it changed, in the writer's own transaction: the version row's
 * lock orders concurrent writers, so versions become visible in the order they commit, and a node that has read up
 * to version v has seen every change at or below it.
 *
 * A node reads the versions (a few rows) at most once a second, as the response cache polls its generations, and
 * before every search for a while after a write of its own: a writer sees its change at once, another node within
 * a second.
 */
import type { Core } from '@strapi/strapi';
import { SEARCH_CHANGES_TABLE, SEARCH_VERSIONS_TABLE } from './models';

/**
 * What the search holds in each node's memory: the procedures, published articles and answers, and the synonym list
 * it reads queries with.
 */
export const VERSIONED_SEARCHES = ['procedure', 'article', 'answer', 'synonym'] as const;
export type VersionedSearch = (typeof VERSIONED_SEARCHES)[number];

/** Every document of the model changed: a node reloads it whole. */
export const ALL_DOCUMENTS = '*';
/** The changes kept; a node further behind than CATCH_UP reloads whole rather than read them. */
const KEPT = 5000;
const CATCH_UP = 4000;
const BATCH = 500;
const VERSIONS_TTL_MS = 1000;
/** How long after a write of its own a node reads the versions before each search (its transaction may commit later). */
const AFTER_OWN_WRITE_MS = 2000;

interface KnownVersions {
  versions?: Record<VersionedSearch, number>;
  readAt: number;
  writtenAt: number;
  reading?: Promise<Record<VersionedSearch, number>>;
}
const known = new WeakMap<Core.Strapi, KnownVersions>();
const knownOf = (strapi: Core.Strapi) => {
  let state = known.get(strapi);
  if (!state) known.set(strapi, (state = { readAt: 0, writtenAt: 0 }));
  return state;
};

/** The version rows exist before any writer needs to lock one (two nodes cannot race to insert it). */
export async function ensureSearchVersions(strapi: Core.Strapi) {
  await strapi.db
    .connection(SEARCH_VERSIONS_TABLE)
    .insert(VERSIONED_SEARCHES.map((model) => ({ model, version: 0 })))
    .onConflict('model')
    .ignore();
}

/** Records that these documents (or all of the model's) changed, within the caller's transaction if any. */
export async function recordSearchChanges(
  strapi: Core.Strapi,
  model: VersionedSearch,
  documentIds: string[] | 'all'
) {
  const ids = documentIds === 'all' ? [ALL_DOCUMENTS] : [...new Set(documentIds)];
  if (ids.length === 0) return;
  const state = knownOf(strapi);
  state.writtenAt = Date.now();
  const knex = strapi.db.connection;
  await strapi.db.transaction(async ({ trx }) => {
    await knex(SEARCH_VERSIONS_TABLE).transacting(trx).where({ model }).increment('version', 1);
    const [{ version }] = await knex(SEARCH_VERSIONS_TABLE)
      .transacting(trx)
      .select('version')
      .where({ model });
    for (let i = 0; i < ids.length; i += BATCH) {
      await knex(SEARCH_CHANGES_TABLE)
        .transacting(trx)
        .insert(ids.slice(i, i + BATCH).map((documentId) => ({ model, version, document_id: documentId })));
    }
    if (Number(version) % 100 === 0) {
      await knex(SEARCH_CHANGES_TABLE)
        .transacting(trx)
        .where({ model })
        .where('version', '<', Number(version) - KEPT)
        .delete();
    }
  });
  state.writtenAt = Date.now();
}

/** Each versioned search's version as committed, read at most once a second (but after this node's own writes). */
export async function searchVersions(strapi: Core.Strapi): Promise<Record<VersionedSearch, number>> {
  const state = knownOf(strapi);
  const now = Date.now();
  const remember = (versions: Record<VersionedSearch, number>) => {
    if (now >= state.readAt) Object.assign(state, { versions, readAt: now });
    return versions;
  };
  // After its own write, a node reads for itself: a read shared with a search that began earlier may miss it.
  if (now - state.writtenAt <= AFTER_OWN_WRITE_MS) return remember(await readVersions(strapi));
  if (state.versions && now - state.readAt < VERSIONS_TTL_MS) return state.versions;
  // Searches arriving together share one read.
  state.reading ??= readVersions(strapi)
    .then(remember)
    .finally(() => (state.reading = undefined));
  return state.reading;
}

async function readVersions(strapi: Core.Strapi): Promise<Record<VersionedSearch, number>> {
  const rows: { model: VersionedSearch; version: number | string }[] = await strapi.db
    .connection(SEARCH_VERSIONS_TABLE)
    .select('model', 'version');
  const versions = Object.fromEntries(VERSIONED_SEARCHES.map((what) => [what, 0])) as Record<
    VersionedSearch,
    number
  >;
  for (const row of rows) versions[row.model] = Number(row.version);
  return versions;
}

/** The documents changed after version `since` up to `upTo`, or 'all' when the node should reload whole. */
export async function searchChanges(
  strapi: Core.Strapi,
  model: VersionedSearch,
  since: number,
  upTo: number
): Promise<string[] | 'all'> {
  if (since < 0 || upTo - since > CATCH_UP) return 'all';
  const rows: { document_id: string }[] = await strapi.db
    .connection(SEARCH_CHANGES_TABLE)
    .distinct('document_id')
    .where({ model })
    .where('version', '>', since)
    .where('version', '<=', upTo);
  const ids = rows.map((row) => row.document_id);
  return ids.includes(ALL_DOCUMENTS) ? 'all' : ids;
}
