import type { Core } from '@strapi/strapi';
import { appendOnlyHistory, type HistoryEvent } from '#infra/append-only';
import { EVENT_UID } from '../permissions';

type Action = 'received' | 'registered' | 'transitioned' | 'answer_saved' | 'anonymised';

/** `reason` holds staff's words (reason, comment), never the submitter's personal data. */
export interface HistoryEntry extends HistoryEvent<Action> {
  feedbackDocumentId: string;
}

/** The append-only history of the register (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = appendOnlyHistory<Action>(strapi, {
    uid: EVENT_UID,
    key: 'feedbackDocumentId',
    what: 'feedback history',
  });
  return {
    append: ({ feedbackDocumentId, ...event }: HistoryEntry) => history.append(feedbackDocumentId, event),
    of: history.of,
    protectOnPostgres: history.protectOnPostgres,
  };
};
