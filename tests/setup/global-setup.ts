/**
 * Once per test run: compile the app (TypeScript to dist/), create a fresh database, boot Strapi on it so that
 * bootstrap loads the demo data exactly as `npm run develop` does on an empty database, and keep that database
 * as the template every test file starts from.
 */
import fs from 'fs';
import { createEmptyDatabase, privateDirOf, templateName, useDatabase } from './database';
import { baseDatabaseUrl, RUN_DIR, TEST_ENV } from './env';

export default async function globalSetup() {
  Object.assign(process.env, TEST_ENV);
  const runId = `${Date.now().toString(36)}${process.pid}`;
  process.env.TEST_RUN_ID = runId;
  const base = baseDatabaseUrl();
  if (base) process.env.TEST_BASE_DATABASE_URL = base;
  fs.mkdirSync(RUN_DIR, { recursive: true });

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const started = Date.now();
  const { appDir, distDir } = await compileStrapi();

  const template = templateName(runId);
  await createEmptyDatabase(template);
  useDatabase(template);
  process.env.DEMO_SEED = 'auto';
  // The demo's private attachments, which every test database's folder starts as a copy of.
  process.env.PRIVATE_UPLOAD_DIR = privateDirOf(template);
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  await strapi.destroy();
  delete process.env.DEMO_SEED;
  delete process.env.PRIVATE_UPLOAD_DIR;
  console.log(
    `\n[tests] compiled and seeded a ${base ? 'PostgreSQL' : 'SQLite'} template database in ${Date.now() - started} ms`
  );
}
