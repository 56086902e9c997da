import type { Core } from '@strapi/strapi';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

/** An import still applying after this long was left by a process that died (its transaction rolled back). */
const STALE_MS = 30 * 60_000;

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });
  await getService(strapi, 'imports').sweep(STALE_MS);
};
