/**
 * Bench rows generated inside the database: one INSERT … SELECT per table over a series of numbers
 * (generate_series on PostgreSQL, a recursive CTE on SQLite), so that a million rows load in seconds, not in a
 * million round trips from Node. The values are pseudo-random but fixed: a hash of the row's number.
 *
 *   const sql = sqlRows(strapi);
 *   await sql.insert('api::feedback.feedback', 1_000_000, (n) => ({ state: sql.pick(n, 1, ['a', 'b']), … }));
 *
 * Attributes are named as in the content type and mapped to columns by Strapi's metadata; each value is a SQL
 * expression in the row's number `n` (1 … count). The rollups' capture triggers are dropped first (see
 * withoutCapture): the server's next start rebuilds the rollups.
 */

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

function sqlRows(strapi) {
  const knex = strapi.db.connection;
  const postgres = knex.client.config.client === 'postgres' || knex.client.config.client === 'pg';

  /** A pseudo-random integer in [0, m) from the row number `n` and a salt (fits 64-bit arithmetic). */
  const random = (n, salt, m) => `((((${n}) * 7919 + ${salt}) % 1000003) * 104729 % 1000003 % ${m})`;

  /**
   * A bulk load goes past the rollups' capture triggers (src/infra/rollups.ts): through them a million rows would
   * write millions of change records, row by row. They are dropped before the first insert; the server's next start
   * reinstalls them and, finding rows without rollups, rebuilds the rollups from the rows.
   */
  let capture;
  const withoutCapture = () =>
    (capture ??= (async () => {
      const triggers = postgres
        ? (
            await knex.raw(
              `SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
               WHERE t.tgname LIKE 'rollup\\_%' AND NOT t.tgisinternal`
            )
          ).rows
        : await knex.raw(
            `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup\\_%' ESCAPE '\\'`
          );
      for (const t of triggers)
        await knex.raw(postgres ? `DROP TRIGGER ${t.name} ON ${t.table}` : `DROP TRIGGER ${t.name}`);
    })());

  return {
    postgres,
    random,
    /** One of `values`, picked by the row number. */
    pick: (n, salt, values) =>
      `(CASE ${random(n, salt, values.length)} ${values.map((v, i) => `WHEN ${i} THEN ${quote(v)}`).join(' ')} END)`,
    text: quote,
    /** An instant from milliseconds since the epoch (SQLite stores Strapi's datetimes as those milliseconds). */
    instant: (ms) => (postgres ? `to_timestamp((${ms}) / 1000.0)` : `(${ms})`),
    /** The ISO day of an instant in `zone` (fixed offset hours east of UTC on SQLite, which has no zones). */
    day: (ms, zone, offsetHours) =>
      postgres
        ? `(to_timestamp((${ms}) / 1000.0) AT TIME ZONE ${quote(zone)})::date`
        : `date((${ms}) / 1000, 'unixepoch', '+${offsetHours} hours')`,
    bool: (condition) => (postgres ? `(${condition})` : `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`),
    /** NULL unless `condition`. */
    when: (condition, value) => `(CASE WHEN ${condition} THEN ${value} END)`,

    /** Inserts `count` rows of `uid`, built by `row(n)` (attribute → SQL expression). */
    async insert(uid, count, row) {
      await withoutCapture();
      const meta = strapi.db.metadata.get(uid);
      const values = row('n');
      const columns = Object.keys(values).map((name) => {
        const column = meta.attributes[name]?.columnName;
        if (!column) throw new Error(`${uid} has no attribute ${name}`);
        return column;
      });
      const select = Object.values(values).join(', ');
      const into = `INSERT INTO ${meta.tableName} (${columns.join(', ')})`;
      await knex.raw(
        postgres
          ? `${into} SELECT ${select} FROM generate_series(1::bigint, ${count}) AS g(n)`
          : `${into} WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${count}) SELECT ${select} FROM g`
      );
    },

    /**
     * Links the rows of `uid` (numbered n = 1, 2, … in id order) for which `where(n)` holds to the row of the
     * relation's target whose position (0-based, in id order) is `target(n)`.
     */
    async link(uid, attribute, target, where = () => '1 = 1') {
      await withoutCapture();
      const meta = strapi.db.metadata.get(uid);
      const { joinTable, target: targetUid } = meta.attributes[attribute];
      const targetTable = strapi.db.metadata.get(targetUid).tableName;
      const [{ first }] = await knex(meta.tableName).min({ first: 'id' });
      const [{ targetFirst }] = await knex(targetTable).min({ targetFirst: 'id' });
      const n = `(${postgres ? 's.id::bigint' : 's.id'} - ${Number(first)} + 1)`;
      await knex.raw(
        `INSERT INTO ${joinTable.name} (${joinTable.joinColumn.name}, ${joinTable.inverseJoinColumn.name})
         SELECT s.id, ${Number(targetFirst)} + ${target(n)} FROM ${meta.tableName} s WHERE ${where(n)}`
      );
    },
  };
}

module.exports = { sqlRows };
