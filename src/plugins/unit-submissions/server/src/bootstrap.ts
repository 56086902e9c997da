import type { Core } from '@strapi/strapi';
import { unitAccess } from '#api/unit/services/access';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });

  // Both conditions match nothing for a user who belongs to no unit.
  const unitCondition = (name: string, displayName: string, filter: (units: number[]) => object) =>
    strapi.service('admin::permission').conditionProvider.register({
      displayName,
      name,
      plugin: PLUGIN_ID,
      async handler(user: { id: number }) {
        const units = await unitAccess(strapi).unitIdsOf(user.id);
        return units.length > 0 ? filter(units) : false;
      },
    });
  // Rows whose unit the user belongs to: submissions and the articles a unit drafts.
  await unitCondition('in-my-units', "In the user's units", (units) => ({ 'unit.id': { $in: units } }));
  // The units themselves: it scopes every unit picker of a unit editor.
  await unitCondition('is-my-unit', "Is one of the user's units", (units) => ({ id: { $in: units } }));

  await getService(strapi, 'history').protectOnPostgres();
  await getService(strapi, 'attachments').migrateLegacy();
};
