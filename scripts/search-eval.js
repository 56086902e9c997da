#!/usr/bin/env node
/**
 * `npm run search:eval`: how well the public procedure search finds what citizens ask for (issue 16). On a fresh
 * database (a new SQLite file, or a new database on the DATABASE_URL PostgreSQL server, dropped afterwards) it
 * seeds the demo, imports and publishes the two national lists, runs every judged query of
 * tests/search/relevance.json through GET /api/procedures/search (pageSize 10), the strict search of before issue
 * 16 and MiniSearch, and prints recall@10 and MRR@10 of each with the queries the product misses.
 * Exit codes: 0 the product's search reaches recall@10 >= 0.95 and MRR@10 >= 0.80 and beats MiniSearch on both,
 * 1 otherwise (or on an error).
 * It compiles the app first, as `npm run develop` does; STRAPI_SKIP_COMPILE=1 uses the dist/ already there.
 */
const path = require('path');
const { freshEnvironment, loadStrapi, root } = require('../tests/bench/common');

async function main() {
  const { env, drop } = await freshEnvironment('search_eval');
  // The bench's fresh settings, but not production: the demo seed refuses to run there.
  Object.assign(process.env, env, { NODE_ENV: 'development' });
  try {
    if (process.env.STRAPI_SKIP_COMPILE !== '1') await require('@strapi/strapi').compileStrapi();
    const strapi = await loadStrapi();
    try {
      const started = Date.now();
      await require(path.join(root, 'dist', 'src', 'seed')).seedDemo(strapi);
      // Required once compiled: its domain imports resolve to dist/ (package.json "imports").
      const evaluation = require('./lib/search-eval');
      const published = await evaluation.loadNationalLists(strapi);
      console.log(
        `Demo seeded, national lists imported (${published} published after filling their subjects)`
      );
      console.log(`in ${Math.round((Date.now() - started) / 1000)} s.\n`);
      await strapi.server.mount();
      const results = await evaluation.evaluateSearches(strapi, strapi.server.httpServer);
      console.log(evaluation.report(results).join('\n'));
      const shortfalls = evaluation.shortfalls(results);
      console.log(shortfalls.length ? `\nFAIL: ${shortfalls.join('; ')}` : '\nPASS');
      return shortfalls.length ? 1 : 0;
    } finally {
      await strapi.destroy();
    }
  } finally {
    await drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
