import type { Core } from '@strapi/strapi';
import { unitAccess } from '../../../../api/unit/services/access';
import { PLUGIN_ID } from './permissions';

const actions = [
  { uid: 'read', displayName: 'Xem tin bài của đơn vị mình' },
  { uid: 'read-all', displayName: 'Xem tin bài của mọi đơn vị' },
  { uid: 'submit', displayName: 'Soạn, gửi, rút tin bài của đơn vị mình' },
  { uid: 'review', displayName: 'Biên tập, yêu cầu chỉnh sửa, duyệt, từ chối' },
  { uid: 'memberships', displayName: 'Phân công thành viên đơn vị' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);

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

  await strapi.plugin(PLUGIN_ID).service('history').protectOnPostgres();
  await strapi.plugin(PLUGIN_ID).service('attachments').migrateLegacy();
};
