import { allowedAny } from '#utils/admin-routes';
import { PLUGIN_ID } from '../permissions';

/** A route's policies: an admin session and at least one of the plugin's RBAC actions. */
export const allowed = allowedAny(PLUGIN_ID);
