import type { Core } from '@strapi/strapi';
import { unitAccess } from '#api/unit/services/access';
import type { Ability, AccessSpec, AdminUser, UnitAccess } from '#domain/unit-access';
import { ACTIONS } from '../permissions';

/** Who is asking and what they may do here: their unit access and the plugin's rights, once per request. */
export interface Access extends UnitAccess {
  canDashboard: boolean;
  canManage: boolean;
  canUnit: boolean;
  canEscalations: boolean;
}

/** Those who oversee (the dashboard, managing, the escalations) read every unit's data; the others their own. */
const ACCESS: AccessSpec<'canDashboard' | 'canManage' | 'canUnit' | 'canEscalations'> = {
  readAll: [ACTIONS.dashboard, ACTIONS.manage, ACTIONS.escalations],
  can: {
    canDashboard: ACTIONS.dashboard,
    canManage: ACTIONS.manage,
    canUnit: ACTIONS.unit,
    canEscalations: ACTIONS.escalations,
  },
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  of(user: AdminUser, ability: Ability): Promise<Access> {
    return unitAccess(strapi).of(user, ability, ACCESS);
  },
});
