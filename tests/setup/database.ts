import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { baseDatabaseUrl, ROOT, RUN_DIR, withDatabase } from './env';

/** Runs one statement on the PostgreSQL server of the run (through the database named in its URL). */
async function onServer(sql: string) {
  const client = new Client({ connectionString: baseDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const templateName = (runId: string) => `t${runId}_template`;

/**
 * The private files (attachments) that belong with a database. A database and its files go together, as in a
 * deployment: each test database gets its own folder, so that one Strapi's orphan sweep never removes another
 * test's files while that test counts them.
 */
export const privateDirOf = (name: string) => path.join(RUN_DIR, `${name}-private`);
/** Its multipart temp folder, for the same reason (the temp sweep). */
export const uploadTmpDirOf = (name: string) => path.join(RUN_DIR, `${name}-upload-tmp`);

/** Points Strapi's configuration at a database: a SQLite file or a PostgreSQL database. */
export function useDatabase(name: string) {
  const base = baseDatabaseUrl();
  if (base) {
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_URL = withDatabase(base, name);
  } else {
    process.env.DATABASE_CLIENT = 'sqlite';
    delete process.env.DATABASE_URL;
    process.env.DATABASE_FILENAME = path.relative(ROOT, path.join(RUN_DIR, `${name}.db`));
  }
}

export async function createEmptyDatabase(name: string) {
  if (baseDatabaseUrl()) await onServer(`CREATE DATABASE "${name}"`);
}

/**
 * A copy of the seeded template: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL; and a copy of the
 * template's private files.
 */
export async function cloneTemplate(runId: string, name: string) {
  const templateFiles = privateDirOf(templateName(runId));
  if (fs.existsSync(templateFiles)) fs.cpSync(templateFiles, privateDirOf(name), { recursive: true });
  if (baseDatabaseUrl()) {
    await onServer(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
  } else {
    fs.copyFileSync(path.join(RUN_DIR, `${templateName(runId)}.db`), path.join(RUN_DIR, `${name}.db`));
  }
}

export async function dropDatabase(name: string) {
  for (const dir of [privateDirOf(name), uploadTmpDirOf(name)])
    fs.rmSync(dir, { recursive: true, force: true });
  if (baseDatabaseUrl()) {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      fs.rmSync(path.join(RUN_DIR, `${name}.db${suffix}`), { force: true });
    }
  }
}
