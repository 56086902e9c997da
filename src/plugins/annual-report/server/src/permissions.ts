import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the annual report plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'annual-report';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);

export const UIDS = {
  report: `plugin::${PLUGIN_ID}.report`,
  exportJob: `plugin::${PLUGIN_ID}.export-job`,
} as const;
