import type { Core } from '@strapi/strapi';

// Tracking codes are bearer secrets of citizens: never written to logs.
const SECRET_PATHS = /(\/api\/feedbacks\/status\/)[^/?#]*/g;

export const redactUrl = (url: string) => url.replace(SECRET_PATHS, '$1[redacted]');

/** Strapi's request log line, without secrets in the URL. Replaces strapi::logger. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${redactUrl(ctx.url)} (${Date.now() - start} ms) ${ctx.status}`);
    }
  };
