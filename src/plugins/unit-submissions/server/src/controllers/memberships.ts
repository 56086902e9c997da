import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '#domain/errors';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /memberships: every active admin user with their units, and the units. */
  async find() {
    const [users, units, memberships] = await Promise.all([
      strapi.db.query('admin::user').findMany({
        select: ['id', 'firstname', 'lastname', 'email', 'isActive'],
        populate: { roles: { select: ['name', 'code'] } },
        orderBy: { email: 'asc' },
      }),
      strapi.db
        .query('api::unit.unit')
        .findMany({ select: ['id', 'name', 'code'], orderBy: { sortOrder: 'asc' } }),
      strapi.plugin('unit-submissions').service('memberships').list(),
    ]);
    const unitsOf = new Map(
      memberships.map((m: { userId: number; unitIds: number[] }) => [m.userId, m.unitIds])
    );
    return {
      data: { users: users.map((u: { id: number }) => ({ ...u, unitIds: unitsOf.get(u.id) ?? [] })), units },
    };
  },

  /** PUT /memberships/:userId { unitIds } */
  async update(ctx: Context) {
    const language = requestLanguage(ctx);
    const userId = Number(ctx.params.userId);
    const unitIds = (ctx.request as { body?: { unitIds?: unknown } }).body?.unitIds;
    if (!Array.isArray(unitIds) || !unitIds.every((id) => Number.isInteger(id))) {
      throw validationError([
        fieldError(['unitIds'], 'Danh sách đơn vị không hợp lệ.', 'unitIds must be unit ids.', language),
      ]);
    }
    const [user, count] = await Promise.all([
      strapi.db.query('admin::user').findOne({ where: { id: userId } }),
      strapi.db.query('api::unit.unit').count({ where: { id: { $in: unitIds } } }),
    ]);
    if (!user) return ctx.notFound();
    if (count !== new Set(unitIds).size) {
      throw validationError([fieldError(['unitIds'], 'Có đơn vị không tồn tại.', 'Unknown unit.', language)]);
    }
    await strapi.plugin('unit-submissions').service('memberships').set(userId, unitIds);
    return { data: { userId, unitIds } };
  },
});
