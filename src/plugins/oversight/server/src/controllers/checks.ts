import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { validateCheck } from '../domain/records-input';
import { getService } from '../utils';
import { accessOf, bodyOf, created, listQuery } from './request';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'checks');

  return {
    /** POST /checks { data: { unit, date, findings, followUps? } } */
    async create(ctx: Context) {
      const language = requestLanguage(ctx);
      const { timeZone } = await organizationSettings(strapi);
      const checked = validateCheck(bodyOf(ctx), localDate(new Date(), timeZone), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().create(await accessOf(strapi, ctx), checked.value, language));
    },

    /** GET /checks?unit=&page=&pageSize= */
    async find(ctx: Context) {
      return service().list(await accessOf(strapi, ctx), listQuery(ctx, []));
    },
  };
};
