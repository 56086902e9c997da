/**
 * The one normalised form of a request path that every guard (rate limits, body caps, log redaction) matches on.
 * Strapi's router matches case-insensitively and ignores a trailing slash, so a guard that compared the raw path
 * could be skipped by `/api/Feedbacks/`. Routes are declared as patterns (`/api/feedbacks/status/:trackingCode`)
 * and matched segment by segment on the normalised path.
 */

const UNRESERVED = /%(2[dDeE]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/g;

/**
 * Lower case, percent-escapes of unreserved characters decoded (RFC 3986 §6.2.2.2), runs of slashes collapsed and
 * no trailing slash: `//API//Feed%62acks/` → `/api/feedbacks`.
 */
export function normalizePath(raw: string): string {
  const path = (raw.split(/[?#]/)[0] ?? '')
    .replace(UNRESERVED, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/$/, '');
  return path.startsWith('/') ? path || '/' : `/${path}`;
}

export interface RoutePattern {
  method: string;
  /** Lower case, segments starting with `:` match any one segment. */
  path: string;
}

const segments = (path: string) => path.split('/').filter(Boolean);

/** Whether the pattern matches the (already normalised) path. */
export function matchesPattern(pattern: string, normalizedPath: string): boolean {
  const want = segments(pattern);
  const got = segments(normalizedPath);
  return want.length === got.length && want.every((s, i) => s.startsWith(':') || s === got[i]);
}

/** The first declared route that matches the request's method and path (normalised here). */
export function findRoute<T extends RoutePattern>(
  routes: readonly T[],
  method: string,
  rawPath: string
): T | undefined {
  const path = normalizePath(rawPath);
  const verb = method.toUpperCase();
  return routes.find((route) => route.method === verb && matchesPattern(route.path, path));
}

/** Paths whose `:` segments are citizens' bearer secrets. */
const SECRET_ROUTES = ['/api/feedbacks/status/:trackingCode'];

/** Query parameters whose values are secrets, whatever their case. */
const SECRET_PARAM = /code|token|secret|password|hash|key/i;

/** Anything shaped like a tracking code (26 Crockford characters, grouped or not), in any case. */
const TRACKING_CODE_LIKE = /(?<![0-9a-z])[0-9a-z]{4}(?:[-\s]?[0-9a-z]{4}){5}[-\s]?[0-9a-z]{2}(?![0-9a-z])/gi;

const REDACTED = '[redacted]';

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/**
 * The URL as it may be written to a log: the normalised path with the secret segments of secret routes replaced,
 * secret query values replaced, and anything else shaped like a tracking code (even percent-encoded) replaced too.
 * Control characters are dropped, so that a URL cannot forge log lines.
 */
export function redactUrl(url: string): string {
  const [rawPath, ...rest] = url.split('?');
  const path = normalizePath(rawPath ?? '');
  const secret = SECRET_ROUTES.map(segments).find((pattern) => matchesPattern(`/${pattern.join('/')}`, path));
  const redactedPath = secret
    ? `/${segments(path)
        .map((s, i) => (secret[i].startsWith(':') ? REDACTED : s))
        .join('/')}`
    : path;
  const query = rest
    .join('?')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [key, ...value] = pair.split('=');
      return value.length && SECRET_PARAM.test(safeDecode(key)) ? `${key}=${REDACTED}` : safeDecode(pair);
    })
    .join('&');
  const line = query ? `${safeDecode(redactedPath)}?${query}` : safeDecode(redactedPath);
  // eslint-disable-next-line no-control-regex
  return line.replace(TRACKING_CODE_LIKE, REDACTED).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}
