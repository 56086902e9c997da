import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the oversight plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'oversight';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);

export const UIDS = {
  reminder: `plugin::${PLUGIN_ID}.reminder`,
  reminderItem: `plugin::${PLUGIN_ID}.reminder-item`,
  check: `plugin::${PLUGIN_ID}.check`,
  difficulty: `plugin::${PLUGIN_ID}.difficulty`,
  taskReport: `plugin::${PLUGIN_ID}.task-report`,
} as const;
