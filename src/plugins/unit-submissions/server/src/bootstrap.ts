import type { Core } from '@strapi/strapi';
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

  // "In the user's units": the rows whose unit the admin user belongs to (none when the user belongs to no unit).
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: "In the user's units",
    name: 'in-my-units',
    plugin: PLUGIN_ID,
    async handler(user: { id: number }) {
      const units = await strapi.plugin(PLUGIN_ID).service('memberships').unitIdsOf(user.id);
      return units.length > 0 ? { 'unit.id': { $in: units } } : false;
    },
  });

  // "Is one of the user's units", for the units themselves: it scopes the unit pickers of unit editors.
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: "Is one of the user's units",
    name: 'is-my-unit',
    plugin: PLUGIN_ID,
    async handler(user: { id: number }) {
      const units = await strapi.plugin(PLUGIN_ID).service('memberships').unitIdsOf(user.id);
      return units.length > 0 ? { id: { $in: units } } : false;
    },
  });

  await strapi.plugin(PLUGIN_ID).service('history').protectOnPostgres();
};
