import type { Core } from '@strapi/strapi';
import type { CachedResponse, CacheScope, ResponseCache } from '#infra/response-cache';
import { normalizePath } from '#domain/request-path';
import { type HeaderList, replayableHeaders } from '#domain/replayed-headers';
import { cacheScopeOf, matchesIfNoneMatch, strongEtag } from '#infra/http-cache';

interface Context {
  method: string;
  path: string;
  url: string;
  status: number;
  body: unknown;
  type: string;
  state: Record<string | symbol, unknown>;
  response: { headers: Record<string, string | string[] | number | undefined> };
  get(header: string): string;
  set(header: string, value: string | string[]): void;
}

/**
 * Per Strapi instance: the headers of the first hit answered in the full chain, which the early instance replays.
 * Recorded once: the outer middlewares' configuration cannot change while the process runs.
 */
const replayed = new WeakMap<Core.Strapi, HeaderList>();
/** Set by the early instance when it found nothing, so that the full chain does not look the URL up again. */
const LOOKED_UP = Symbol('response-cache looked up');

/**
 * Public GETs of published content: a strong ETag with 304 on If-None-Match, a short public Cache-Control with
 * stale-while-revalidate, and the response cache, which answers repeated requests without the database.
 * Requests with credentials are never cached: they may see drafts.
 *
 * Two instances in config/middlewares.ts. The one after the security, CORS and powered-by middlewares answers hits
 * and fills the cache. The early one (`{ early: true }`, ahead of them) answers the hits of requests without an
 * Origin (CORS's headers depend on it) and skips the rest of the chain: helmet alone is built anew per request. It
 * sends the headers that a hit answered in the full chain got from those middlewares, recorded as such a hit
 * passes through it on its way out (so X-Powered-By, set after the inner middlewares, is in); until then, it passes.
 */
export default (config: { early?: boolean }, { strapi }: { strapi: Core.Strapi }) => {
  const maxAge = Number(process.env.CACHE_MAX_AGE_SECONDS ?? 60);
  const staleWhileRevalidate = Number(process.env.CACHE_STALE_WHILE_REVALIDATE_SECONDS ?? 300);
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;

  const scopeOf = (ctx: Context): CacheScope | false | undefined =>
    (ctx.method === 'GET' || ctx.method === 'HEAD') &&
    !ctx.get('authorization') &&
    cacheScopeOf(normalizePath(ctx.path));

  const send = (
    ctx: Context,
    { status, type, body, etag }: CachedResponse,
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

  if (config.early)
    return async (ctx: Context, next: () => Promise<void>) => {
      const scope = !ctx.get('origin') && scopeOf(ctx);
      if (!scope) return next();
      const headers = replayed.get(strapi);
      if (!headers) {
        await next();
        if (ctx.response.headers['x-cache'] === 'HIT')
          replayed.set(strapi, replayableHeaders(ctx.response.headers));
        return;
      }
      const cache = strapi.get('response-cache') as ResponseCache;
      let hit: CachedResponse | undefined;
      try {
        hit = await cache.get(scope, cache.generation(scope), ctx.url);
      } catch (error) {
        // Ahead of strapi::errors a throw would be a bare 500: the full chain answers instead.
        strapi.log.warn(`response cache early read failed: ${(error as Error).message}`);
        return next();
      }
      if (!hit) {
        ctx.state[LOOKED_UP] = true;
        return next();
      }
      for (const [name, value] of headers) ctx.set(name, value);
      send(ctx, hit, 'HIT');
    };

  return async (ctx: Context, next: () => Promise<void>) => {
    const scope = scopeOf(ctx);
    if (!scope) return next();

    const cache = strapi.get('response-cache') as ResponseCache;
    const generation = cache.generation(scope);
    const hit = ctx.state[LOOKED_UP] ? undefined : await cache.get(scope, generation, ctx.url);
    if (hit) return send(ctx, hit, 'HIT');

    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body))
      return;
    if ('pipe' in (ctx.body as object)) return;
    const body = Buffer.from(JSON.stringify(ctx.body));
    const etag = strongEtag(body);
    const value = { status: 200, type: 'application/json', body, etag };
    await cache.set(scope, generation, ctx.url, value);
    send(ctx, value, cache.enabled ? 'MISS' : 'BYPASS');
  };
};
