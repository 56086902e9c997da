/**
 * The names of the submission table that the dashboard's and the annual report's SQL aggregates use
 * (src/infra/table-names.ts).
 */
import { tableNames } from '#infra/table-names';

export const submissionTable = tableNames('plugin::unit-submissions.submission', {
  columns: ['id', 'documentId', 'title', 'kind', 'state', 'createdAt', 'submittedAt', 'dueDate'],
  links: ['unit', 'article', 'planTask'],
});
