import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit } = ACTIONS;

/** Task reports and the unit's page (services/task-reports.ts, services/unit-page.ts). */
export default [
  ...guarded(anyOf(unit, manage), { 'POST /task-reports': 'taskReports.create' }),
  ...guarded(anyOf(dashboard, manage, unit), { 'GET /task-reports': 'taskReports.find' }),
  ...guarded(anyOf(unit), { 'GET /my': 'taskReports.my' }),
];
