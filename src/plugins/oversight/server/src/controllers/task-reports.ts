import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { validateTaskReport } from '../domain/records-input';
import { getService } from '../utils';
import { accessOf, bodyOf, created, listQuery } from './request';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'taskReports');

  return {
    /** POST /task-reports { data: { planTask, status, results, outputCount? } } */
    async create(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateTaskReport(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().create(await accessOf(strapi, ctx), checked.value, language));
    },

    /** GET /task-reports?task=&unit=&page=&pageSize= */
    async find(ctx: Context) {
      return service().list(await accessOf(strapi, ctx), listQuery(ctx, ['task']));
    },

    /** GET /my: the unit editor's page. */
    async my(ctx: Context) {
      return { data: await getService(strapi, 'unitPage').my(await accessOf(strapi, ctx)) };
    },
  };
};
