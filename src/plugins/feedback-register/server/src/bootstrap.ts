import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './permissions';

const actions = [
  { uid: 'read', displayName: 'Xem sổ PAKN: phản ánh giao đơn vị mình' },
  { uid: 'read-all', displayName: 'Xem toàn bộ sổ PAKN' },
  { uid: 'handle', displayName: 'Tiếp nhận, phân loại, giao, duyệt, trả lời, công khai PAKN' },
  { uid: 'answer', displayName: 'Soạn dự thảo trả lời PAKN được giao' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  await strapi.plugin(PLUGIN_ID).service('history').protectOnPostgres();
  // Personal data of closed feedback is anonymised once its retention period runs out: daily, on one node.
  strapi.plugin(PLUGIN_ID).service('retention').schedule();
};
