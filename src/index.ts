import type { Core } from '@strapi/strapi';
import { procedureHistoryMiddleware } from '#api/procedure/document-middleware';
import { procedures } from '#api/procedure/services/procedure';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { configureContentManager } from './bootstrap/content-manager';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensureWebsiteWebhook } from './bootstrap/website-webhook';
import { contentEventsMiddleware, invalidateOnGlobalChanges } from '#infra/content-events';
import { releaseClaims } from '#infra/job-lock';
import { registerInternalModels } from '#infra/models';
import { holdStartupLock, nodeLifecycle } from '#infra/node-lifecycle';
import { registerPrivateFileOwner, startFileSweeps } from '#infra/private-files';
import { startOutboxWorker } from '#infra/outbox';
import { closeRedis, redis } from '#infra/redis';
import { ResponseCache } from '#infra/response-cache';
import { ensureSearchVersions } from '#infra/search-changes';
import { closePrivateStores, privateStore } from '#infra/storage';
import { indexUnindexedModels } from '#infra/search-index';
import { synonymMiddleware } from '#api/synonym/document-middleware';
import { synonyms } from '#api/synonym/services/synonym';
import bodyMiddleware from './middlewares/body';
import { answerHitsAtListener } from './middlewares/response-cache';
import { registerOpenApi } from './openapi';
import { isDatabaseEmpty, seedDemo } from './seed';

let stopOutbox = () => undefined as void;
let stopSweeps = async () => undefined as void;
let releaseStartupLock = async () => undefined as void;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Strapi's schema sync (with the migrations), its repairs and the bootstrap, which nodes started together must
    // not run at the same time, come right after this hook; register-only commands (ts:generate-types) never wait.
    strapi.hook('strapi::content-types.beforeSync').register(async () => {
      releaseStartupLock = await holdStartupLock(strapi);
    });
    registerInternalModels(strapi);
    // Strapi requires a middleware named strapi::body: ours takes its place (src/middlewares/body.ts).
    strapi.get('middlewares').set('strapi::body', bodyMiddleware);
    registerPrivateFileOwner({ uid: 'api::feedback.feedback-attachment', attribute: 'storedName' });
    strapi.add(
      'response-cache',
      () =>
        new ResponseCache({
          enabled: (process.env.RESPONSE_CACHE || 'on') !== 'off',
          ttlSeconds: Number(process.env.RESPONSE_CACHE_TTL_SECONDS ?? 300),
          maxBytes: Number(process.env.RESPONSE_CACHE_MAX_MB ?? 64) * 1024 * 1024,
          redis: redis(),
          log: (message) => strapi.log.warn(message),
        })
    );
    strapi.documents.use(procedureHistoryMiddleware(strapi));
    strapi.documents.use(contentEventsMiddleware(strapi));
    strapi.documents.use(synonymMiddleware(strapi));
    registerOpenApi(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureAdminRoles(strapi);
    await configureContentManager(strapi);
    await ensureWebsiteWebhook(strapi);
    invalidateOnGlobalChanges(strapi);
    await (strapi.get('response-cache') as ResponseCache).start();
    // Cache hits answered before Koa (src/middlewares/response-cache.ts).
    answerHitsAtListener(strapi);

    // Before any write can record a change to what the search finds.
    await ensureSearchVersions(strapi);
    // A first `npm run develop` shows the demo; production never gets demo data or demo accounts.
    const demoSeed = process.env.DEMO_SEED || 'auto';
    if (
      strapi.config.get('environment') !== 'production' &&
      demoSeed === 'auto' &&
      (await isDatabaseEmpty(strapi))
    ) {
      await seedDemo(strapi);
    }

    await synonyms(strapi).seed();
    await indexUnindexedModels(strapi);
    // A node that serves reads the procedures for the search as it starts listening, not at a citizen's first search.
    strapi.server.httpServer.once('listening', () => {
      procedures(strapi)
        .warm()
        .catch((error) => strapi.log.warn(`search not warmed: ${(error as Error).message}`));
    });
    stopSweeps = startFileSweeps(strapi);
    stopOutbox = startOutboxWorker(strapi);
    const redisClient = redis();
    nodeLifecycle(strapi, {
      database: async () => (await strapi.db.connection.raw('SELECT 1'), 'ok'),
      redis: async () => (redisClient ? (await redisClient.ping(), 'ok') : 'off'),
      storage: async () => (await privateStore(strapi).ping(), 'ok'),
    }).drainBeforeDestroy((deadline) => releaseClaims(strapi, deadline));
    await releaseStartupLock();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopOutbox();
    await stopSweeps();
    (strapi.get('response-cache') as ResponseCache).stop();
    await closeRedis();
    await closePrivateStores();
    // Held still when the bootstrap failed.
    await releaseStartupLock();
  },
};
