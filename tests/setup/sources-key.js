/**
 * The key of the sources dist/ is compiled from, shared by the API tests' setup (template-cache.ts) and the cluster
 * harness (tests/cluster/harness.js, plain Node): either reuses the other's compile. CommonJS, so that both can load
 * it. TEST_TEMPLATE_CACHE=off makes every key undefined (always compile).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['src', 'config', 'types', 'tsconfig.json', 'package-lock.json'];
/** Where a compile records the key of the sources it was made from. */
const COMPILED_KEY = path.join(ROOT, 'dist', '.tests-sources-key');
// Rewritten by every boot (the documentation plugin), so not an input.
const SKIPPED = [path.join('src', 'extensions', 'documentation')];

function* filesOf(relative) {
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

/** A short hash of the files under `inputs` (paths relative to the project) and of `values`. */
function keyOf(inputs, ...values) {
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

const sourcesKey = () => keyOf(SOURCES);

/** Whether dist/ was compiled from these very sources. */
const isCompiled = (key) =>
  key !== undefined && fs.existsSync(COMPILED_KEY) && fs.readFileSync(COMPILED_KEY, 'utf8') === key;

const markCompiled = (key) => {
  if (key !== undefined) fs.writeFileSync(COMPILED_KEY, key);
};

module.exports = { keyOf, sourcesKey, isCompiled, markCompiled };
