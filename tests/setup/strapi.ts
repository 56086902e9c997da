/**
 * One real Strapi instance per test file, on its own copy of the seeded template database.
 *
 *   const app = useStrapi();            // in a describe block
 *   await request(app.server()).get('/api/articles');
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { cloneTemplate, dropDatabase, privateDirOf, uploadTmpDirOf, useDatabase } from './database';
import { ROOT } from './env';

let counter = 0;
/** The folders this file's harness chose; a test file that sets PRIVATE_UPLOAD_DIR or UPLOAD_TMP_DIR keeps its own. */
const harnessDirs: Record<string, string | undefined> = {};
function useOwnDir(variable: 'PRIVATE_UPLOAD_DIR' | 'UPLOAD_TMP_DIR', dir: string) {
  if (process.env[variable] && process.env[variable] !== harnessDirs[variable]) return;
  harnessDirs[variable] = dir;
  process.env[variable] = dir;
}

export interface TestApp {
  strapi: () => Core.Strapi;
  server: () => import('http').Server;
}

export interface StartOptions {
  /** Serve the built admin panel (dist/build) and listen on this port, for browser tests. */
  listenOn?: number;
}

export async function startStrapi({ listenOn }: StartOptions = {}): Promise<{
  strapi: Core.Strapi;
  name: string;
}> {
  const runId = process.env.TEST_RUN_ID!;
  const name = `t${runId}_${process.pid}_${++counter}`;
  await cloneTemplate(runId, name);
  useDatabase(name);
  useOwnDir('PRIVATE_UPLOAD_DIR', privateDirOf(name));
  useOwnDir('UPLOAD_TMP_DIR', uploadTmpDirOf(name));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi');
  if (listenOn) process.env.PORT = String(listenOn);
  const strapi: Core.Strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: Boolean(listenOn),
  }).load();
  if (listenOn) await strapi.listen();
  else await strapi.server.mount();
  return { strapi, name };
}

export function useStrapi(options: StartOptions = {}): TestApp {
  let instance: Core.Strapi | undefined;
  let databaseName: string | undefined;
  beforeAll(async () => {
    const started = await startStrapi(options);
    instance = started.strapi;
    databaseName = started.name;
  }, 120_000);
  afterAll(async () => {
    await instance?.destroy();
    if (databaseName) await dropDatabase(databaseName);
  }, 60_000);
  return {
    strapi: () => instance!,
    server: () => instance!.server.httpServer,
  };
}
