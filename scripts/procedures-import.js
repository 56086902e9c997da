#!/usr/bin/env node
/**
 * `npm run procedures:import -- <file> --dry-run [--level <level>] [--agency <text>] [--field <name>] [--json]`
 * Previews what importing a national list (XLSX), a procedure's Word file or the catalogue workbook would do to
 * the configured database's catalogue. Applying is not built yet (issue 15), so --dry-run is required.
 * Exit codes: 0 previewed, 1 the file is refused, 2 bad arguments.
 */
const fs = require('fs');
const path = require('path');

const USAGE =
  'Usage: npm run procedures:import -- <file> --dry-run [--level ministry|province|commune|district] [--agency <text>] [--field <name>] [--json]';
const LEVELS = ['ministry', 'province', 'commune', 'district'];

function parse(argv) {
  const options = { file: null, dryRun: false, json: false, levels: [], fields: [], agency: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--dry-run') options.dryRun = true;
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
  if (!options.dryRun) throw new Error('applying is not available yet: run with --dry-run to preview');
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
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  process.env.DEMO_SEED = 'off';
  // Start-up news (migrations, seeding) would mix with the preview; --json's stdout must be the JSON alone.
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const { appDir, distDir } = await compileStrapi();
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { selectRows, countPreview } = require(path.join(distDir, 'src', 'domain', 'procedure-import'));
    const result = await strapi.service('api::procedure.procedure-import').preview(bytes);
    if (!result.ok) {
      if (options.json) console.log(JSON.stringify({ refusedFile: result.problem, reason: result.message }));
      else console.error(`Refused: ${result.message.vi} / ${result.message.en}`);
      return 1;
    }
    const chosen = selectRows(result.preview.rows, {
      levels: options.levels,
      fields: options.fields,
      agency: options.agency,
    });
    const counts = countPreview(result.preview, chosen);
    const refused = result.preview.refused.map(({ row, reason }) => ({ row, reason }));
    if (options.json) console.log(JSON.stringify({ ...counts, refused }));
    else {
      console.log(`${options.file} (${result.kind}, sha256 ${result.sha256.slice(0, 12)}…), preview only:`);
      console.table(counts);
      for (const { row, reason } of refused) console.log(`row ${row}: ${reason.vi} / ${reason.en}`);
    }
    return 0;
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
