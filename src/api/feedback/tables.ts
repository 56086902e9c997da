/** The feedback table's names that other modules' SQL aggregates may use (src/infra/table-names.ts). */
import { tableNames } from '#infra/table-names';

export const feedbackTable = tableNames('api::feedback.feedback', {
  columns: [
    'id',
    'documentId',
    'subject',
    'kind',
    'channel',
    'state',
    'receivedAt',
    'dueDate',
    'unitDueDate',
    'classificationDueDate',
    'publicationDueDate',
    'answeredAt',
    'closedAt',
    'onTime',
    'answerPublishedAt',
    'fullName',
    'address',
    'phone',
    'email',
  ],
  links: ['handlingUnit'],
});
