import { actionIds } from '#utils/admin-actions';
import actions from './config/actions';

/** RBAC of the feedback register, shared by the server and the admin panel. */
export const PLUGIN_ID = 'feedback-register';

/** The ids of the plugin's RBAC actions (server/src/config/actions.ts), by key. */
export const ACTIONS = actionIds(PLUGIN_ID, actions);

export const FEEDBACK_UID = 'api::feedback.feedback';
export const HISTORY_ENTRY_UID = `plugin::${PLUGIN_ID}.history-entry`;
