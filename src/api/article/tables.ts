/** The article table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const articleTable = tableNames('api::article.article', {
  columns: ['id', 'documentId', 'title', 'kind', 'channel', 'externalUrl', 'locale', 'publishedAt'],
  links: ['unit', 'campaign', 'planTask'],
});
