/**
 * A response-cache hit answered at the HTTP listener, before Koa (src/middlewares/response-cache.ts), must carry the
 * headers that the middlewares it skips would have set: helmet's security headers, X-Powered-By and CORS's. They
 * are recorded from a hit answered in the full chain for a request without an Origin, and replayed only to such
 * requests, for which they are always the same: CORS then sends `Vary: Origin` (a shared cache needs it not to hand
 * this answer to a cross-origin request) and, as credentials are allowed, an empty Access-Control-Allow-Origin.
 */

export type HeaderList = [name: string, value: string | string[]][];

/** Set per request or per body, or by the cache itself: never replayed. */
const PER_REQUEST =
  /^(?:content-(?:length|type|encoding|range|disposition)|etag|last-modified|set-cookie|date|connection|keep-alive|transfer-encoding|cache-control|x-cache)$/;

/** The headers to replay, from a response's headers (as Node's `getHeaders()` gives them, names in lower case). */
export function replayableHeaders(
  headers: Record<string, string | string[] | number | undefined>
): HeaderList {
  const list: HeaderList = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_REQUEST.test(name.toLowerCase())) continue;
    list.push([name, typeof value === 'number' ? String(value) : value]);
  }
  return list;
}
