import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

const { dashboard, manage, unit, escalations } = ACTIONS;

/** Difficulties, their moves and what waits for the user; which rows each user sees: services/difficulties.ts. */
export default [
  ...guarded(anyOf(unit, manage), { 'POST /difficulties': 'difficulties.create' }),
  ...guarded(anyOf(dashboard, manage, unit, escalations), {
    'GET /difficulties': 'difficulties.find',
    'GET /difficulties/:documentId': 'difficulties.findOne',
  }),
  ...guarded(anyOf(manage, escalations), {
    'POST /difficulties/:documentId/transitions': 'difficulties.transition',
  }),
  ...guarded(anyOf(dashboard, manage, unit, escalations), { 'GET /waiting': 'difficulties.waiting' }),
];
