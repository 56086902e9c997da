'use strict';

/**
 * Issue 14, names: the oversight plugin's `inspection` is now `check` (plugin::oversight.check, table
 * oversight_checks), and the history rows of unit-submissions and feedback-register are `history-entry` (their
 * tables stay). Strapi runs this before its schema sync (@strapi/database: migrations/users.js, schema/index.js
 * `sync`), once per database, in a transaction; so the sync finds the checks' tables under their new names, with
 * their indexes and foreign keys named as it would name them, and drops nothing.
 *
 * On a new database (nothing to move yet) it does nothing.
 */

const CHECK_TABLES = [
  ['oversight_inspections', 'oversight_checks'],
  ['oversight_inspections_unit_lnk', 'oversight_checks_unit_lnk'],
];
const CHECK_COLUMNS = [['oversight_checks_unit_lnk', 'inspection_id', 'check_id']];
/** Strapi names indexes, foreign keys and sequences after the table: the old prefix becomes the new one. */
const OLD_PREFIX = 'oversight_inspections';
const NEW_PREFIX = 'oversight_checks';

/** Content-type uids whose admin records (permissions, Content Manager settings) follow the rename. */
const UIDS = [
  ['plugin::oversight.inspection', 'plugin::oversight.check'],
  ['plugin::unit-submissions.event', 'plugin::unit-submissions.history-entry'],
  ['plugin::feedback-register.event', 'plugin::feedback-register.history-entry'],
];
const CM_CONFIGURATION = 'plugin_content_manager_configuration_content_types::';

const renamed = (name) => NEW_PREFIX + name.slice(OLD_PREFIX.length);

async function renameSqliteIndexes(knex, tables) {
  const indexes = await knex('sqlite_master')
    .select('name', 'sql')
    .where('type', 'index')
    .whereIn('tbl_name', tables)
    .whereNotNull('sql')
    .where('name', 'like', `${OLD_PREFIX}%`);
  // SQLite cannot rename an index: each is made again under its new name (its SQL already names the new table).
  for (const { name, sql } of indexes) {
    await knex.raw('DROP INDEX ??', [name]);
    await knex.raw(sql.replace(name, renamed(name)));
  }
}

async function renamePostgresObjects(knex, tables) {
  const { rows: indexes } = await knex.raw(
    `SELECT indexname AS name FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = ANY(?) AND indexname LIKE ?`,
    [tables, `${OLD_PREFIX}%`]
  );
  // Renaming the index of a primary key or unique constraint renames the constraint too.
  for (const { name } of indexes) await knex.raw('ALTER INDEX ?? RENAME TO ??', [name, renamed(name)]);

  const { rows: foreignKeys } = await knex.raw(
    `SELECT c.conname AS name, t.relname AS "table" FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND c.contype = 'f' AND c.conname LIKE ?`,
    [`${OLD_PREFIX}%`]
  );
  for (const { name, table } of foreignKeys) {
    await knex.raw('ALTER TABLE ?? RENAME CONSTRAINT ?? TO ??', [table, name, renamed(name)]);
  }

  const { rows: sequences } = await knex.raw(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() AND sequencename LIKE ?`,
    [`${OLD_PREFIX}%`]
  );
  for (const { name } of sequences) await knex.raw('ALTER SEQUENCE ?? RENAME TO ??', [name, renamed(name)]);
}

async function moveChecks(knex, db) {
  if (!(await knex.schema.hasTable(CHECK_TABLES[0][0]))) return;
  for (const [from, to] of CHECK_TABLES) {
    if (await knex.schema.hasTable(from)) await knex.raw('ALTER TABLE ?? RENAME TO ??', [from, to]);
  }
  for (const [table, from, to] of CHECK_COLUMNS) {
    if (await knex.schema.hasColumn(table, from)) {
      await knex.raw('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [table, from, to]);
    }
  }
  const tables = CHECK_TABLES.map(([, to]) => to);
  if (db.dialect.client === 'postgres') await renamePostgresObjects(knex, tables);
  else await renameSqliteIndexes(knex, tables);
}

async function moveAdminRecords(knex) {
  for (const [from, to] of UIDS) {
    if (await knex.schema.hasTable('admin_permissions')) {
      await knex('admin_permissions').where('subject', from).update({ subject: to });
    }
    if (!(await knex.schema.hasTable('strapi_core_store_settings'))) continue;
    const row = await knex('strapi_core_store_settings')
      .where('key', CM_CONFIGURATION + from)
      .first();
    if (!row) continue;
    const taken = await knex('strapi_core_store_settings')
      .where('key', CM_CONFIGURATION + to)
      .first();
    if (taken) {
      await knex('strapi_core_store_settings').where('id', row.id).delete();
      continue;
    }
    const value = JSON.parse(row.value);
    await knex('strapi_core_store_settings')
      .where('id', row.id)
      .update({ key: CM_CONFIGURATION + to, value: JSON.stringify({ ...value, uid: to }) });
  }
}

module.exports = {
  async up(knex, db) {
    await moveChecks(knex, db);
    await moveAdminRecords(knex);
  },

  async down() {
    throw new Error('issue-14-names: a rename is not undone (restore the backup taken before the upgrade)');
  },
};
