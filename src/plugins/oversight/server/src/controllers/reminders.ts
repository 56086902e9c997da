import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { parseListQuery } from '../domain/records-input';
import { validateReminder } from '../domain/reminders';
import type { Access } from '../services/access';
import { getService } from '../utils';

const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'reminders');
  const access = (ctx: Context): Promise<Access> =>
    getService(strapi, 'access').of(ctx.state.user, ctx.state.userAbility);

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
