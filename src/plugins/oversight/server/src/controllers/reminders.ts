import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { parseListQuery } from '../domain/records-input';
import { validateReminder } from '../domain/reminders';
import { PLUGIN_ID } from '../permissions';
import type { Access } from '../services/access';

type Service = ReturnType<typeof import('../services/reminders').default>;

const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('reminders') as Service;
  const access = (ctx: Context): Promise<Access> =>
    strapi.plugin(PLUGIN_ID).service('access').of(ctx.state.user, ctx.state.userAbility);

  return {
    /** POST /reminders { data: { unit, message, items: [{ type, documentId }] } } */
    async create(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateReminder(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      const created = await service().create(await access(ctx), checked.value, language);
      ctx.status = 201;
      return { data: created };
    },

    /** GET /reminders?unit=&page=&pageSize= */
    async find(ctx: Context) {
      const parsed = parseListQuery(ctx.query as Record<string, unknown>, [], requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      return service().list(await access(ctx), parsed.value);
    },
  };
};
