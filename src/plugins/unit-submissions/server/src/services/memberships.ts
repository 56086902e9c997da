import type { Core } from '@strapi/strapi';

const UID = 'plugin::unit-submissions.membership';

/** Which admin users belong to which units: the basis of every unit-scoped permission. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async unitIdsOf(userId: number): Promise<number[]> {
    const rows = await strapi.db.query(UID).findMany({ where: { userId }, select: ['unitId'] });
    return rows.map((r: { unitId: number }) => r.unitId);
  },

  async userIdsOf(unitId: number): Promise<number[]> {
    const rows = await strapi.db.query(UID).findMany({ where: { unitId }, select: ['userId'] });
    return rows.map((r: { userId: number }) => r.userId);
  },

  /** Every membership, as { userId, unitIds }. */
  async list(): Promise<{ userId: number; unitIds: number[] }[]> {
    const rows = (await strapi.db.query(UID).findMany({ select: ['userId', 'unitId'] })) as {
      userId: number;
      unitId: number;
    }[];
    const byUser = new Map<number, number[]>();
    for (const { userId, unitId } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), unitId]);
    return [...byUser].map(([userId, unitIds]) => ({ userId, unitIds }));
  },

  /** Replaces the units of one user. */
  async set(userId: number, unitIds: number[]) {
    await strapi.db.transaction(async () => {
      await strapi.db.query(UID).deleteMany({ where: { userId } });
      for (const unitId of new Set(unitIds)) await strapi.db.query(UID).create({ data: { userId, unitId } });
    });
  },
});
