import type { Core } from '@strapi/strapi';
import type { ResponseCache } from '#infra/response-cache';
import { normalizePath } from '#domain/request-path';
import { cacheScopeOf, matchesIfNoneMatch, strongEtag } from '#infra/http-cache';

interface Context {
  method: string;
  path: string;
  url: string;
  status: number;
  body: unknown;
  type: string;
  get(header: string): string;
  set(header: string, value: string): void;
  remove(header: string): void;
}

/**
 * Public GETs of published content: a strong ETag with 304 on If-None-Match, a short public Cache-Control with
 * stale-while-revalidate, and the response cache, which answers repeated requests without the database.
 * Requests with credentials are never cached: they may see drafts.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxAge = Number(process.env.CACHE_MAX_AGE_SECONDS ?? 60);
  const staleWhileRevalidate = Number(process.env.CACHE_STALE_WHILE_REVALIDATE_SECONDS ?? 300);
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;

  return async (ctx: Context, next: () => Promise<void>) => {
    const scope =
      (ctx.method === 'GET' || ctx.method === 'HEAD') &&
      !ctx.get('authorization') &&
      cacheScopeOf(normalizePath(ctx.path));
    if (!scope) return next();

    const cache = strapi.get('response-cache') as ResponseCache;
    const generation = cache.generation(scope);
    const send = (
      status: number,
      type: string,
      body: string,
      etag: string,
      state: 'HIT' | 'MISS' | 'BYPASS'
    ) => {
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', cacheControl);
      ctx.set('X-Cache', state);
      if (matchesIfNoneMatch(ctx.get('if-none-match'), etag)) {
        ctx.status = 304;
        ctx.body = null;
        return;
      }
      ctx.status = status;
      ctx.type = type;
      ctx.body = body;
    };

    const hit = await cache.get(scope, generation, ctx.url);
    if (hit) return send(hit.status, hit.type, hit.body, hit.etag, 'HIT');

    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body))
      return;
    if ('pipe' in (ctx.body as object)) return;
    const body = JSON.stringify(ctx.body);
    const etag = strongEtag(body);
    await cache.set(scope, generation, ctx.url, { status: 200, type: 'application/json', body, etag });
    send(200, 'application/json', body, etag, cache.enabled ? 'MISS' : 'BYPASS');
  };
};
