import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the widgets plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'widgets';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);
