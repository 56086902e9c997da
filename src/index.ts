import type { Core } from '@strapi/strapi';
import { procedureHistoryMiddleware } from './api/procedure/document-middleware';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { configureContentManager } from './bootstrap/content-manager';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { isDatabaseEmpty, seedDemo } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(procedureHistoryMiddleware(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureAdminRoles(strapi);
    await configureContentManager(strapi);

    // A first `npm run develop` shows the demo; production never gets demo data or demo accounts.
    const demoSeed = process.env.DEMO_SEED || 'auto';
    if (
      strapi.config.get('environment') !== 'production' &&
      demoSeed === 'auto' &&
      (await isDatabaseEmpty(strapi))
    ) {
      await seedDemo(strapi);
    }
  },
};
