import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  // Replaces strapi::logger: same line, with citizens' tracking codes redacted.
  'global::request-logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // Before the body parser and routing: a cached public GET is answered here.
  'global::response-cache',
  // Rate limits and size caps of the public intake routes, before the body is parsed.
  'global::intake-guard',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '1mb',
      formLimit: '1mb',
      textLimit: '1mb',
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
