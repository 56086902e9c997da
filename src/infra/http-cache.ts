/** HTTP validators for cached public responses (RFC 9110 §8.8.3 and §13.1.2). */
import { createHash } from 'crypto';
import type { CacheScope } from './response-cache';

/** A strong entity tag: the same bytes always give the same tag. */
export const strongEtag = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match uses the weak comparison: W/ prefixes are ignored; "*" matches any representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

const SCOPES: [RegExp, CacheScope][] = [
  [
    /^\/api\/(procedures|procedure-fields|legal-documents|campaigns|articles|plans|plan-tasks|organization)(\/|$)/,
    'content',
  ],
  [/^\/api\/feedbacks\/answered$/, 'feedback'],
  [/^\/api\/survey-responses\/summary$/, 'survey'],
];

/** The cache scope of a public read path, or undefined when the path must never be cached. */
export function cacheScopeOf(path: string): CacheScope | undefined {
  return SCOPES.find(([pattern]) => pattern.test(path))?.[1];
}
