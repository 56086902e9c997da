import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './permissions';

const actions = [
  { uid: 'dashboard', displayName: 'Xem bảng theo dõi mọi đơn vị' },
  { uid: 'manage', displayName: 'Đôn đốc, kiểm tra, xử lý khó khăn, vướng mắc' },
  { uid: 'unit', displayName: 'Nhiệm vụ, đôn đốc, khó khăn của đơn vị mình; báo cáo kết quả' },
  { uid: 'escalations', displayName: 'Khó khăn, vướng mắc trình Giám đốc' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  // The daily digest of what each unit has due soon or overdue: on weekday mornings, on one node.
  strapi.plugin(PLUGIN_ID).service('digest').schedule();
};
