import { ACTIONS } from '../permissions';
import { allowed } from './allowed';

const { dashboard, manage, unit, escalations } = ACTIONS;

/** Checks, difficulties, task reports and the unit's page; which rows each user sees: services/records.ts. */
export default [
  { method: 'POST', path: '/inspections', handler: 'records.createInspection', config: allowed(manage) },
  {
    method: 'GET',
    path: '/inspections',
    handler: 'records.findInspections',
    config: allowed(dashboard, manage, unit),
  },
  {
    method: 'POST',
    path: '/difficulties',
    handler: 'records.createDifficulty',
    config: allowed(unit, manage),
  },
  {
    method: 'GET',
    path: '/difficulties',
    handler: 'records.findDifficulties',
    config: allowed(dashboard, manage, unit, escalations),
  },
  {
    method: 'GET',
    path: '/difficulties/:documentId',
    handler: 'records.findDifficulty',
    config: allowed(dashboard, manage, unit, escalations),
  },
  {
    method: 'POST',
    path: '/difficulties/:documentId/transitions',
    handler: 'records.transitionDifficulty',
    config: allowed(manage, escalations),
  },
  {
    method: 'POST',
    path: '/task-reports',
    handler: 'records.createTaskReport',
    config: allowed(unit, manage),
  },
  {
    method: 'GET',
    path: '/task-reports',
    handler: 'records.findTaskReports',
    config: allowed(dashboard, manage, unit),
  },
  { method: 'GET', path: '/my', handler: 'records.my', config: allowed(unit) },
  {
    method: 'GET',
    path: '/waiting',
    handler: 'records.waiting',
    config: allowed(dashboard, manage, unit, escalations),
  },
] as object[];
