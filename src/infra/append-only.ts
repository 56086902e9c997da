/**
 * Audit tables that only grow: the services that own them only insert and read, and on PostgreSQL a trigger
 * refuses UPDATE, DELETE and TRUNCATE of the table, whoever sends them.
 */
import type { Core } from '@strapi/strapi';

export async function protectAppendOnly(strapi: Core.Strapi, uid: string, what: string) {
  if (strapi.db.dialect.client !== 'postgres') return;
  const table = strapi.db.metadata.get(uid).tableName;
  const name = `${table}_append_only`;
  await strapi.db.connection.raw(`
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
}
