import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { dataOr404, noParameters, recordWrite } from '#utils/requests';
import { validateDifficulty, validateDifficultyTransition } from '../domain/records-input';
import { getService } from '../utils';
import { accessOf, createAndFind } from './request';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'difficulties');

  return {
    /**
     * POST /difficulties { data: { unit, planTask?, what, impact?, proposal? } },
     * GET /difficulties?unit=&state=&page=&pageSize=
     */
    ...createAndFind(strapi, service, validateDifficulty, ['state']),

    async findOne(ctx: Context) {
      return dataOr404(ctx, await service().find(await accessOf(strapi, ctx), ctx.params.documentId));
    },

    /** POST /difficulties/:documentId/transitions { to, version, resolution?, answer?, note? } */
    transition: recordWrite({
      check: validateDifficultyTransition,
      write: async (ctx, ...request) => service().transition(await accessOf(strapi, ctx), ...request),
      reply: (_ctx, moved) => ({ data: moved }),
    }),

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      noParameters(ctx);
      return { data: { items: await service().waiting(await accessOf(strapi, ctx)) } };
    },
  };
};
