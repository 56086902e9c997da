/**
 * What a local run keeps for the next one, so that running one API test file neither compiles nor seeds again when
 * nothing changed: the compiled dist/ (keyed by the sources it is built from) and a seeded SQLite template (keyed by
 * everything seeding reads as well: demo data, the test environment and the day, since the demo plan is dated from
 * the seed day). PostgreSQL runs always seed, and a fresh clone (CI) has nothing kept. TEST_TEMPLATE_CACHE=off turns
 * both off.
 */
import fs from 'fs';
import path from 'path';
import { ROOT, TEST_ENV } from './env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const keys = require('./sources-key') as {
  keyOf: (inputs: string[], ...values: string[]) => string | undefined;
  sourcesKey: () => string | undefined;
  isCompiled: (key: string | undefined) => boolean;
  markCompiled: (key: string | undefined) => void;
};

const CACHE_DIR = path.join(ROOT, '.tmp', 'tests-cache');

export const { sourcesKey, isCompiled, markCompiled } = keys;

export const templateKey = (sources: string | undefined) =>
  sources &&
  keys.keyOf(
    ['database'],
    sources,
    JSON.stringify(TEST_ENV),
    new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
  );

const cachedDb = (key: string) => path.join(CACHE_DIR, `${key}.db`);
const cachedFiles = (key: string) => path.join(CACHE_DIR, `${key}-private`);

/** Copies a cached template to `dbFile` and `privateDir`; false when there is none for this key. */
export function restoreTemplate(key: string, dbFile: string, privateDir: string): boolean {
  if (!fs.existsSync(cachedDb(key))) return false;
  fs.copyFileSync(cachedDb(key), dbFile);
  if (fs.existsSync(cachedFiles(key))) fs.cpSync(cachedFiles(key), privateDir, { recursive: true });
  return true;
}

/** Keeps this template as the only cached one. */
export function saveTemplate(key: string, dbFile: string, privateDir: string) {
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.copyFileSync(dbFile, cachedDb(key));
  if (fs.existsSync(privateDir)) fs.cpSync(privateDir, cachedFiles(key), { recursive: true });
}
