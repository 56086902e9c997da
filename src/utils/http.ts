import type { Language } from '#domain/errors';

interface RequestLike {
  get(header: string): string;
}

/** The language of error messages: English when the client prefers it, Vietnamese otherwise. */
export function requestLanguage(ctx: { request: RequestLike } | { get(header: string): string }): Language {
  const header = ('request' in ctx ? ctx.request.get('accept-language') : ctx.get('accept-language')) ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
