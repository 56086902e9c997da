import { anyOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

/** Admin routes of the report exports; see routes/index.ts. */
export default [
  {
    method: 'POST',
    path: '/reports/:documentId/exports',
    handler: 'exports.create',
    config: anyOf(ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/reports/:documentId/exports',
    handler: 'exports.list',
    config: anyOf(ACTIONS.read, ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/exports/:id',
    handler: 'exports.findOne',
    config: anyOf(ACTIONS.read, ACTIONS.manage),
  },
  {
    method: 'GET',
    path: '/exports/:id/download',
    handler: 'exports.download',
    config: anyOf(ACTIONS.read, ACTIONS.manage),
  },
] as object[];
