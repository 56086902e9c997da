import { ACTIONS } from '../permissions';
import { allowed } from './allowed';

/**
 * Annual reports (admin, under /annual-report): the Office (manage) drafts, edits, recomputes and issues; the
 * Director (read) reads. Shapes: controllers/reports.ts.
 */
export default [
  { method: 'GET', path: '/reports', handler: 'reports.find', config: allowed(ACTIONS.read, ACTIONS.manage) },
  { method: 'POST', path: '/reports', handler: 'reports.create', config: allowed(ACTIONS.manage) },
  {
    method: 'GET',
    path: '/reports/:documentId',
    handler: 'reports.findOne',
    config: allowed(ACTIONS.read, ACTIONS.manage),
  },
  {
    method: 'PUT',
    path: '/reports/:documentId/narrative',
    handler: 'reports.saveNarrative',
    config: allowed(ACTIONS.manage),
  },
  {
    method: 'POST',
    path: '/reports/:documentId/recompute',
    handler: 'reports.recompute',
    config: allowed(ACTIONS.manage),
  },
  {
    method: 'POST',
    path: '/reports/:documentId/issue',
    handler: 'reports.issue',
    config: allowed(ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/reports/:documentId/rows',
    handler: 'reports.rows',
    config: allowed(ACTIONS.read, ACTIONS.manage),
  },
] as object[];
