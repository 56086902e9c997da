import type { Core } from '@strapi/strapi';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });
  const invalid = getService(strapi, 'settings').invalidEnvironmentOrigins;
  if (invalid.length) strapi.log.warn(`WIDGET_ALLOWED_ORIGINS: not origins, ignored: ${invalid.join(', ')}`);
};
