import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateTaskReport } from '../domain/records-input';
import { getService } from '../utils';
import { accessOf, createAndFind } from './request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * POST /task-reports { data: { planTask, status, results, outputCount? } },
   * GET /task-reports?task=&unit=&page=&pageSize=
   */
  ...createAndFind(strapi, () => getService(strapi, 'taskReports'), validateTaskReport, ['task']),

  /** GET /my: the unit editor's page. */
  async my(ctx: Context) {
    return { data: await getService(strapi, 'unitPage').my(await accessOf(strapi, ctx)) };
  },
});
