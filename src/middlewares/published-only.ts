import type { Core } from '@strapi/strapi';
import { fieldError } from '../domain/errors';
import { validationError } from '../utils/errors';
import { requestLanguage } from '../utils/http';
import { localeCodes } from '../utils/locales';

interface Context {
  query: Record<string, unknown>;
  state: { auth?: { strategy?: { name?: string } } };
  request: { get(header: string): string };
}

/**
 * On the public read routes: drafts are for API tokens only (Strapi's REST API would otherwise honour
 * `status=draft` for anyone allowed to read), and an unknown locale is an error rather than an empty list.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const { status, locale } = ctx.query;
    const language = requestLanguage(ctx);
    if (status !== undefined && status !== 'published' && ctx.state.auth?.strategy?.name !== 'api-token') {
      throw validationError([
        fieldError(
          ['status'],
          'Chỉ nội dung đã xuất bản là công khai.',
          'Only published content is public.',
          language
        ),
      ]);
    }
    if (locale !== undefined && locale !== '*') {
      const codes = await localeCodes(strapi);
      if (typeof locale !== 'string' || !codes.includes(locale)) {
        throw validationError([
          fieldError(
            ['locale'],
            `Ngôn ngữ không hợp lệ. Dùng: ${codes.join(', ')}.`,
            `Unknown locale. Use one of: ${codes.join(', ')}.`,
            language
          ),
        ]);
      }
    }
    await next();
  };
