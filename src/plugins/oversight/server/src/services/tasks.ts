import type { Core } from '@strapi/strapi';
import { UIDS } from '../permissions';

export interface LatestReport {
  planTaskDocumentId: string;
  status: 'in_progress' | 'done';
  reportedAt: string;
  results: string;
  reportedByName: string;
}

/** Plan tasks as the oversight sees them: each task's latest report decides whether it is done. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The latest report of each of these tasks (all tasks when omitted), by task documentId. */
  async latestReports(taskDocumentIds?: string[]): Promise<Map<string, LatestReport>> {
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(UIDS.taskReport).tableName;
    const latest = knex(table)
      .select('plan_task_document_id')
      .max({ last: 'reported_at' })
      .groupBy('plan_task_document_id');
    if (taskDocumentIds) latest.whereIn('plan_task_document_id', taskDocumentIds);
    const rows = await knex(`${table} as r`)
      .join(latest.as('l'), function () {
        this.on('l.plan_task_document_id', '=', 'r.plan_task_document_id').andOn(
          'l.last',
          '=',
          'r.reported_at'
        );
      })
      .select(
        'r.plan_task_document_id as planTaskDocumentId',
        'r.status',
        'r.reported_at as reportedAt',
        'r.results',
        'r.reported_by_name as reportedByName'
      );
    return new Map(rows.map((r: LatestReport) => [r.planTaskDocumentId, r]));
  },
});
