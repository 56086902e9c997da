import type { Core } from '@strapi/strapi';

const CACHE_MS = 60_000;
let cached: { codes: string[]; until: number } | undefined;

/** The locale codes, default first. Cached for a minute: locales change rarely and are read on every request. */
export async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  if (!cached || cached.until < Date.now()) {
    const service = strapi.plugin('i18n').service('locales');
    const [locales, defaultLocale] = await Promise.all([service.find(), service.getDefaultLocale()]);
    const codes = (locales as { code: string }[]).map((l) => l.code);
    cached = {
      codes: [defaultLocale, ...codes.filter((c) => c !== defaultLocale)],
      until: Date.now() + CACHE_MS,
    };
  }
  return cached.codes;
}
