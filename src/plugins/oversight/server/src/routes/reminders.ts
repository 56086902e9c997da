import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

/** Reminders (đôn đốc): the Office sends them; everyone who follows a unit reads them (scoped in the service). */
export default [
  {
    method: 'POST',
    path: '/reminders',
    handler: 'reminders.create',
    config: anyOf(ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/reminders',
    handler: 'reminders.find',
    config: anyOf(ACTIONS.dashboard, ACTIONS.manage, ACTIONS.unit),
  },
] as object[];
