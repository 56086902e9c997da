/**
 * Another Strapi process that starts an annual-report export, for the test of an export interrupted by a crash:
 * boots Strapi from the compiled app (dist/) on the database its environment names, starts the export of the report
 * and waits for it; the test kills it mid-way (ANNUAL_REPORT_EXPORT_STEP_DELAY_MS makes every progress step wait).
 *
 *   node tests/setup/run-export.js <report documentId> <docx | xlsx | csv> [articles | feedback]
 *
 * Messages are JSON lines prefixed with "@@job " on stdout: { "started": <job> }, then { "outcome": <job> } or
 * { "error": "…" }.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const PREFIX = '@@job ';
const send = (message) => process.stdout.write(`${PREFIX}${JSON.stringify(message)}\n`);

async function main() {
  const [reportDocumentId, format, list] = process.argv.slice(2);
  if (!reportDocumentId || !format)
    throw new Error('usage: run-export.js <report documentId> <format> [list]');
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    const exports = strapi.plugin('annual-report').service('exports');
    const job = await exports.start(reportDocumentId, { format, list: list ?? null }, 'run-export');
    send({ started: job });
    await exports.idle();
    send({ outcome: await exports.findOne(job.id) });
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    send({ error: String(error?.stack ?? error) });
    process.exit(1);
  }
);
