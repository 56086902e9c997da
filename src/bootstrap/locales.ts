import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
];

/**
 * Vietnamese is the default locale and English the second one. Vietnamese becomes the default only when this
 * bootstrap creates it, so a later choice made in Settings > Internationalization is kept.
 */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const [index, locale] of LOCALES.entries()) {
    if (await locales.findByCode(locale.code)) continue;
    await locales.create(locale);
    if (index === 0) await locales.setDefaultLocale({ code: locale.code });
  }
}
