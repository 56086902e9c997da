/**
 * The app loaded for a one-off command (no HTTP server): compiled first, as `npm run develop` does
 * (STRAPI_SKIP_COMPILE=1 uses dist/ as it is, as the test suite does), without the demo seed, and quiet unless
 * LOG_LEVEL says otherwise (start-up news would mix with the command's output).
 */
const path = require('path');

async function loadApp() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  process.env.DEMO_SEED = 'off';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const { appDir, distDir } =
    process.env.STRAPI_SKIP_COMPILE === '1'
      ? { appDir: process.cwd(), distDir: path.join(process.cwd(), 'dist') }
      : await compileStrapi();
  return createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
}

module.exports = { loadApp };
