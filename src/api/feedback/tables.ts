/**
 * The feedback table's names that other modules' SQL aggregates may use (src/infra/table-names.ts), and the filter
 * on its procedure that the public answers and the register share.
 */
import type { Core } from '@strapi/strapi';
import { idsLinkedTo } from '#infra/relation-queries';
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

/** The ids of the feedback about the procedure `documentId` (any of its rows), as a filter subquery. */
export const feedbackIdsOfProcedure = (strapi: Core.Strapi, documentId: string) =>
  idsLinkedTo(strapi, {
    uid: 'api::feedback.feedback',
    attribute: 'procedure',
    targetUid: 'api::procedure.procedure',
    documentId,
  });
