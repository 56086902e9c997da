/** The plan table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const planTable = tableNames('api::plan.plan', {
  columns: ['id', 'documentId', 'title', 'number', 'symbol', 'year', 'locale', 'publishedAt'],
});
