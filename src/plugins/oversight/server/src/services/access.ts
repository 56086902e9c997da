import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../permissions';

/** Who is asking and what they may do here: computed once per request. */
export interface Access {
  user: { id: number; name: string };
  /** The units the user belongs to (unit-submissions memberships: the one mechanism of unit isolation). */
  unitIds: number[];
  isSuperAdmin: boolean;
  canDashboard: boolean;
  canManage: boolean;
  canUnit: boolean;
  canEscalations: boolean;
}

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
  roles?: { code: string }[];
}

export const displayName = (user: Pick<AdminUser, 'firstname' | 'lastname' | 'email'>) =>
  [user.lastname, user.firstname].filter(Boolean).join(' ') || user.email;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async of(user: AdminUser, ability: { can(action: string): boolean }): Promise<Access> {
    return {
      user: { id: user.id, name: displayName(user) },
      unitIds: await strapi.plugin('unit-submissions').service('memberships').unitIdsOf(user.id),
      isSuperAdmin: (user.roles ?? []).some((r) => r.code === 'strapi-super-admin'),
      canDashboard: ability.can(ACTIONS.dashboard),
      canManage: ability.can(ACTIONS.manage),
      canUnit: ability.can(ACTIONS.unit),
      canEscalations: ability.can(ACTIONS.escalations),
    };
  },

  /** Units whose data the user may read: every unit for those who oversee, else their own. */
  readableUnits(access: Access): number[] | 'all' {
    return access.isSuperAdmin || access.canDashboard || access.canManage || access.canEscalations
      ? 'all'
      : access.unitIds;
  },
});
