/**
 * A Strapi node serving HTTP, for the crash test: boots the compiled app (dist/) on the database its environment
 * names (as useDatabase() sets it), listens on PORT and says so with one line `@@node {"ready":true}` on stdout.
 * The test kills it with SIGKILL, as a crash would.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.listen();
  process.stdout.write(`@@node ${JSON.stringify({ ready: true })}\n`);
}

main().catch((error) => {
  process.stdout.write(`@@node ${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
