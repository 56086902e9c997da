import type { Core } from '@strapi/strapi';
import { appendOnlyHistory, type HistoryEvent } from '#infra/append-only';

type Action = 'created' | 'edited' | 'transitioned' | 'assigned' | 'commented' | 'article_created';

export interface HistoryEntry extends HistoryEvent<Action> {
  submissionDocumentId: string;
}

/** The append-only history of submissions (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = appendOnlyHistory<Action>(strapi, {
    uid: 'plugin::unit-submissions.event',
    key: 'submissionDocumentId',
    what: 'unit submission history',
  });
  return {
    append: ({ submissionDocumentId, ...event }: HistoryEntry) => history.append(submissionDocumentId, event),
    of: history.of,
    protectOnPostgres: history.protectOnPostgres,
  };
};
