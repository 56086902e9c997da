/**
 * Rollups (src/domain/rollups.ts): counters per slice (source, unit, local month or half month) and bucket, kept
 * exact in the transaction of every change.
 *
 * - **Capture.** Database triggers on each source's table and its unit link table record, for every row written,
 *   where it was and is counted (unit, instant, document) in `rollup_dirty`, with the writing transaction's id on
 *   PostgreSQL. Triggers see every write: the Document Service, `strapi.db.query`, a raw knex UPDATE (the tests'
 *   back-dating, a bulk load), an operator's SQL. Strapi writes a row's links after the row and before its
 *   after-lifecycles; a deletion is recorded before the row goes (its links still say its unit).
 * - **Recompute.** `flush` claims the records, turns them into slices (for a source counted by document, every
 *   slice of the documents' published rows too), locks each slice (PostgreSQL: a transaction-scoped advisory lock,
 *   in one order for every writer; READ COMMITTED then sees the other writer's committed rows after the wait;
 *   SQLite serialises writes), and recomputes it whole from the rows. Never an increment: a counter is what the
 *   rows say. The db lifecycles of the sources' models flush their own transaction's records after every write,
 *   so rollups commit with the change; readers flush what writes outside lifecycles left (`flush({ all: true })`).
 * - **Rebuild and drift.** `rebuild` recomputes every slice month by month (start-up, when the definition or the
 *   time zone changed, or rows exist without rollups); `checkDrift` compares every slice with its rows, confirms a
 *   difference under the slice's lock, repairs it and returns it (daily, on one node).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  dimsKey,
  driftOf,
  sliceBounds,
  sliceOf,
  slicesBetween,
  orderedSlices,
  sliceLockKey,
  type Counter,
  type Drift,
  type Slice,
  type SliceSpan,
} from '#domain/rollups';
import { organizationSettings } from './organization-settings';
import { ROLLUP_COUNTS_TABLE, ROLLUP_DIRTY_TABLE, ROLLUP_STATE_TABLE } from './models';
import { ms, num } from './stored-values';
import type { Link } from './table-names';

/** One bucket's counters as a source computes them. */
export interface ComputedBucket {
  unitId: number;
  dims: (string | null)[];
  counters: Record<string, number>;
}

/**
 * The instants of one slice's time (or of a period's edge days), and of its year's start; `unitId`: one unit's rows
 * only.
 */
export interface MonthRange {
  from: Date;
  to: Date;
  yearFrom: Date;
  unitId?: number;
}

/** What a source declares: its table, the instant that dates a row, the unit link, and its counters in SQL. */
export interface RollupSource {
  name: string;
  /** The model whose db lifecycles flush (the triggers capture; the lifecycles recompute in the writer's transaction). */
  uid: string;
  table: string;
  /** The column of the instant whose local month (or half month) buckets a row (null: not counted). */
  at: string;
  /** A document's rows count together (the articles' document counted once a year): its column. */
  document?: string;
  /** The columns whose change can move a counter (besides `at`, `document` and the unit link). */
  watched: string[];
  unit: Link;
  /** How its slices divide time (default: local months). */
  span?: SliceSpan;
  /** Rows linked to no unit count too, under NO_UNIT (the annual report counts every row; the dashboard, units'). */
  unlinked?: boolean;
  /** The buckets of the rows linked to a unit whose `at` is in the range, by unit (all units, or `range.unitId`'s). */
  compute(db: Knex, range: MonthRange): Promise<ComputedBucket[]>;
}

/** The slice's unit of the rows that an `unlinked` source counts while they are linked to no unit. */
export const NO_UNIT = 0;

/** Raise when a source's counters or dimensions change: every database rebuilds its rollups at the next start. */
export const ROLLUPS_VERSION = 2;
/** The first key of the slices' advisory locks ('ROLL'); the second is the slice's hash. */
const LOCK_CLASS = 0x524f4c4c;
const CLAIM_BATCH = 2000;
/** Start-up rebuilds rather than flushes when a bulk load left more records than this. */
const REBUILD_ABOVE = 50_000;
const INSERT_BATCH = 400;

/** The sources' makers, added by each plugin at register (their tables' metadata is ready by bootstrap). */
const makers = new WeakMap<Core.Strapi, (() => RollupSource[])[]>();
const registered = new WeakMap<Core.Strapi, RollupSource[]>();

/** Adds sources, made at start-up (call in a plugin's register). */
export function registerRollupSources(strapi: Core.Strapi, make: () => RollupSource[]) {
  makers.set(strapi, [...(makers.get(strapi) ?? []), make]);
}
const sourcesOf = (strapi: Core.Strapi) => registered.get(strapi) ?? [];
const sourceNamed = (strapi: Core.Strapi, name: string) => {
  const source = sourcesOf(strapi).find((s) => s.name === name);
  if (!source) throw new Error(`No rollup source ${name}`);
  return source;
};
const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

/** In the caller's transaction if there is one, else in a new one. */
const withTransaction = <T>(strapi: Core.Strapi, work: (trx: Knex) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as Promise<T>;

async function timeZoneOf(strapi: Core.Strapi) {
  return (await organizationSettings(strapi)).timeZone;
}

/**
 * A source's rows as `alias`, and the SQL of their slice's unit (`unitId`): the linked unit, or NO_UNIT for an
 * `unlinked` source's rows linked to none. With `range`, only the rows of its month (and of its unit).
 */
export function sourceRows(
  db: Knex,
  s: Pick<RollupSource, 'table' | 'at' | 'unit' | 'unlinked'>,
  alias: string,
  range?: MonthRange
) {
  const l = s.unit;
  const query = db(`${s.table} as ${alias}`);
  if (s.unlinked) query.leftJoin(`${l.name} as l`, `l.${l.from}`, `${alias}.id`);
  else query.join(`${l.name} as l`, `l.${l.from}`, `${alias}.id`);
  if (range) {
    query.where(`${alias}.${s.at}`, '>=', range.from).where(`${alias}.${s.at}`, '<', range.to);
    if (s.unlinked && range.unitId === NO_UNIT) query.whereNull(`l.${l.to}`);
    else if (range.unitId !== undefined) query.where(`l.${l.to}`, range.unitId);
  }
  return { query, unitId: s.unlinked ? `COALESCE(l.${l.to}, ${NO_UNIT})` : `l.${l.to}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Capture

/**
 * What an `unlinked` source records besides the linked unit's slice: for a row written, its NO_UNIT slice when it
 * has no link; for a link written (`link`: the link row), the NO_UNIT slice of its row, which the link moves in or
 * out of.
 */
function unlinkedRecords(s: RollupSource, row: 'NEW' | 'OLD', tx: string, link = true): string {
  if (!s.unlinked) return '';
  const doc = (r: string) => (s.document ? `${r}.${s.document}` : 'NULL');
  return link
    ? `
    INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', ${NO_UNIT}, t.${s.at}, ${doc('t')}, ${tx} FROM ${s.table} t
       WHERE t.id = ${row}.${s.unit.from} AND t.${s.at} IS NOT NULL;`
    : `
    INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', ${NO_UNIT}, ${row}.${s.at}, ${doc(row)}, ${tx}
       WHERE ${row}.${s.at} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${s.unit.name} l WHERE l.${s.unit.from} = ${row}.id);`;
}

function sqliteTriggers(s: RollupSource): string[] {
  const doc = (row: string) => (s.document ? `${row}.${s.document}` : 'NULL');
  const record = (row: 'NEW' | 'OLD') =>
    `INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', l.${s.unit.to}, ${row}.${s.at}, ${doc(row)}, 0 FROM ${s.unit.name} l
       WHERE l.${s.unit.from} = ${row}.id AND ${row}.${s.at} IS NOT NULL;${unlinkedRecords(s, row, '0', false)}`;
  const linked = (row: 'NEW' | 'OLD') =>
    `INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', ${row}.${s.unit.to}, t.${s.at}, ${doc('t')}, 0 FROM ${s.table} t
       WHERE t.id = ${row}.${s.unit.from} AND t.${s.at} IS NOT NULL;${unlinkedRecords(s, row, '0')}`;
  const watched = [s.at, ...(s.document ? [s.document] : []), ...s.watched].join(', ');
  const name = `rollup_${s.name}`;
  return [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${s.table} BEGIN ${record('NEW')} END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE OF ${watched} ON ${s.table} BEGIN ${record('OLD')} ${record('NEW')} END`,
    `CREATE TRIGGER ${name}_delete BEFORE DELETE ON ${s.table} BEGIN ${record('OLD')} END`,
    `CREATE TRIGGER ${name}_link_insert AFTER INSERT ON ${s.unit.name} BEGIN ${linked('NEW')} END`,
    `CREATE TRIGGER ${name}_link_update AFTER UPDATE OF ${s.unit.from}, ${s.unit.to} ON ${s.unit.name} BEGIN ${linked('OLD')} ${linked('NEW')} END`,
    `CREATE TRIGGER ${name}_link_delete AFTER DELETE ON ${s.unit.name} BEGIN ${linked('OLD')} END`,
  ];
}

function postgresTriggers(s: RollupSource): string {
  const doc = (row: string) => (s.document ? `${row}.${s.document}` : 'NULL');
  const record = (row: 'NEW' | 'OLD') =>
    `INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', l.${s.unit.to}, ${row}.${s.at}, ${doc(row)}, txid_current() FROM ${s.unit.name} l
       WHERE l.${s.unit.from} = ${row}.id AND ${row}.${s.at} IS NOT NULL;` +
    unlinkedRecords(s, row, 'txid_current()', false);
  const linked = (row: 'NEW' | 'OLD') =>
    `INSERT INTO ${ROLLUP_DIRTY_TABLE} (source, unit_id, at, document_id, tx)
       SELECT '${s.name}', ${row}.${s.unit.to}, t.${s.at}, ${doc('t')}, txid_current() FROM ${s.table} t
       WHERE t.id = ${row}.${s.unit.from} AND t.${s.at} IS NOT NULL;${unlinkedRecords(s, row, 'txid_current()')}`;
  const watched = [s.at, ...(s.document ? [s.document] : []), ...s.watched].join(', ');
  const name = `rollup_${s.name}`;
  const body = (make: (row: 'NEW' | 'OLD') => string) => `
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN ${make('OLD')} END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN ${make('NEW')} END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END;`;
  return `
    CREATE OR REPLACE FUNCTION ${name}_rows() RETURNS trigger AS $$ ${body(record)} $$ LANGUAGE plpgsql;
    CREATE OR REPLACE FUNCTION ${name}_links() RETURNS trigger AS $$ ${body(linked)} $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS ${name}_write ON ${s.table};
    DROP TRIGGER IF EXISTS ${name}_delete ON ${s.table};
    DROP TRIGGER IF EXISTS ${name}_link ON ${s.unit.name};
    CREATE TRIGGER ${name}_write AFTER INSERT OR UPDATE OF ${watched} ON ${s.table}
      FOR EACH ROW EXECUTE FUNCTION ${name}_rows();
    CREATE TRIGGER ${name}_delete BEFORE DELETE ON ${s.table} FOR EACH ROW EXECUTE FUNCTION ${name}_rows();
    CREATE TRIGGER ${name}_link AFTER INSERT OR UPDATE OF ${s.unit.from}, ${s.unit.to} OR DELETE ON ${s.unit.name}
      FOR EACH ROW EXECUTE FUNCTION ${name}_links();`;
}

/** (Re)creates the capture triggers of every source; idempotent, one node at a time. */
async function installTriggers(strapi: Core.Strapi) {
  const knex = knexOf(strapi);
  for (const s of sourcesOf(strapi)) {
    if (isPostgres(strapi)) {
      await knex.transaction(async (trx) => {
        // Nodes starting together would race on the catalog ("tuple concurrently updated"): one at a time.
        await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`rollup_${s.name}`]);
        await trx.raw(postgresTriggers(s));
      });
      continue;
    }
    await knex.transaction(async (trx) => {
      for (const statement of sqliteTriggers(s)) {
        await trx.raw(`DROP TRIGGER IF EXISTS ${statement.split(' ')[2]}`);
        await trx.raw(statement);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recompute

interface DirtyRecord {
  source: string;
  unit_id: unknown;
  at: unknown;
  document_id: string | null;
}

/**
 * Claims change records: this transaction's own (PostgreSQL) or, with `all`, every committed one not being claimed
 * by another flush. SQLite has one writer at a time: every record is this transaction's or committed.
 */
async function claim(strapi: Core.Strapi, trx: Knex, all: boolean): Promise<DirtyRecord[]> {
  const columns = 'source, unit_id, at, document_id';
  if (isPostgres(strapi)) {
    const which = all
      ? `id IN (SELECT id FROM ${ROLLUP_DIRTY_TABLE} ORDER BY id LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)`
      : `id IN (SELECT id FROM ${ROLLUP_DIRTY_TABLE} WHERE tx = txid_current() ORDER BY id LIMIT ${CLAIM_BATCH})`;
    const { rows } = await trx.raw(`DELETE FROM ${ROLLUP_DIRTY_TABLE} WHERE ${which} RETURNING ${columns}`);
    return rows;
  }
  const rows: (DirtyRecord & { id: number })[] = await trx(ROLLUP_DIRTY_TABLE)
    .select('id', 'source', 'unit_id', 'at', 'document_id')
    .orderBy('id')
    .limit(CLAIM_BATCH);
  if (rows.length)
    await trx(ROLLUP_DIRTY_TABLE)
      .where('id', '<=', rows[rows.length - 1].id)
      .delete();
  return rows;
}

/** The slices of the published rows of these documents (their once-a-year counters depend on each other). */
async function documentSlices(trx: Knex, s: RollupSource, documentIds: string[], timeZone: string) {
  const slices: Slice[] = [];
  for (let i = 0; i < documentIds.length; i += INSERT_BATCH) {
    const { query, unitId } = sourceRows(trx, s, 't');
    const rows: { unit_id: unknown; at: unknown }[] = await query
      .whereIn(`t.${s.document}`, documentIds.slice(i, i + INSERT_BATCH))
      .whereNotNull(`t.${s.at}`)
      .select(trx.raw(`${unitId} as unit_id`), `t.${s.at} as at`);
    for (const r of rows)
      slices.push({
        source: s.name,
        unitId: num(r.unit_id),
        month: sliceOf(new Date(ms(r.at)), timeZone, s.span),
      });
  }
  return slices;
}

async function slicesOfRecords(strapi: Core.Strapi, trx: Knex, records: DirtyRecord[], timeZone: string) {
  const slices: Slice[] = [];
  const documents = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.unit_id === null || r.at === null) continue;
    const { span } = sourceNamed(strapi, r.source);
    slices.push({
      source: r.source,
      unitId: num(r.unit_id),
      month: sliceOf(new Date(ms(r.at)), timeZone, span),
    });
    if (r.document_id) {
      if (!documents.has(r.source)) documents.set(r.source, new Set());
      documents.get(r.source)!.add(r.document_id);
    }
  }
  for (const [name, ids] of documents) {
    slices.push(...(await documentSlices(trx, sourceNamed(strapi, name), [...ids], timeZone)));
  }
  return orderedSlices(slices);
}

/** Takes the slices' locks, in order, until the transaction ends (PostgreSQL; SQLite has one writer). */
async function lockSlices(strapi: Core.Strapi, trx: Knex, slices: Slice[]) {
  if (!isPostgres(strapi)) return;
  for (const s of orderedSlices(slices)) {
    await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [LOCK_CLASS, sliceLockKey(s)]);
  }
}

/** The non-zero counters of computed buckets (buckets that store alike are added up). */
function countersOf(source: string, month: string, buckets: ComputedBucket[]): Counter[] {
  const merged = new Map<string, Counter>();
  for (const b of buckets) {
    const dims = dimsKey(b.dims);
    for (const [counter, value] of Object.entries(b.counters)) {
      const key = `${b.unitId}/${dims}/${counter}`;
      const entry = merged.get(key) ?? { source, unitId: b.unitId, month, dims, counter, value: 0 };
      entry.value += num(value);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].filter((c) => c.value !== 0);
}

/** Replaces the stored counters of these slices of one source and month with `counters`. */
async function writeSlices(
  trx: Knex,
  source: string,
  month: string,
  unitIds: number[] | 'all',
  counters: Counter[]
) {
  const query = trx(ROLLUP_COUNTS_TABLE).where({ source, month });
  if (unitIds !== 'all') query.whereIn('unit_id', unitIds);
  await query.delete();
  const rows = counters.map((c) => ({
    source: c.source,
    unit_id: c.unitId,
    month: c.month,
    dims: c.dims,
    counter: c.counter,
    value: c.value,
  }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await trx(ROLLUP_COUNTS_TABLE).insert(rows.slice(i, i + INSERT_BATCH));
  }
}

/** The counters of one slice, from its rows. */
async function computeSlice(strapi: Core.Strapi, trx: Knex, slice: Slice, timeZone: string) {
  const source = sourceNamed(strapi, slice.source);
  const buckets = await source.compute(trx, { ...sliceBounds(slice.month, timeZone), unitId: slice.unitId });
  return countersOf(slice.source, slice.month, buckets);
}

/** Recomputes slices whole from their rows, under their locks, in `trx`. */
async function recompute(strapi: Core.Strapi, trx: Knex, slices: Slice[], timeZone: string) {
  await lockSlices(strapi, trx, slices);
  for (const slice of slices) {
    const counters = await computeSlice(strapi, trx, slice, timeZone);
    await writeSlices(trx, slice.source, slice.month, [slice.unitId], counters);
  }
}

/**
 * Brings the rollups up to the rows' changes: this transaction's own (the lifecycles, after each write), or with
 * `all` every change recorded and not yet taken in (before a read, and at start-up).
 */
export async function flush(strapi: Core.Strapi, { all = false }: { all?: boolean } = {}) {
  if (!registered.has(strapi)) return;
  const timeZone = await timeZoneOf(strapi);
  await withTransaction(strapi, (trx) =>
    oneAtATime(trx, async () => {
      for (;;) {
        const records = await claim(strapi, trx, all);
        if (records.length === 0) return;
        await recompute(strapi, trx, await slicesOfRecords(strapi, trx, records, timeZone), timeZone);
        if (records.length < CLAIM_BATCH) return;
      }
    })
  );
}

/**
 * The flushes of one transaction, one after the other: Strapi writes a document's rows concurrently (publishing
 * every locale), and two flushes rewriting one slice at once on the transaction's connection would collide.
 */
const running = new WeakMap<object, Promise<unknown>>();
function oneAtATime(trx: Knex, work: () => Promise<void>): Promise<void> {
  const next = (running.get(trx) ?? Promise.resolve()).catch(() => undefined).then(work);
  running.set(trx, next);
  return next;
}

// ---------------------------------------------------------------------------------------------------------------
// Rebuild and drift

/** The months from the first to the last counted row of a source, and of its stored slices. */
async function monthsOf(strapi: Core.Strapi, s: RollupSource, timeZone: string): Promise<string[]> {
  const knex = knexOf(strapi);
  const [rows] = await sourceRows(knex, s, 't')
    .query.min({ first: `t.${s.at}` })
    .max({ last: `t.${s.at}` });
  const [stored] = await knex(ROLLUP_COUNTS_TABLE)
    .where({ source: s.name })
    .min({ first: 'month' })
    .max({ last: 'month' });
  const bounds: string[] = [];
  if (rows?.first !== null && rows?.first !== undefined) {
    bounds.push(
      sliceOf(new Date(ms(rows.first)), timeZone, s.span),
      sliceOf(new Date(ms(rows.last)), timeZone, s.span)
    );
  }
  if (stored?.first) bounds.push(stored.first as string, stored.last as string);
  if (bounds.length === 0) return [];
  bounds.sort();
  return slicesBetween(bounds[0], bounds[bounds.length - 1]);
}

async function storedCounters(
  db: Knex,
  source: string,
  month: string,
  unitIds?: number[]
): Promise<Counter[]> {
  const query = db(ROLLUP_COUNTS_TABLE)
    .where({ source, month })
    .select('unit_id', 'dims', 'counter', 'value');
  if (unitIds) query.whereIn('unit_id', unitIds);
  const rows: Record<string, unknown>[] = await query;
  return rows.map((r) => ({
    source,
    month,
    unitId: num(r.unit_id),
    dims: r.dims as string,
    counter: r.counter as string,
    value: num(r.value),
  }));
}

/** Every unit id, counted or not: the slices a rebuild of a month may touch (stored ones included). */
async function allUnitIds(strapi: Core.Strapi): Promise<number[]> {
  const knex = knexOf(strapi);
  const ids = new Set<number>();
  for (const s of sourcesOf(strapi)) {
    for (const r of await knex(s.unit.name).distinct(`${s.unit.to} as id`)) ids.add(num(r.id));
    if (s.unlinked) ids.add(NO_UNIT);
  }
  for (const r of await knex(ROLLUP_COUNTS_TABLE).distinct('unit_id as id')) ids.add(num(r.id));
  return [...ids];
}

const definitionOf = (timeZone: string) => `${ROLLUPS_VERSION}:${timeZone}`;

async function storedDefinition(strapi: Core.Strapi): Promise<string | null> {
  const row = await knexOf(strapi)(ROLLUP_STATE_TABLE).where({ name: 'definition' }).first('value');
  return (row?.value as string | undefined) ?? null;
}

async function saveDefinition(strapi: Core.Strapi, definition: string) {
  await knexOf(strapi)(ROLLUP_STATE_TABLE)
    .insert({ name: 'definition', value: definition })
    .onConflict('name')
    .merge();
}

export interface RebuildProgress {
  source: string;
  month: string;
  /** Months done of all sources' months. */
  done: number;
  total: number;
}

/**
 * Recomputes every slice of every source from the rows, one month per transaction (each slice under its lock), and
 * records the definition it was built with. Rerunnable: a rebuild replaces what it finds.
 */
export async function rebuild(
  strapi: Core.Strapi,
  { onProgress }: { onProgress?: (progress: RebuildProgress) => void } = {}
) {
  const timeZone = await timeZoneOf(strapi);
  // Changes recorded so far are in the rows the rebuild reads.
  await knexOf(strapi)(ROLLUP_DIRTY_TABLE).delete();
  const plan = [];
  for (const s of sourcesOf(strapi)) plan.push({ s, months: await monthsOf(strapi, s, timeZone) });
  const total = plan.reduce((n, p) => n + p.months.length, 0);
  const unitIds = await allUnitIds(strapi);
  let done = 0;
  for (const { s, months } of plan) {
    for (const month of months) {
      await withTransaction(strapi, async (trx) => {
        // Every unit's slice of the month (a few dozen locks), so that no writer recomputes one meanwhile.
        await lockSlices(
          strapi,
          trx,
          unitIds.map((unitId) => ({ source: s.name, unitId, month }))
        );
        const counters = countersOf(s.name, month, await s.compute(trx, sliceBounds(month, timeZone)));
        await writeSlices(trx, s.name, month, 'all', counters);
      });
      done += 1;
      onProgress?.({ source: s.name, month, done, total });
    }
  }
  await saveDefinition(strapi, definitionOf(timeZone));
  return { months: total };
}

/**
 * Compares every stored counter with the rows, month by month; a difference is confirmed under its slice's lock
 * (a write may have moved it meanwhile), repaired, and returned.
 */
export async function checkDrift(strapi: Core.Strapi): Promise<Drift[]> {
  // Changes recorded but not taken in yet (writes outside the lifecycles) are not drift.
  await flush(strapi, { all: true });
  const timeZone = await timeZoneOf(strapi);
  const knex = knexOf(strapi);
  const drifted: Drift[] = [];
  for (const s of sourcesOf(strapi)) {
    for (const month of await monthsOf(strapi, s, timeZone)) {
      const actual = countersOf(s.name, month, await s.compute(knex, sliceBounds(month, timeZone)));
      const suspects = orderedSlices(driftOf(await storedCounters(knex, s.name, month), actual));
      if (suspects.length === 0) continue;
      await withTransaction(strapi, async (trx) => {
        await lockSlices(strapi, trx, suspects);
        for (const slice of suspects) {
          const counters = await computeSlice(strapi, trx, slice, timeZone);
          const confirmed = driftOf(await storedCounters(trx, s.name, month, [slice.unitId]), counters);
          if (confirmed.length === 0) continue;
          drifted.push(...confirmed);
          await writeSlices(trx, s.name, month, [slice.unitId], counters);
        }
      });
    }
  }
  return drifted;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * A source's counters over the months of a period, summed by unit, counter and (`byDims`) bucket; only `counters`
 * when named, and with `dimsBelow` only the buckets whose (non-empty) dimensions key sorts before it, such as the
 * buckets of a day dimension before today.
 */
export async function sums(
  strapi: Core.Strapi,
  source: string,
  first: string,
  last: string,
  { counters, dimsBelow, byDims = true }: { counters?: string[]; dimsBelow?: string; byDims?: boolean } = {}
) {
  const groups = byDims ? ['unit_id', 'counter', 'dims'] : ['unit_id', 'counter'];
  const query = knexOf(strapi)(ROLLUP_COUNTS_TABLE)
    .where({ source })
    .whereBetween('month', [first, last])
    .groupBy(groups)
    .select(groups)
    .sum({ value: 'value' });
  if (counters) query.whereIn('counter', counters);
  if (dimsBelow !== undefined) query.where('dims', '<', dimsBelow).where('dims', '<>', '');
  const rows: Record<string, unknown>[] = await query;
  return rows.map((r) => ({
    unitId: num(r.unit_id),
    counter: r.counter as string,
    dims: (r.dims as string | undefined) ?? '',
    value: num(r.value),
  }));
}

/**
 * A source's buckets computed from the rows whose instant is in [from, to), every unit: the days of a period that do
 * not fill a month, beside the months' sums. Not for a source counted by document (its year's start is `from`).
 */
export function bucketsBetween(strapi: Core.Strapi, source: string, from: Date, to: Date) {
  return sourceNamed(strapi, source).compute(knexOf(strapi), { from, to, yearFrom: from });
}

/** One counter of a source over the months of a period, summed by unit and month. */
export async function monthlySums(
  strapi: Core.Strapi,
  source: string,
  counter: string,
  first: string,
  last: string
) {
  const rows: Record<string, unknown>[] = await knexOf(strapi)(ROLLUP_COUNTS_TABLE)
    .where({ source, counter })
    .whereBetween('month', [first, last])
    .groupBy('unit_id', 'month')
    .select('unit_id', 'month')
    .sum({ value: 'value' });
  return rows.map((r) => ({ unitId: num(r.unit_id), month: r.month as string, value: num(r.value) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up

const AFTER_WRITES = [
  'afterCreate',
  'afterUpdate',
  'afterDelete',
  'afterCreateMany',
  'afterUpdateMany',
  'afterDeleteMany',
] as const;

/**
 * Starts the registered sources: their triggers, a flush after every write to their models (in the writer's
 * transaction), and at start-up a rebuild when the definition or the time zone changed, when rows exist without
 * rollups, or when a bulk load left too many records; otherwise what was left is taken in. Call at bootstrap,
 * under the start-up lock (src/infra/node-lifecycle.ts), before anything writes.
 */
export async function startRollups(strapi: Core.Strapi) {
  const sources = (makers.get(strapi) ?? []).flatMap((make) => make());
  registered.set(strapi, sources);
  await installTriggers(strapi);
  // A write outside a transaction has committed already: its records are claimed like anyone's.
  const flushOwn = () => flush(strapi, { all: !strapi.db.inTransaction() });
  strapi.db.lifecycles.subscribe({
    models: sources.map((s) => s.uid),
    ...Object.fromEntries(AFTER_WRITES.map((action) => [action, flushOwn])),
  });

  const knex = knexOf(strapi);
  const timeZone = await timeZoneOf(strapi);
  const stored = await storedDefinition(strapi);
  const [{ n: pending }] = await knex(ROLLUP_DIRTY_TABLE).count({ n: '*' });
  let reason: string | null = null;
  if (stored !== definitionOf(timeZone))
    reason = stored ? `definition ${stored} → ${definitionOf(timeZone)}` : 'first build';
  else if (num(pending) > REBUILD_ABOVE) reason = `${num(pending)} changes pending`;
  else {
    for (const s of sources) {
      const counted = await knex(ROLLUP_COUNTS_TABLE).where({ source: s.name }).first('id');
      const rows = await sourceRows(knex, s, 't').query.whereNotNull(`t.${s.at}`).first('t.id');
      if (!counted && rows) reason = `${s.name} rows without rollups`;
    }
  }
  if (!reason) {
    await flush(strapi, { all: true });
    return;
  }
  strapi.log.info(`rollups: rebuilding (${reason})`);
  let logged = 0;
  const { months } = await rebuild(strapi, {
    onProgress: ({ source, month, done, total }) => {
      // About every tenth of the way, and at the end.
      if (done === total || (done * 10) / total >= logged + 1) {
        logged = Math.floor((done * 10) / total);
        strapi.log.info(`rollups: ${done}/${total} months (${source} ${month})`);
      }
    },
  });
  strapi.log.info(`rollups: rebuilt ${months} months`);
}
