import type { Core } from '@strapi/strapi';
import {
  unitAccessOf,
  type Ability,
  type AccessOf,
  type AccessSpec,
  type AdminUser,
} from '#domain/unit-access';

/** Which admin user belongs to which unit (table unit_memberships, plain integer ids). */
export const MEMBERSHIP_UID = 'api::unit.membership';

/**
 * Unit access (`api::unit.access`): the one place that reads memberships. Submissions, the feedback register,
 * oversight, the Content Manager conditions, the document-service guard and the seed all ask it; the decisions
 * are in src/domain/unit-access.ts.
 */
const unitAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.db.query(MEMBERSHIP_UID);

  /** The units this admin user belongs to. */
  const unitIdsOf = async (userId: number): Promise<number[]> => {
    const rows = (await memberships().findMany({ where: { userId }, select: ['unitId'] })) as {
      unitId: number;
    }[];
    return rows.map((r) => r.unitId);
  };

  /** The admin users who belong to this unit. */
  const userIdsOf = async (unitId: number): Promise<number[]> => {
    const rows = (await memberships().findMany({ where: { unitId }, select: ['userId'] })) as {
      userId: number;
    }[];
    return rows.map((r) => r.userId);
  };

  return {
    unitIdsOf,
    userIdsOf,

    /** The addresses of the unit's active members, for the mails a unit receives. */
    async memberEmails(unitId: number): Promise<string[]> {
      const ids = await userIdsOf(unitId);
      if (ids.length === 0) return [];
      const users = (await strapi.db
        .query('admin::user')
        .findMany({ where: { id: { $in: ids }, isActive: true }, select: ['email'] })) as { email: string }[];
      return users.map((u) => u.email);
    },

    /**
     * The three answers for one admin user, computed once per request: its units, whether it sees every unit
     * (super admin, or one of the caller's `readAll` actions) and the caller's own flags.
     */
    async of<Flag extends string = never>(
      user: AdminUser,
      ability: Ability,
      spec: AccessSpec<Flag> = {}
    ): Promise<AccessOf<Flag>> {
      return unitAccessOf(user, await unitIdsOf(user.id), ability, spec);
    },

    /** Every membership, as { userId, unitIds } (the memberships page). */
    async list(): Promise<{ userId: number; unitIds: number[] }[]> {
      const rows = (await memberships().findMany({ select: ['userId', 'unitId'] })) as {
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
        await memberships().deleteMany({ where: { userId } });
        for (const unitId of new Set(unitIds)) await memberships().create({ data: { userId, unitId } });
      });
    },
  };
};

export default unitAccessService;

export type UnitAccessService = ReturnType<typeof unitAccessService>;

/** The unit-access service, typed: `unitAccess(strapi).of(user, ability, spec)`. */
export const unitAccess = (strapi: Core.Strapi) =>
  strapi.service('api::unit.access') as unknown as UnitAccessService;
