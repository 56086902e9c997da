import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type { CachedResponse, CacheScope, ResponseCache } from '#infra/response-cache';
import { normalizePath } from '#domain/request-path';
import { replayableHeaders } from '#domain/replayed-headers';
import { cacheScopeOf, matchesIfNoneMatch, strongEtag } from '#infra/http-cache';
import { logRequest } from './request-logger';

/**
 * Public GETs of published content: a strong ETag with 304 on If-None-Match, a short public Cache-Control with
 * stale-while-revalidate, and the response cache, which answers repeated requests without the database.
 * Requests with credentials are never cached: they may see drafts.
 *
 * Hits are answered in two places, from the one cache:
 * - at the HTTP listener (`answerHitsAtListener`, installed by src/index.ts), before Koa: the hits of requests
 *   without an Origin (CORS's headers depend on it). Koa's context, Strapi's request context, the middleware chain
 *   (helmet alone is built anew per request) cost a hit more than sending it. It sends the headers that the chain's
 *   middlewares gave a hit answered in full, recorded as that response finishes (`src/domain/replayed-headers.ts`),
 *   and logs the line that request-logger would; until a hit has been recorded, and on a miss or a failed lookup,
 *   the request goes to Koa unchanged.
 * - in this middleware, after security, CORS and powered-by in config/middlewares.ts: every other hit (an Origin,
 *   or before the listener has headers to replay); and it fills the cache on a miss.
 */

const cacheControlHeader = () => {
  const maxAge = Number(process.env.CACHE_MAX_AGE_SECONDS ?? 60);
  const staleWhileRevalidate = Number(process.env.CACHE_STALE_WHILE_REVALIDATE_SECONDS ?? 300);
  return `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
};

/** Set on the request by the listener when it found nothing, so that the middleware does not look the URL up again. */
const LOOKED_UP = Symbol('response-cache looked up');
type Request = IncomingMessage & { [LOOKED_UP]?: true };

/** The cache scope a request may be served from: a GET or HEAD without credentials (they may see drafts). */
const cachedScope = ({ method, headers, url = '/' }: IncomingMessage) =>
  (method === 'GET' || method === 'HEAD') && !headers.authorization && cacheScopeOf(normalizePath(url));

interface Context {
  url: string;
  status: number;
  body: unknown;
  type: string;
  req: Request;
  get(header: string): string;
  set(header: string, value: string | string[]): void;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cacheControl = cacheControlHeader();

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

  return async (ctx: Context, next: () => Promise<void>) => {
    const scope = cachedScope(ctx.req);
    if (!scope) return next();

    const cache = strapi.get('response-cache') as ResponseCache;
    const generation = cache.generation(scope);
    const hit = ctx.req[LOOKED_UP] ? undefined : await cache.get(scope, generation, ctx.url);
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

type Listener = (req: Request, res: ServerResponse) => void;

/**
 * Puts the cache-hit answer ahead of Koa's request listener(s) on Strapi's HTTP server (see the top of this file).
 * Anything it does not answer reaches Koa synchronously, in particular every request with a body.
 */
export function answerHitsAtListener(strapi: Core.Strapi) {
  const server = strapi.server.httpServer;
  const koa = server.listeners('request') as Listener[];
  for (const listener of koa) server.removeListener('request', listener);
  const pass = (req: Request, res: ServerResponse) => {
    for (const listener of koa) listener.call(server, req, res);
  };
  const cache = strapi.get('response-cache') as ResponseCache;
  const cacheControl = cacheControlHeader();
  /** The chain's headers, from the first hit answered in full; the outer middlewares' configuration is fixed. */
  let replayed: OutgoingHttpHeaders | undefined;

  const answer = async (req: Request, res: ServerResponse, scope: CacheScope, url: string) => {
    const start = Date.now();
    let hit: CachedResponse | undefined;
    try {
      hit = await cache.get(scope, cache.generation(scope), url);
    } catch (error) {
      // Koa answers instead, from the database, with its own error handling.
      strapi.log.warn(`response cache read at the listener failed: ${(error as Error).message}`);
      return pass(req, res);
    }
    if (!hit) {
      req[LOOKED_UP] = true;
      return pass(req, res);
    }
    const headers: OutgoingHttpHeaders = {
      ...replayed,
      etag: hit.etag,
      'cache-control': cacheControl,
      'x-cache': 'HIT',
    };
    let status = hit.status;
    if (matchesIfNoneMatch(req.headers['if-none-match'], hit.etag)) status = 304;
    else {
      // What Koa's `ctx.type` makes of the stored type (only JSON is cached).
      headers['content-type'] = hit.type.includes(';') ? hit.type : `${hit.type}; charset=utf-8`;
      headers['content-length'] = hit.body.length;
    }
    res.writeHead(status, headers);
    res.end(status === 304 || req.method === 'HEAD' ? undefined : hit.body);
    if (strapi.log.isLevelEnabled('http')) logRequest(strapi, req.method!, url, start, status);
  };

  server.on('request', (req: Request, res: ServerResponse) => {
    const url = req.url ?? '/';
    const scope = !req.headers.origin && cachedScope(req);
    if (!scope) return pass(req, res);
    if (!replayed) {
      res.once('finish', () => {
        if (!replayed && res.getHeader('x-cache') === 'HIT')
          replayed = Object.fromEntries(replayableHeaders(res.getHeaders()));
      });
      return pass(req, res);
    }
    answer(req, res, scope, url).catch((error: Error) => {
      strapi.log.error(`response cache hit at the listener failed: ${error.message}`);
      res.destroy(error);
    });
  });
}
