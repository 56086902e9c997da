/**
 * Another node, for the tests of jobs that must run once across nodes: boots Strapi from the compiled app (dist/)
 * on the database its environment names (as useDatabase() sets it), says it is ready, waits for "go" on stdin,
 * runs the named job (default: the feedback retention) for the given instant, reports the outcome and shuts down.
 *
 *   node tests/setup/run-job.js 2030-06-17T03:00:00Z [feedback-retention | oversight-reminders]
 *
 * Messages are JSON lines prefixed with "@@job " on stdout (Strapi's own log shares the stream):
 * { "ready": true }, then { "outcome": <what the job's run returns> } or { "error": "…" }.
 */
const path = require('path');
const readline = require('readline');

const ROOT = path.resolve(__dirname, '..', '..');
const PREFIX = '@@job ';

/** The jobs this script can run, by name: each runs once for the instant `now` and returns its outcome. */
const JOBS = {
  'feedback-retention': (strapi, now) => strapi.plugin('feedback-register').service('retention').run(now),
  'oversight-reminders': (strapi, now) => strapi.plugin('oversight').service('digest').runDaily(now),
};

const send = (message) => process.stdout.write(`${PREFIX}${JSON.stringify(message)}\n`);

const waitForGo = () =>
  new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() !== 'go') return;
      resolve();
      lines.close();
    });
    lines.on('close', () => reject(new Error('stdin closed before "go"')));
  });

async function main() {
  const now = new Date(process.argv[2]);
  const job = JOBS[process.argv[3] ?? 'feedback-retention'];
  if (Number.isNaN(now.getTime()) || !job) {
    throw new Error(
      `usage: run-job.js <ISO instant> [${Object.keys(JOBS).join(' | ')}], got ${process.argv.slice(2).join(' ')}`
    );
  }
  const go = waitForGo();
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    send({ ready: true });
    await go;
    send({ outcome: await job(strapi, now) });
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
