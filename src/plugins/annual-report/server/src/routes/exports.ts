import { ACTIONS } from '../permissions';
import { allowed } from './allowed';

const read = allowed(ACTIONS.read, ACTIONS.manage);
const manage = allowed(ACTIONS.manage);

/** Admin routes of the report exports; see routes/index.ts. */
export default [
  {
    method: 'POST',
    path: '/reports/:documentId/exports',
    handler: 'exports.create',
    config: manage,
  },
  {
    method: 'GET',
    path: '/reports/:documentId/exports',
    handler: 'exports.list',
    config: read,
  },
  {
    method: 'GET',
    path: '/exports/:id',
    handler: 'exports.findOne',
    config: read,
  },
  {
    method: 'GET',
    path: '/exports/:id/download',
    handler: 'exports.download',
    config: read,
  },
] as object[];
