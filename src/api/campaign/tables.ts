/** The campaign table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const campaignTable = tableNames('api::campaign.campaign', {
  columns: ['id', 'documentId', 'title', 'locale', 'publishedAt'],
});
