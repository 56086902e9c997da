import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './permissions';

const actions = [
  { uid: 'read', displayName: 'Xem báo cáo năm' },
  { uid: 'manage', displayName: 'Lập, chỉnh sửa, ban hành và xuất báo cáo năm' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  // Exports left running by a process that died show as failed (and their partial files go) at once.
  await strapi.plugin(PLUGIN_ID).service('exports').sweep();
};
