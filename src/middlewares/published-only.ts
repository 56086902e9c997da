import type { Core } from '@strapi/strapi';
import { PUBLIC_QUERIES } from '../bootstrap/public-queries';
import { judgePublicQuery } from '#domain/public-query';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { localeCodes } from '#infra/locales';

interface Context {
  query: Record<string, unknown>;
  state: { auth?: { strategy?: { name?: string } }; route?: { handler?: unknown } };
  request: { get(header: string): string };
}

/**
 * On the public read routes: the query is judged against the type's allow-list (src/bootstrap/public-queries.ts),
 * drafts are for API tokens only (Strapi's REST API would otherwise honour `status=draft` for anyone allowed to
 * read), and an unknown locale is an error rather than an empty list. The allow-list binds API tokens too: the
 * website needs nothing outside it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const handler = String(ctx.state.route?.handler ?? '');
    const uid = handler.slice(0, handler.lastIndexOf('.'));
    if (!Object.hasOwn(PUBLIC_QUERIES, uid))
      throw new Error(`No public query allow-list for route ${handler}.`);
    const judged = judgePublicQuery(
      PUBLIC_QUERIES,
      uid,
      ctx.query,
      { locales: await localeCodes(strapi), drafts: ctx.state.auth?.strategy?.name === 'api-token' },
      requestLanguage(ctx)
    );
    if (!judged.ok) throw validationError(judged.errors);
    if (judged.value !== ctx.query) ctx.query = judged.value;
    await next();
  };
