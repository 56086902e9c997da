import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import {
  parseListQuery,
  validateDifficulty,
  validateDifficultyTransition,
  validateInspection,
  validateTaskReport,
} from '../domain/records-input';
import { QueryReader } from '#domain/query-params';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { PLUGIN_ID } from '../permissions';
import type { Access } from '../services/access';
import { ConflictError } from '../services/records';

type Service = ReturnType<typeof import('../services/records').default>;

const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

const conflict = (ctx: Context, error: ConflictError) => {
  ctx.status = 409;
  ctx.body = {
    data: null,
    error: { status: 409, name: 'ConflictError', message: error.message, details: {} },
  };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('records') as Service;
  const access = (ctx: Context): Promise<Access> =>
    strapi.plugin(PLUGIN_ID).service('access').of(ctx.state.user, ctx.state.userAbility);
  const list = (ctx: Context, extra: readonly ('state' | 'task')[]) => {
    const parsed = parseListQuery(ctx.query as Record<string, unknown>, extra, requestLanguage(ctx));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };
  const created = (ctx: Context, data: unknown) => {
    ctx.status = 201;
    return { data };
  };

  return {
    /** POST /inspections { data: { unit, date, findings, followUps? } } */
    async createInspection(ctx: Context) {
      const language = requestLanguage(ctx);
      const { timeZone } = await organizationSettings(strapi);
      const checked = validateInspection(bodyOf(ctx), localDate(new Date(), timeZone), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().createInspection(await access(ctx), checked.value, language));
    },

    /** GET /inspections?unit=&page=&pageSize= */
    async findInspections(ctx: Context) {
      return service().listInspections(await access(ctx), list(ctx, []));
    },

    /** POST /difficulties { data: { unit, planTask?, what, impact?, proposal? } } */
    async createDifficulty(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateDifficulty(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().createDifficulty(await access(ctx), checked.value, language));
    },

    /** GET /difficulties?unit=&state=&page=&pageSize= */
    async findDifficulties(ctx: Context) {
      return service().listDifficulties(await access(ctx), list(ctx, ['state']));
    },

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      const parsed = new QueryReader(ctx.query as Record<string, unknown>, [], requestLanguage(ctx)).result(
        {}
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      return { data: { items: await service().waitingDifficulties(await access(ctx)) } };
    },

    async findDifficulty(ctx: Context) {
      const found = await service().findDifficulty(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: found };
    },

    /** POST /difficulties/:documentId/transitions { to, version, resolution?, answer?, note? } */
    async transitionDifficulty(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateDifficultyTransition(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      try {
        const moved = await service().transitionDifficulty(
          await access(ctx),
          ctx.params.documentId,
          checked.value,
          language
        );
        if (!moved) return ctx.notFound();
        return { data: moved };
      } catch (error) {
        if (error instanceof ConflictError) return conflict(ctx, error);
        throw error;
      }
    },

    /** POST /task-reports { data: { planTask, status, results, outputCount? } } */
    async createTaskReport(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateTaskReport(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return created(ctx, await service().createTaskReport(await access(ctx), checked.value, language));
    },

    /** GET /task-reports?task=&unit=&page=&pageSize= */
    async findTaskReports(ctx: Context) {
      return service().listTaskReports(await access(ctx), list(ctx, ['task']));
    },

    /** GET /my: the unit editor's page. */
    async my(ctx: Context) {
      return { data: await service().my(await access(ctx)) };
    },
  };
};
