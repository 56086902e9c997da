/**
 * Upgrade tests: a database made by an older commit of this app, then opened by this code.
 *
 *   const app = useUpgradeFrom('70d7991', async (old) => ({ ... data made through the old code ... }));
 *   app.made();              // what `prepare` returned
 *   app.strapi();            // this code, booted on the same database
 *
 * The old app is the commit's tree (`git archive`), compiled with tsc into its own dist/ against this checkout's
 * node_modules (no admin build), and kept per commit in the system's temp folder so that later runs reuse it.
 * Both boots skip the demo seed: the database holds only what `prepare` makes.
 */
import { execFileSync, execSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { baseDatabaseUrl, ROOT, RUN_DIR } from './env';
import { createEmptyDatabase, dropDatabase, privateDirOf, uploadTmpDirOf, useDatabase } from './database';

export interface AppDirs {
  appDir: string;
  distDir: string;
}

/** This checkout, as the test run compiled it. */
export const CURRENT_APP: AppDirs = { appDir: ROOT, distDir: path.join(ROOT, 'dist') };

function linkModules(appDir: string) {
  const link = path.join(appDir, 'node_modules');
  const target = path.join(ROOT, 'node_modules');
  if (fs.existsSync(link) && fs.realpathSync(link) === fs.realpathSync(target)) return;
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link, 'dir');
}

/** The app as it was at `commit`, compiled (once per commit: later calls and runs reuse it). */
export function buildAppAt(commit: string): AppDirs {
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', `${commit}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const appDir = path.join(os.tmpdir(), 'strapi-upgrade-apps', sha);
  const distDir = path.join(appDir, 'dist');
  if (fs.existsSync(path.join(appDir, '.built'))) {
    // Kept from another checkout, whose node_modules may be gone: run it on this one's.
    linkModules(appDir);
    return { appDir, distDir };
  }

  // Built beside its final place and renamed in one step, so that two runs never see half a build.
  const building = `${appDir}.${process.pid}.tmp`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  execSync(`git -C "${ROOT}" archive --format=tar ${sha} | tar -x -C "${building}"`);
  linkModules(building);
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', building], { stdio: 'inherit' });
  fs.writeFileSync(path.join(building, '.built'), `${sha}\n`);
  try {
    fs.renameSync(building, appDir);
  } catch {
    // Another run finished the same build first.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return { appDir, distDir };
}

/** A new empty database of the run, and this process's Strapi configuration pointed at it. */
export async function useFreshDatabase(): Promise<string> {
  const name = `t${process.env.TEST_RUN_ID}_${process.pid}_upgrade_${Date.now().toString(36)}`;
  await createEmptyDatabase(name);
  useDatabase(name);
  // Absolute, since each app resolves a relative SQLite file against its own root.
  if (!baseDatabaseUrl()) process.env.DATABASE_FILENAME = path.join(RUN_DIR, `${name}.db`);
  process.env.PRIVATE_UPLOAD_DIR = privateDirOf(name);
  process.env.UPLOAD_TMP_DIR = uploadTmpDirOf(name);
  return name;
}

/** Boots an app on the database in use, without the demo seed, and mounts its HTTP server. */
export async function bootApp({ appDir, distDir }: AppDirs): Promise<Core.Strapi> {
  const seed = process.env.DEMO_SEED;
  process.env.DEMO_SEED = 'off';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createStrapi } = require('@strapi/strapi');
    const strapi: Core.Strapi = await createStrapi({
      appDir,
      distDir,
      autoReload: false,
      serveAdminPanel: false,
    }).load();
    await strapi.server.mount();
    return strapi;
  } finally {
    if (seed === undefined) delete process.env.DEMO_SEED;
    else process.env.DEMO_SEED = seed;
  }
}

export interface UpgradedApp<T> {
  /** This code, booted on the database the old app made. */
  strapi: () => Core.Strapi;
  server: () => import('http').Server;
  /** What `prepare` returned. */
  made: () => T;
}

/**
 * Jest hooks of one upgrade: a fresh database; the app at `commit` boots on it and `prepare` makes data through the
 * old code; the old app shuts down and this code boots on the same database. Dropped after the file.
 */
export function useUpgradeFrom<T>(commit: string, prepare: (old: Core.Strapi) => Promise<T>): UpgradedApp<T> {
  let current: Core.Strapi | undefined;
  let name: string | undefined;
  let made: T;
  beforeAll(async () => {
    const oldApp = buildAppAt(commit);
    name = await useFreshDatabase();
    const old = await bootApp(oldApp);
    try {
      made = await prepare(old);
    } finally {
      await old.destroy();
    }
    current = await bootApp(CURRENT_APP);
  }, 300_000);
  afterAll(async () => {
    await current?.destroy();
    if (name) await dropDatabase(name);
  }, 60_000);
  return {
    strapi: () => current!,
    server: () => current!.server.httpServer,
    made: () => made,
  };
}
