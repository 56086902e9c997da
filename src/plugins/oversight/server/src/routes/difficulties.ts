import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit, escalations } = ACTIONS;

/** Difficulties, their moves and what waits for the user; which rows each user sees: services/difficulties.ts. */
export default [
  { method: 'POST', path: '/difficulties', handler: 'difficulties.create', config: anyOf(unit, manage) },
  {
    method: 'GET',
    path: '/difficulties',
    handler: 'difficulties.find',
    config: anyOf(dashboard, manage, unit, escalations),
  },
  {
    method: 'GET',
    path: '/difficulties/:documentId',
    handler: 'difficulties.findOne',
    config: anyOf(dashboard, manage, unit, escalations),
  },
  {
    method: 'POST',
    path: '/difficulties/:documentId/transitions',
    handler: 'difficulties.transition',
    config: anyOf(manage, escalations),
  },
  {
    method: 'GET',
    path: '/waiting',
    handler: 'difficulties.waiting',
    config: anyOf(dashboard, manage, unit, escalations),
  },
] as object[];
