/** The names of the import rows' table, for the preview's field counts (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const importRowTable = tableNames('plugin::procedure-import.import-row', {
  columns: ['importId', 'field', 'fieldKey'],
});
