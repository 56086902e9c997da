import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readableUnits } from '#domain/unit-access';
import { requestLanguage } from '#utils/http';
import { noParameters, queryOf, valid } from '#utils/requests';
import { parseDashboardQuery, parseDrillDownQuery, type DrillDown } from '../domain/dashboard';
import { getService } from '../utils';
import { accessOf } from './request';

/**
 * GET /options, GET /dashboard?year=, GET /units/:unitId/{tasks,submissions,articles,feedback}?year=&page=&pageSize=
 * and each drill-down's filter, GET /units/:unitId/overdue. Validation: domain/dashboard.ts; figures:
 * services/dashboard.ts and services/drill-downs.ts; what is overdue: services/reminders.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'dashboard');
  const drillDowns = () => getService(strapi, 'drillDowns');

  /** The unit of the path when the user may read it; null (→ 404) otherwise, or when there is no such unit. */
  async function readableUnit(ctx: Context): Promise<number | null> {
    const raw = String(ctx.params.unitId ?? '');
    if (!/^\d{1,9}$/.test(raw)) return null;
    const unitId = Number(raw);
    const readable = readableUnits(await accessOf(strapi, ctx));
    if (readable !== 'all' && !readable.includes(unitId)) return null;
    return (await service().unitExists(unitId)) ? unitId : null;
  }

  const drillDown = (name: DrillDown) => async (ctx: Context) => {
    const unitId = await readableUnit(ctx);
    if (unitId === null) return ctx.notFound();
    const { currentYear } = await service().clock();
    const query = valid(parseDrillDownQuery(name, queryOf(ctx), requestLanguage(ctx), currentYear));
    ctx.set('Cache-Control', 'private, no-store');
    return drillDowns()[name](unitId, query);
  };

  return {
    /** What the oversight pages offer this user: their rights, the units they may read, the plans' years. */
    async options(ctx: Context) {
      const who = await accessOf(strapi, ctx);
      const readable = readableUnits(who);
      const [units, years] = await Promise.all([
        service().activeUnits(readable === 'all' ? undefined : readable),
        service().planYears(),
      ]);
      return {
        data: {
          access: {
            canDashboard: who.canDashboard,
            canManage: who.canManage,
            canUnit: who.canUnit,
            canEscalations: who.canEscalations,
          },
          units,
          years,
        },
      };
    },

    async dashboard(ctx: Context) {
      const { currentYear } = await service().clock();
      const { year } = valid(parseDashboardQuery(queryOf(ctx), requestLanguage(ctx), currentYear));
      ctx.set('Cache-Control', 'private, no-store');
      return { data: await service().dashboard(year) };
    },

    /** What the unit has overdue today, for the Office's reminder to preselect; takes no parameters. */
    async overdue(ctx: Context) {
      const unitId = await readableUnit(ctx);
      if (unitId === null) return ctx.notFound();
      noParameters(ctx);
      ctx.set('Cache-Control', 'private, no-store');
      const reminders = getService(strapi, 'reminders');
      return { data: await reminders.overdue(unitId) };
    },

    tasks: drillDown('tasks'),
    submissions: drillDown('submissions'),
    articles: drillDown('articles'),
    feedback: drillDown('feedback'),
  };
};
