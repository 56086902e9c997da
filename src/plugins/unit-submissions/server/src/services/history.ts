import type { Core } from '@strapi/strapi';
import { appendOnlyHistory, type HistoryEntry } from '#infra/append-only';

type Action = 'created' | 'edited' | 'transitioned' | 'assigned' | 'commented' | 'article_created';

export interface SubmissionHistoryEntry extends HistoryEntry<Action> {
  submissionDocumentId: string;
}

/** The append-only history of submissions (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = appendOnlyHistory<Action>(strapi, {
    uid: 'plugin::unit-submissions.history-entry',
    key: 'submissionDocumentId',
    what: 'unit submission history',
  });
  return {
    append: ({ submissionDocumentId, ...entry }: SubmissionHistoryEntry) =>
      history.append(submissionDocumentId, entry),
    of: history.of,
    protectOnPostgres: history.protectOnPostgres,
  };
};
