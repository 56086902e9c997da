/**
 * The names of oversight's tables that the dashboard's and the annual report's SQL aggregates use
 * (src/infra/table-names.ts).
 */
import { tableNames } from '#infra/table-names';

export const reminderTable = tableNames('plugin::oversight.reminder', {
  columns: ['id', 'sentAt'],
  links: ['unit'],
});

export const checkTable = tableNames('plugin::oversight.check', { columns: ['id', 'date'] });

export const difficultyTable = tableNames('plugin::oversight.difficulty', {
  columns: [
    'id',
    'state',
    'planTaskDocumentId',
    'what',
    'proposal',
    'reportedAt',
    'resolvedAt',
    'escalatedAt',
  ],
  links: ['unit'],
});

export const taskReportTable = tableNames('plugin::oversight.task-report', {
  columns: ['id', 'planTaskDocumentId', 'status', 'results', 'reportedAt'],
  links: ['unit'],
});
