import { ACTIONS } from '#oversight/permissions';

/** Any of the plugin's actions opens its menu entry (a list of permissions means any); each page shows the rest. */
export const ANY_ACTION = [ACTIONS.dashboard, ACTIONS.manage, ACTIONS.unit, ACTIONS.escalations].map(
  (action) => ({ action, subject: null })
);
