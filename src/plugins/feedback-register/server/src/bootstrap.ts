import type { Core } from '@strapi/strapi';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });
  await getService(strapi, 'history').protectOnPostgres();
  // Personal data of closed feedback is anonymised once its retention period runs out: daily, on one node.
  getService(strapi, 'retention').schedule();
};
