import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { QueryReader } from '#domain/query-params';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { parseDashboardQuery, parseDrillDownQuery, type DrillDown } from '../domain/dashboard';
import { PLUGIN_ID } from '../permissions';
import type { Access } from '../services/access';

type DashboardService = ReturnType<typeof import('../services/dashboard').default>;
type AccessService = ReturnType<typeof import('../services/access').default>;
type RemindersService = ReturnType<typeof import('../services/reminders').default>;

/**
 * GET /options, GET /dashboard?year=, GET /units/:unitId/{tasks,submissions,articles,feedback}?year=&page=&pageSize=
 * and each drill-down's filter, GET /units/:unitId/overdue. Validation: domain/dashboard.ts; figures:
 * services/dashboard.ts; what is overdue: services/reminders.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('dashboard') as DashboardService;
  const accessService = () => strapi.plugin(PLUGIN_ID).service('access') as AccessService;
  const access = (ctx: Context): Promise<Access> => accessService().of(ctx.state.user, ctx.state.userAbility);

  /** The unit of the path when the user may read it; null (→ 404) otherwise, or when there is no such unit. */
  async function readableUnit(ctx: Context): Promise<number | null> {
    const raw = String(ctx.params.unitId ?? '');
    if (!/^\d{1,9}$/.test(raw)) return null;
    const unitId = Number(raw);
    const readable = accessService().readableUnits(await access(ctx));
    if (readable !== 'all' && !readable.includes(unitId)) return null;
    return (await service().unitExists(unitId)) ? unitId : null;
  }

  const drillDown = (name: DrillDown) => async (ctx: Context) => {
    const unitId = await readableUnit(ctx);
    if (unitId === null) return ctx.notFound();
    const { currentYear } = await service().clock();
    const parsed = parseDrillDownQuery(
      name,
      ctx.query as Record<string, unknown>,
      requestLanguage(ctx),
      currentYear
    );
    if (!parsed.ok) throw validationError(parsed.errors);
    ctx.set('Cache-Control', 'private, no-store');
    return service()[name](unitId, parsed.value);
  };

  return {
    /** What the oversight pages offer this user: their rights, the units they may read, the plans' years. */
    async options(ctx: Context) {
      const who = await access(ctx);
      const readable = accessService().readableUnits(who);
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
      const parsed = parseDashboardQuery(
        ctx.query as Record<string, unknown>,
        requestLanguage(ctx),
        currentYear
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.set('Cache-Control', 'private, no-store');
      return { data: await service().dashboard(parsed.value.year) };
    },

    /** What the unit has overdue today, for the Office's reminder to preselect; takes no parameters. */
    async overdue(ctx: Context) {
      const unitId = await readableUnit(ctx);
      if (unitId === null) return ctx.notFound();
      const parsed = new QueryReader(ctx.query as Record<string, unknown>, [], requestLanguage(ctx)).result(
        {}
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.set('Cache-Control', 'private, no-store');
      const reminders = strapi.plugin(PLUGIN_ID).service('reminders') as RemindersService;
      return { data: await reminders.overdue(unitId) };
    },

    tasks: drillDown('tasks'),
    submissions: drillDown('submissions'),
    articles: drillDown('articles'),
    feedback: drillDown('feedback'),
  };
};
