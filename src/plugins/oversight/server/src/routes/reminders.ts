import { ACTIONS } from '../permissions';
import { allowed } from './allowed';

/** Reminders (đôn đốc): the Office sends them; everyone who follows a unit reads them (scoped in the service). */
export default [
  {
    method: 'POST',
    path: '/reminders',
    handler: 'reminders.create',
    config: allowed(ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/reminders',
    handler: 'reminders.find',
    config: allowed(ACTIONS.dashboard, ACTIONS.manage, ACTIONS.unit),
  },
] as object[];
