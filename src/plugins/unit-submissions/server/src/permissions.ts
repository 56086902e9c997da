import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'unit-submissions';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);

/** The RBAC condition that scopes submissions and articles to the user's units. */
export const IN_MY_UNITS = `plugin::${PLUGIN_ID}.in-my-units`;

export const SUBMISSION_UID = `plugin::${PLUGIN_ID}.submission`;

export const ATTACHMENT_UID = `plugin::${PLUGIN_ID}.attachment`;
