/**
 * A model's search held in this node's memory, one collection per locale (src/domain/search-engine.ts), kept in
 * step with the database through the change log (search-changes.ts): before each search, the versions say whether
 * another write has committed since; if so, the documents it names are read again (or all of them, at first use or
 * when far behind). A node therefore answers a search with no SQL but that one read, and shows every write committed
 * before the search began, its own or another node's.
 */
import type { Core, UID } from '@strapi/strapi';
import { SearchCollection, type EngineDocument } from '#domain/search-engine';
import { searchChanges, type VersionedSearch } from './search-changes';

/** How a model's documents are read: those named, or all; each with its locale, in batches. */
export interface SearchSource<P> {
  model: VersionedSearch;
  read(
    strapi: Core.Strapi,
    documentIds: string[] | 'all'
  ): AsyncIterable<(EngineDocument<P> & { locale: string })[]>;
}

const BATCH = 500;

/**
 * The rows of `uid` that `where` keeps, for a SearchSource: all of them by pages of ids (a whole reload holds one
 * page at a time), or those of the documents named.
 */
export async function* rowsOf<Row extends { id: number }>(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  query: { select: string[]; populate?: object; where: object },
  documentIds: string[] | 'all'
): AsyncIterable<Row[]> {
  const rows = strapi.db.query(uid);
  if (documentIds === 'all') {
    for (let after = 0; ; ) {
      const page = (await rows.findMany({
        ...query,
        where: { ...query.where, id: { $gt: after } },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as Row[];
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }
  for (let i = 0; i < documentIds.length; i += BATCH) {
    yield (await rows.findMany({
      ...query,
      where: { ...query.where, documentId: { $in: documentIds.slice(i, i + BATCH) } },
    })) as Row[];
  }
}

class LiveSearch<P> {
  private collections = new Map<string, SearchCollection<P>>();
  private version = -1;
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private strapi: Core.Strapi,
    private source: SearchSource<P>
  ) {}

  /** The locale's collection, with every change up to `version` (searchVersions: as committed before the search). */
  async collection(locale: string, version: number): Promise<SearchCollection<P>> {
    if (version > this.version) {
      // One catch-up at a time: those waiting behind it find themselves already caught up.
      const run = this.applying.catch(() => undefined).then(() => this.catchUp(version));
      this.applying = run;
      await run;
    }
    return this.collections.get(locale) ?? new SearchCollection<P>();
  }

  private async catchUp(version: number) {
    if (version <= this.version) return;
    const changed = await searchChanges(this.strapi, this.source.model, this.version, version);
    // A whole reload is built aside, batch by batch; changes are read first and applied at once, so that a search
    // never sees a document removed and not yet put back.
    const collections = changed === 'all' ? new Map<string, SearchCollection<P>>() : this.collections;
    const read: (EngineDocument<P> & { locale: string })[][] = [];
    for await (const batch of this.source.read(this.strapi, changed)) {
      if (changed === 'all') putAll(collections, batch);
      else read.push(batch);
    }
    if (changed !== 'all') {
      for (const collection of collections.values()) for (const key of changed) collection.remove(key);
      for (const batch of read) putAll(collections, batch);
    }
    this.collections = collections;
    this.version = version;
  }
}

function putAll<P>(
  collections: Map<string, SearchCollection<P>>,
  documents: (EngineDocument<P> & { locale: string })[]
) {
  for (const document of documents) {
    let collection = collections.get(document.locale);
    if (!collection) collections.set(document.locale, (collection = new SearchCollection<P>()));
    collection.put(document);
  }
}

const live = new WeakMap<Core.Strapi, Map<VersionedSearch, LiveSearch<unknown>>>();

/** The model's search in this node's memory, up to `version`. */
export function searchCollection<P>(
  strapi: Core.Strapi,
  source: SearchSource<P>,
  locale: string,
  version: number
): Promise<SearchCollection<P>> {
  let byModel = live.get(strapi);
  if (!byModel) live.set(strapi, (byModel = new Map()));
  let search = byModel.get(source.model) as LiveSearch<P> | undefined;
  if (!search) {
    search = new LiveSearch<P>(strapi, source);
    byModel.set(source.model, search as LiveSearch<unknown>);
  }
  return search.collection(locale, version);
}
