import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

/**
 * Annual reports (admin, under /annual-report): the Office (manage) drafts, edits, recomputes and issues; the
 * Director (read) reads. Shapes: controllers/reports.ts.
 */
export default [
  { method: 'GET', path: '/reports', handler: 'reports.find', config: anyOf(ACTIONS.read, ACTIONS.manage) },
  { method: 'POST', path: '/reports', handler: 'reports.create', config: anyOf(ACTIONS.manage) },
  {
    method: 'GET',
    path: '/reports/:documentId',
    handler: 'reports.findOne',
    config: anyOf(ACTIONS.read, ACTIONS.manage),
  },
  {
    method: 'PUT',
    path: '/reports/:documentId/narrative',
    handler: 'reports.saveNarrative',
    config: anyOf(ACTIONS.manage),
  },
  {
    method: 'POST',
    path: '/reports/:documentId/recompute',
    handler: 'reports.recompute',
    config: anyOf(ACTIONS.manage),
  },
  {
    method: 'POST',
    path: '/reports/:documentId/issue',
    handler: 'reports.issue',
    config: anyOf(ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/reports/:documentId/rows',
    handler: 'reports.rows',
    config: anyOf(ACTIONS.read, ACTIONS.manage),
  },
] as object[];
