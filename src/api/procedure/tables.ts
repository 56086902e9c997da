/** The names of procedures, their fields and levels that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const procedureTable = tableNames('api::procedure.procedure', {
  columns: [
    'id',
    'documentId',
    'nationalCode',
    'name',
    'legalStatus',
    'effectiveFrom',
    'effectiveTo',
    'locale',
    'publishedAt',
  ],
  links: ['field', 'levels'],
});

export const procedureFieldTable = tableNames('api::procedure-field.procedure-field', {
  columns: ['id', 'documentId', 'code', 'name', 'locale', 'publishedAt'],
});

export const procedureLevelTable = tableNames('procedure.level', { columns: ['id', 'level'] });
