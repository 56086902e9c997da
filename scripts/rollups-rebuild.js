#!/usr/bin/env node
/**
 * npm run rollups:rebuild — recomputes every rollup (the oversight dashboard's and the annual report's) from the rows
 * (src/infra/rollups.ts), slice by slice, printing progress; rerunnable. Start-up rebuilds by itself when the
 * rollups' definition or the time zone changed, or when rows exist without rollups; this is for an operator who
 * wants it now (after writing rows with the triggers disabled, say). Then it runs the drift check, which should find
 * nothing. It compiles the app first, as `npm run develop` does (STRAPI_SKIP_COMPILE=1 uses dist/ as it is).
 * Exit 0 done, 1 failed.
 */
const { loadApp } = require('./lib/load-app');

async function main() {
  const strapi = await loadApp();
  try {
    const rollups = strapi.plugin('oversight').service('rollups');
    const started = Date.now();
    const { months } = await rollups.rebuild({
      onProgress: ({ source, month, done, total }) => console.log(`[${done}/${total}] ${source} ${month}`),
    });
    console.log(`rebuilt ${months} months in ${Date.now() - started} ms`);
    const drifted = await rollups.checkDrift();
    console.log(`drift check: ${drifted.length} counters differ from their rows`);
    return drifted.length === 0 ? 0 : 1;
  } finally {
    await strapi.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
