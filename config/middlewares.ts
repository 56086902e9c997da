import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';

/**
 * Strapi's security headers; with media in a bucket (S3_PUBLIC_URL), the admin may also show images and play media
 * from its origin. Without it, Strapi's defaults as they are.
 */
function security(): Core.Config.Middlewares[number] {
  const publicUrl = process.env.S3_PUBLIC_URL?.trim();
  if (!process.env.S3_BUCKET?.trim() || !publicUrl) return 'strapi::security';
  const origin = new URL(publicUrl).origin;
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'img-src': [...CSP_DEFAULTS['img-src'], origin],
          'media-src': [...CSP_DEFAULTS['media-src'], origin],
        },
      },
    },
  };
}

const config: Core.Config.Middlewares = [
  // Replaces strapi::logger: same line, with citizens' tracking codes redacted.
  'global::request-logger',
  'strapi::errors',
  security(),
  {
    // Browsers may call the API only from the websites allowed in Settings › Website widgets (or
    // WIDGET_ALLOWED_ORIGINS); any other origin gets no CORS headers, so its browser refuses the answer. Servers
    // are not browsers: the API answers them as before.
    name: 'strapi::cors',
    config: {
      origin: () => strapi.plugin('widgets').service('settings').allowedOrigins(),
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Accept-Language', 'Idempotency-Key'],
      expose: ['ETag', 'X-Cache', 'Retry-After', 'Idempotent-Replayed'],
      // Preflights are cached a day, so that a change of the allowed origins reaches browsers that day.
      maxAge: 86400,
    },
  },
  'strapi::poweredBy',
  // Before the body parser and routing: cached public GETs that the HTTP listener did not answer (with an Origin,
  // see src/middlewares/response-cache.ts) are answered here, and every miss is filled.
  'global::response-cache',
  // Rate limits of the public intake routes, before the body is read.
  'global::intake-guard',
  'strapi::query',
  // Our body parser under Strapi's required name (src/index.ts registers src/middlewares/body.ts as strapi::body):
  // byte caps per route as the body streams in, multipart only on the file routes, every temporary upload removed.
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
