import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

/**
 * The dashboard of every unit against the year's plan, and the drill-down behind each of its figures (a unit
 * editor reads the drill-downs of their own units). Shapes: controllers/dashboard.ts.
 */
export default [
  {
    method: 'GET',
    path: '/options',
    handler: 'dashboard.options',
    config: anyOf(ACTIONS.dashboard, ACTIONS.manage, ACTIONS.unit, ACTIONS.escalations),
  },
  { method: 'GET', path: '/dashboard', handler: 'dashboard.dashboard', config: anyOf(ACTIONS.dashboard) },
  ...(['tasks', 'submissions', 'articles', 'feedback'] as const).map((drillDown) => ({
    method: 'GET',
    path: `/units/:unitId/${drillDown}`,
    handler: `dashboard.${drillDown}`,
    config: anyOf(ACTIONS.dashboard, ACTIONS.unit),
  })),
  // What a unit has overdue today: the Office's reminder preselects it (a unit editor reads their own units').
  {
    method: 'GET',
    path: '/units/:unitId/overdue',
    handler: 'dashboard.overdue',
    config: anyOf(ACTIONS.dashboard, ACTIONS.manage, ACTIONS.unit),
  },
] as object[];
