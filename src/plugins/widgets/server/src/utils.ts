import { serviceGetter } from '#utils/plugin-lookups';
import { PLUGIN_ID } from './permissions';
import type services from './services';

/** The plugin's services by name, typed: `getService(strapi, 'settings')`. */
export const getService = serviceGetter<typeof services>(PLUGIN_ID);
