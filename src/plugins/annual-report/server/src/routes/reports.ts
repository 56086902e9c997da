import { anyOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

/**
 * Annual reports (admin, under /annual-report): the Office (manage) drafts, edits, recomputes and issues; the
 * Director (read) reads. Shapes: controllers/reports.ts.
 */
export default [
  ...guarded(anyOf(ACTIONS.read, ACTIONS.manage), {
    'GET /reports': 'reports.find',
    'GET /reports/:documentId': 'reports.findOne',
    'GET /reports/:documentId/rows': 'reports.rows',
  }),
  ...guarded(anyOf(ACTIONS.manage), {
    'POST /reports': 'reports.create',
    'PUT /reports/:documentId/narrative': 'reports.saveNarrative',
    'POST /reports/:documentId/recompute': 'reports.recompute',
    'POST /reports/:documentId/issue': 'reports.issue',
  }),
];
