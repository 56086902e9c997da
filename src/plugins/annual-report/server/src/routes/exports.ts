import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

/** Admin routes of the report exports; see routes/index.ts. */
export default [
  ...guarded(anyOf(ACTIONS.manage), { 'POST /reports/:documentId/exports': 'exports.create' }),
  ...guarded(anyOf(ACTIONS.read, ACTIONS.manage), {
    'GET /reports/:documentId/exports': 'exports.list',
    'GET /exports/:id': 'exports.findOne',
    'GET /exports/:id/download': 'exports.download',
  }),
];
