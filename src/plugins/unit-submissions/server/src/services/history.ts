import { historyService } from '#infra/append-only';

type Action = 'created' | 'edited' | 'transitioned' | 'assigned' | 'commented' | 'article_created';

/** The append-only history of submissions (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). */
export default historyService<Action, 'submissionDocumentId'>({
  uid: 'plugin::unit-submissions.history-entry',
  key: 'submissionDocumentId',
  what: 'unit submission history',
});
