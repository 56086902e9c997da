/**
 * The websites allowed to use the widgets: exact origins (`https://sotnmt.example.gov.vn`, a port when not the
 * default). The browser is told to refuse every other origin (CORS for the API, frame-ancestors for the iframe
 * pages); servers calling the API are not browsers and are unaffected.
 */

/** At most this many origins in the settings: a department has a portal or two, not hundreds. */
export const MAX_ORIGINS = 50;

/** `scheme://host[:port]` of an http(s) URL with nothing else (no path, query, credentials), or null. */
export function originOf(text: string): string | null {
  const value = text.trim();
  if (!/^https?:\/\/[^\s/?#]+\/?$/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || !url.hostname) return null;
  return url.origin;
}

/** WIDGET_ALLOWED_ORIGINS (comma-separated): the valid origins, and the entries that are not. */
export function environmentOrigins(value: string | undefined): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of (value ?? '').split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const origin = originOf(entry);
    if (origin) {
      if (!origins.includes(origin)) origins.push(origin);
    } else invalid.push(entry);
  }
  return { origins, invalid };
}

/** `frame-ancestors` for the iframe pages: the CMS itself (the admin's preview) and the allowed origins. */
export const frameAncestors = (origins: readonly string[]) => ["'self'", ...origins].join(' ');
