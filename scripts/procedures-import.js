#!/usr/bin/env node
/**
 * `npm run procedures:import -- <file> [--dry-run] [--publish] [--level <level>] [--agency <text>] [--field <name>]
 *  [--json]`
 * Imports a national list (XLSX), a procedure's Word file or the catalogue workbook into the configured database's
 * catalogue, as the admin page does: a preview, recorded in the import history, then (without --dry-run) the
 * rows that the options narrow it to applied in one transaction. New procedures are drafts unless --publish; a
 * change to a published procedure takes what its announcing decision says (a correction, or a new version).
 * With --json, stdout is one object: { created, updated, unchanged, missing, refused: [{ row, reason }] }.
 * Exit codes: 0 previewed or applied, 1 the file is refused (or has no row to import) or applying failed,
 * 2 bad arguments.
 * It compiles the app first, as `npm run develop` does; the test suite sets STRAPI_SKIP_COMPILE=1 to use the dist/
 * it compiled once.
 */
const fs = require('fs');
const path = require('path');
const { loadApp } = require('./lib/load-app');

const USAGE =
  'Usage: npm run procedures:import -- <file> [--dry-run] [--publish] [--level ministry|province|commune|district] [--agency <text>] [--field <name>] [--json]';
const LEVELS = ['ministry', 'province', 'commune', 'district'];

function parse(argv) {
  const options = {
    file: null,
    dryRun: false,
    publish: false,
    json: false,
    levels: [],
    fields: [],
    agency: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--publish') options.publish = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--level') {
      const level = value();
      if (!LEVELS.includes(level)) throw new Error(`--level must be one of ${LEVELS.join(', ')}`);
      options.levels.push(level);
    } else if (arg === '--field') options.fields.push(value());
    else if (arg === '--agency') options.agency = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.file) throw new Error('one file at a time');
    else options.file = arg;
  }
  if (!options.file) throw new Error('a file is needed');
  return options;
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let bytes;
  try {
    bytes = fs.readFileSync(path.resolve(options.file));
  } catch (error) {
    console.error(`cannot read ${options.file}: ${error.message}`);
    return 2;
  }
  const strapi = await loadApp();
  try {
    const imports = strapi.plugin('procedure-import').service('imports');
    const { maxBytes, maxRows } = strapi.config.get('plugin::procedure-import');
    const previewed = await imports.preview(
      bytes,
      { fileName: path.basename(options.file), userName: 'npm run procedures:import' },
      { maxBytes, maxRows }
    );
    const refusedFile = (problem, reason) => {
      if (options.json) console.log(JSON.stringify({ refusedFile: problem, reason }));
      else console.error(`Refused: ${reason.vi} / ${reason.en}`);
      return 1;
    };
    if (!previewed.ok) return refusedFile(previewed.problem, previewed.message);
    let record = previewed.import;
    if (record.counts.created + record.counts.updated + record.counts.unchanged === 0) {
      return refusedFile('no_row', {
        vi: 'Tệp không có dòng nào nhập được.',
        en: 'The file has no row that can be imported.',
      });
    }
    const choices = {
      levels: options.levels,
      fields: options.fields,
      agency: options.agency,
      codes: [],
      publish: options.publish,
      modes: {},
    };
    let counts;
    if (options.dryRun) {
      const count = async (status) =>
        (await imports.rows(record.id, { ...choices, status, page: 1, pageSize: 1 })).pagination.total;
      counts = {
        created: await count('new'),
        updated: await count('changed'),
        unchanged: await count('unchanged'),
      };
    } else {
      record = await imports.apply(record.id, choices, 'npm run procedures:import', { wait: true });
      if (record.state !== 'applied') {
        console.error(`Applying failed, nothing was changed: ${record.error}`);
        return 1;
      }
      counts = {
        created: record.applied.created,
        updated: record.applied.updated,
        unchanged: record.applied.unchanged,
      };
    }
    const summary = {
      ...counts,
      missing: record.missing.length,
      refused: record.refused.map(({ row, reason }) => ({ row, reason })),
    };
    if (options.json) console.log(JSON.stringify(summary));
    else {
      const what = options.dryRun ? 'preview only' : 'applied';
      console.log(
        `${options.file} (${record.kind}, sha256 ${record.sha256.slice(0, 12)}…), import ${record.id}, ${what}:`
      );
      console.table({ ...counts, missing: summary.missing, refused: summary.refused.length });
      for (const { row, reason } of summary.refused) console.log(`row ${row}: ${reason.vi} / ${reason.en}`);
      if (!options.dryRun && record.applied.keptAsDrafts > 0)
        console.log(
          `${record.applied.keptAsDrafts} new procedure(s) kept as drafts: they lack what publishing needs.`
        );
    }
    return 0;
  } finally {
    await settled(strapi);
    await strapi.destroy();
  }
}

/**
 * Strapi emits an event for each written entry once the transaction commits, loading the entry in full first
 * (core document-service/events.js), without waiting: shutting down before those queries end aborts them.
 */
async function settled(strapi) {
  const pool = strapi.db.connection.client.pool;
  while (pool.numUsed() + pool.numPendingAcquires() > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
