import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit } = ACTIONS;

/** The Office records checks; those who see a unit read its checks (services/checks.ts). */
export default [
  ...guarded(anyOf(manage), { 'POST /checks': 'checks.create' }),
  ...guarded(anyOf(dashboard, manage, unit), { 'GET /checks': 'checks.find' }),
];
