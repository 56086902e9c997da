/** The unit table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const unitTable = tableNames('api::unit.unit', {
  columns: ['id', 'name'],
});
