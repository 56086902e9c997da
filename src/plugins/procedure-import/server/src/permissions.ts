import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the procedure import plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'procedure-import';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);

export const UIDS = {
  import: `plugin::${PLUGIN_ID}.procedure-import`,
  importRow: `plugin::${PLUGIN_ID}.import-row`,
} as const;
