/**
 * Audit tables that only grow: the services that own them only insert and read, and on PostgreSQL a trigger
 * refuses UPDATE, DELETE and TRUNCATE of the table, whoever sends them.
 */
import type { Core } from '@strapi/strapi';

export async function protectAppendOnly(strapi: Core.Strapi, uid: string, what: string) {
  if (strapi.db.dialect.client !== 'postgres') return;
  const table = strapi.db.metadata.get(uid).tableName;
  const name = `${table}_append_only`;
  await strapi.db.connection.transaction(async (trx) => {
    // Nodes starting together would race on the catalog ("tuple concurrently updated"): one at a time.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
    await trx.raw(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION '${what} is append-only: % refused', TG_OP;
    END;
    $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS ${name} ON ${table};
    CREATE TRIGGER ${name} BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${name}();
    DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table};
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${name}();
  `);
  });
}

/** One entry of a history: what happened to the record, who did it, when. */
export interface HistoryEntry<Action extends string> {
  action: Action;
  fromState?: string | null;
  toState?: string | null;
  actor: { id: number | null; name: string };
  reason?: string | null;
  details?: Record<string, unknown> | null;
  /** When it happened: now, except for the demo seed, which writes a story that happened before it ran. */
  at?: Date;
}

/** An entry as a history service takes it: with the record's documentId in the attribute `Key`. */
export type KeyedHistoryEntry<Action extends string, Key extends string> = HistoryEntry<Action> &
  Record<Key, string>;

/**
 * The `history` service of one kind of record (submissions, feedback): entries keyed by the record's documentId in
 * the attribute `key`, appended and read, never changed; `protectOnPostgres` installs the trigger at bootstrap.
 */
export function historyService<Action extends string, Key extends string>({
  uid,
  key,
  what,
}: {
  uid: string;
  key: Key;
  what: string;
}) {
  return ({ strapi }: { strapi: Core.Strapi }) => ({
    async append(entry: KeyedHistoryEntry<Action, Key>) {
      await strapi.db.query(uid).create({
        data: {
          [key]: entry[key],
          action: entry.action,
          fromState: entry.fromState ?? null,
          toState: entry.toState ?? null,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          reason: entry.reason ?? null,
          details: entry.details ?? null,
          at: entry.at ?? new Date(),
        },
      });
    },

    async of(documentId: string) {
      return strapi.db.query(uid).findMany({
        where: { [key]: documentId },
        select: ['id', 'action', 'fromState', 'toState', 'actorId', 'actorName', 'reason', 'details', 'at'],
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      });
    },

    protectOnPostgres: () => protectAppendOnly(strapi, uid, what),
  });
}
