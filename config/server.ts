import type { Core } from '@strapi/strapi';
import { secrets } from './support/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public URL when served behind a reverse proxy, e.g. https://cms.example.gov.vn
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, trust its X-Forwarded-* headers so client IPs are real.
  proxy: { koa: env.bool('SERVER_PROXY', false) },
  app: {
    keys: secrets().APP_KEYS.split(','),
  },
  // Update checks need the internet, which government hosts usually do not reach.
  logger: { updates: { enabled: false } },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
