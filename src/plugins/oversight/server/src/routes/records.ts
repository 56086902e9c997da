import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit, escalations } = ACTIONS;

/** Checks, difficulties, task reports and the unit's page; which rows each user sees: services/records.ts. */
export default [
  { method: 'POST', path: '/inspections', handler: 'records.createInspection', config: anyOf(manage) },
  {
    method: 'GET',
    path: '/inspections',
    handler: 'records.findInspections',
    config: anyOf(dashboard, manage, unit),
  },
  {
    method: 'POST',
    path: '/difficulties',
    handler: 'records.createDifficulty',
    config: anyOf(unit, manage),
  },
  {
    method: 'GET',
    path: '/difficulties',
    handler: 'records.findDifficulties',
    config: anyOf(dashboard, manage, unit, escalations),
  },
  {
    method: 'GET',
    path: '/difficulties/:documentId',
    handler: 'records.findDifficulty',
    config: anyOf(dashboard, manage, unit, escalations),
  },
  {
    method: 'POST',
    path: '/difficulties/:documentId/transitions',
    handler: 'records.transitionDifficulty',
    config: anyOf(manage, escalations),
  },
  {
    method: 'POST',
    path: '/task-reports',
    handler: 'records.createTaskReport',
    config: anyOf(unit, manage),
  },
  {
    method: 'GET',
    path: '/task-reports',
    handler: 'records.findTaskReports',
    config: anyOf(dashboard, manage, unit),
  },
  { method: 'GET', path: '/my', handler: 'records.my', config: anyOf(unit) },
  {
    method: 'GET',
    path: '/waiting',
    handler: 'records.waiting',
    config: anyOf(dashboard, manage, unit, escalations),
  },
] as object[];
