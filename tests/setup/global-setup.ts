/**
 * Once per test run: compile the app (TypeScript to dist/), create a fresh database, boot Strapi on it so that
 * bootstrap loads the demo data exactly as `npm run develop` does on an empty database, and keep that database
 * as the template every test file starts from.
 */
import fs from 'fs';
import path from 'path';
import { createEmptyDatabase, privateDirOf, templateName, useDatabase } from './database';
import { baseDatabaseUrl, ROOT, RUN_DIR, TEST_ENV } from './env';
import {
  isCompiled,
  markCompiled,
  restoreTemplate,
  saveTemplate,
  sourcesKey,
  templateKey,
} from './template-cache';

export default async function globalSetup() {
  Object.assign(process.env, TEST_ENV);
  const runId = `${Date.now().toString(36)}${process.pid}`;
  process.env.TEST_RUN_ID = runId;
  const base = baseDatabaseUrl();
  if (base) process.env.TEST_BASE_DATABASE_URL = base;
  fs.mkdirSync(RUN_DIR, { recursive: true });

  // The widgets' bundle, as npm install builds it: the tests serve and drive what the sources say today.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await require('../../scripts/build-widgets').build();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const started = Date.now();
  const sources = sourcesKey();
  const compiled = isCompiled(sources);
  const { appDir, distDir } = compiled
    ? { appDir: ROOT, distDir: path.join(ROOT, 'dist') }
    : await compileStrapi();
  if (!compiled) markCompiled(sources);

  const template = templateName(runId);
  const templateFile = path.join(RUN_DIR, `${template}.db`);
  const key = base ? undefined : templateKey(sources);
  if (key && restoreTemplate(key, templateFile, privateDirOf(template))) {
    console.log(
      `\n[tests] ${compiled ? 'reused dist/' : 'compiled'} and the SQLite template seeded earlier today, in ${Date.now() - started} ms`
    );
    return;
  }
  await createEmptyDatabase(template);
  useDatabase(template);
  process.env.DEMO_SEED = 'auto';
  // The demo's private attachments, which every test database's folder starts as a copy of.
  process.env.PRIVATE_UPLOAD_DIR = privateDirOf(template);
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  await strapi.destroy();
  delete process.env.DEMO_SEED;
  delete process.env.PRIVATE_UPLOAD_DIR;
  if (key) saveTemplate(key, templateFile, privateDirOf(template));
  console.log(
    `\n[tests] compiled and seeded a ${base ? 'PostgreSQL' : 'SQLite'} template database in ${Date.now() - started} ms`
  );
}
