import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { QueryReader } from '#domain/query-params';
import { requestLanguage } from '#utils/http';
import { validationError, withConflicts } from '#utils/errors';
import { validateDifficulty, validateDifficultyTransition } from '../domain/records-input';
import { getService } from '../utils';
import { accessOf, bodyOf, created, listQuery } from './request';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'difficulties');

  return {
    /** POST /difficulties { data: { unit, planTask?, what, impact?, proposal? } } */
    async create(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateDifficulty(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().create(await accessOf(strapi, ctx), checked.value, language));
    },

    /** GET /difficulties?unit=&state=&page=&pageSize= */
    async find(ctx: Context) {
      return service().list(await accessOf(strapi, ctx), listQuery(ctx, ['state']));
    },

    async findOne(ctx: Context) {
      const found = await service().find(await accessOf(strapi, ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: found };
    },

    /** POST /difficulties/:documentId/transitions { to, version, resolution?, answer?, note? } */
    async transition(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateDifficultyTransition(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return withConflicts(ctx, async () => {
        const moved = await service().transition(
          await accessOf(strapi, ctx),
          ctx.params.documentId,
          checked.value,
          language
        );
        if (!moved) return ctx.notFound();
        return { data: moved };
      });
    },

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      const parsed = new QueryReader(ctx.query as Record<string, unknown>, [], requestLanguage(ctx)).result(
        {}
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      return { data: { items: await service().waiting(await accessOf(strapi, ctx)) } };
    },
  };
};
