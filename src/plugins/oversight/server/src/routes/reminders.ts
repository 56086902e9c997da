import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit } = ACTIONS;

/** Reminders (đôn đốc): the Office sends them; everyone who follows a unit reads them (scoped in the service). */
export default [
  ...guarded(anyOf(manage), { 'POST /reminders': 'reminders.create' }),
  ...guarded(anyOf(dashboard, manage, unit), { 'GET /reminders': 'reminders.find' }),
];
