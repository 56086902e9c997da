import type { Core } from '@strapi/strapi';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });
  // Exports left running by a process that died show as failed (and their partial files go) at once.
  await getService(strapi, 'exports').sweep();
};
