#!/usr/bin/env node
/**
 * `npm run seed:demo`: loads this folder's demo data into the configured database (SQLite by default,
 * DATABASE_URL for PostgreSQL) and prints the row count of every table it fills. Running it again creates nothing.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  // Bootstrap must not seed on its own: this script does it explicitly and reports it.
  process.env.DEMO_SEED = 'off';
  const { appDir, distDir } = await compileStrapi();
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { seedDemo } = require(path.join(distDir, 'src', 'seed'));
    const { created } = await seedDemo(strapi);
    const uids = [
      ...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
      'admin::user',
    ];
    const rows = {};
    for (const uid of uids) rows[uid] = await strapi.db.query(uid).count();
    console.log('Created:', Object.keys(created).length ? created : 'nothing (already seeded)');
    console.table(rows);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
