import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit, escalations } = ACTIONS;

/**
 * The dashboard of every unit against the year's plan, and the drill-down behind each of its figures (a unit
 * editor reads the drill-downs of their own units). Shapes: controllers/dashboard.ts.
 */
export default [
  ...guarded(anyOf(dashboard, manage, unit, escalations), { 'GET /options': 'dashboard.options' }),
  ...guarded(anyOf(dashboard), { 'GET /dashboard': 'dashboard.dashboard' }),
  ...guarded(anyOf(dashboard, unit), {
    'GET /units/:unitId/tasks': 'dashboard.tasks',
    'GET /units/:unitId/submissions': 'dashboard.submissions',
    'GET /units/:unitId/articles': 'dashboard.articles',
    'GET /units/:unitId/feedback': 'dashboard.feedback',
  }),
  // What a unit has overdue today: the Office's reminder preselects it (a unit editor reads their own units').
  ...guarded(anyOf(dashboard, manage, unit), { 'GET /units/:unitId/overdue': 'dashboard.overdue' }),
];
