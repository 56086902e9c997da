import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit } = ACTIONS;

/** Task reports and the unit's page (services/task-reports.ts, services/unit-page.ts). */
export default [
  { method: 'POST', path: '/task-reports', handler: 'taskReports.create', config: anyOf(unit, manage) },
  {
    method: 'GET',
    path: '/task-reports',
    handler: 'taskReports.find',
    config: anyOf(dashboard, manage, unit),
  },
  { method: 'GET', path: '/my', handler: 'taskReports.my', config: anyOf(unit) },
] as object[];
