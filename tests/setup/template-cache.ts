/**
 * What a local run keeps for the next one, so that running one API test file neither compiles nor seeds again when
 * nothing changed: the compiled dist/ (keyed by the sources it is built from) and a seeded SQLite template (keyed by
 * everything seeding reads as well: demo data, the test environment and the day, since the demo plan is dated from
 * the seed day). PostgreSQL runs always seed, and a fresh clone (CI) has nothing kept. TEST_TEMPLATE_CACHE=off turns
 * both off.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { ROOT, TEST_ENV } from './env';

const CACHE_DIR = path.join(ROOT, '.tmp', 'tests-cache');
const SOURCES = ['src', 'config', 'types', 'tsconfig.json', 'package-lock.json'];
const COMPILED_KEY = path.join(ROOT, 'dist', '.tests-sources-key');
// Rewritten by every boot (the documentation plugin), so not an input of the seed.
const SKIPPED = [path.join('src', 'extensions', 'documentation')];

function* filesOf(relative: string): Generator<string> {
  if (SKIPPED.includes(relative)) return;
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return;
  if (!fs.statSync(full).isDirectory()) {
    yield relative;
    return;
  }
  for (const name of fs.readdirSync(full).sort()) {
    if (name === '__tests__' || name === 'node_modules') continue;
    yield* filesOf(path.join(relative, name));
  }
}

function keyOf(inputs: string[], ...values: string[]): string | undefined {
  if (process.env.TEST_TEMPLATE_CACHE === 'off') return undefined;
  const hash = crypto.createHash('sha256');
  for (const value of values) hash.update(value);
  for (const input of inputs) {
    for (const file of filesOf(input)) {
      hash.update(file);
      hash.update(fs.readFileSync(path.join(ROOT, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export const sourcesKey = () => keyOf(SOURCES);

export const templateKey = (sources: string | undefined) =>
  sources &&
  keyOf(
    ['database'],
    sources,
    JSON.stringify(TEST_ENV),
    new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
  );

/** Whether dist/ was compiled by a test run from these very sources. */
export const isCompiled = (sources: string | undefined) =>
  sources !== undefined && fs.existsSync(COMPILED_KEY) && fs.readFileSync(COMPILED_KEY, 'utf8') === sources;

export function markCompiled(sources: string | undefined) {
  if (sources) fs.writeFileSync(COMPILED_KEY, sources);
}

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
