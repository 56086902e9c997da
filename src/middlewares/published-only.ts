import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const LOCALE_CACHE_MS = 60_000;
let cachedLocales: { codes: Set<string>; until: number } | undefined;

async function knownLocales(strapi: Core.Strapi): Promise<Set<string>> {
  if (!cachedLocales || cachedLocales.until < Date.now()) {
    const locales = await strapi.plugin('i18n').service('locales').find();
    cachedLocales = {
      codes: new Set(locales.map((l: { code: string }) => l.code)),
      until: Date.now() + LOCALE_CACHE_MS,
    };
  }
  return cachedLocales.codes;
}

const invalid = (param: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [param], message, name: 'ValidationError' }] });

/**
 * On the public read routes: drafts are for API tokens only (Strapi's REST API would otherwise honour
 * `status=draft` for anyone allowed to read), and an unknown locale is an error rather than an empty list.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (
    ctx: { query: Record<string, unknown>; state: { auth?: { strategy?: { name?: string } } } },
    next: () => Promise<void>
  ) => {
    const { status, locale } = ctx.query;
    if (status !== undefined && status !== 'published' && ctx.state.auth?.strategy?.name !== 'api-token') {
      throw invalid('status', 'Only published content is public.');
    }
    if (
      locale !== undefined &&
      locale !== '*' &&
      !(typeof locale === 'string' && (await knownLocales(strapi)).has(locale))
    ) {
      throw invalid('locale', `Unknown locale. Use one of: ${[...(await knownLocales(strapi))].join(', ')}.`);
    }
    await next();
  };
