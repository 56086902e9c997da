import type { Core } from '@strapi/strapi';
import { redactUrl } from '#domain/request-path';

/**
 * Strapi's request log line, without secrets in the URL (tracking codes are citizens' bearer secrets). Also written
 * for the response-cache hits answered at the HTTP listener, ahead of this middleware (src/middlewares/response-cache.ts).
 */
export function logRequest(strapi: Core.Strapi, method: string, url: string, start: number, status: number) {
  strapi.log.http(`${method} ${redactUrl(url)} (${Date.now() - start} ms) ${status}`);
}

/**
 * Skipped whole below the `http` level: winston formats a line before its transports drop it, a tenth of a cache
 * hit's time.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number }, next: () => Promise<void>) => {
    if (!strapi.log.isLevelEnabled('http')) return next();
    const start = Date.now();
    try {
      await next();
    } finally {
      logRequest(strapi, ctx.method, ctx.url, start, ctx.status);
    }
  };
