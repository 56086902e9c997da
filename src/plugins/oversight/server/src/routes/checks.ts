import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit } = ACTIONS;

/** The Office records checks; those who see a unit read its checks (services/checks.ts). */
export default [
  { method: 'POST', path: '/checks', handler: 'checks.create', config: anyOf(manage) },
  { method: 'GET', path: '/checks', handler: 'checks.find', config: anyOf(dashboard, manage, unit) },
] as object[];
