/** The plan task table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const planTaskTable = tableNames('api::plan-task.plan-task', {
  columns: ['id', 'documentId', 'code', 'content', 'form', 'channel', 'targetCount', 'dueDate', 'locale'],
  links: ['plan', 'unit'],
});
