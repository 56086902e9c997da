import type { Core } from '@strapi/strapi';
import { appendOnlyHistory, type HistoryEntry } from '#infra/append-only';
import { HISTORY_ENTRY_UID } from '../permissions';

type Action = 'received' | 'registered' | 'transitioned' | 'answer_saved' | 'anonymised';

/** `reason` holds staff's words (reason, comment), never the submitter's personal data. */
export interface FeedbackHistoryEntry extends HistoryEntry<Action> {
  feedbackDocumentId: string;
}

/** The append-only history of the register (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = appendOnlyHistory<Action>(strapi, {
    uid: HISTORY_ENTRY_UID,
    key: 'feedbackDocumentId',
    what: 'feedback history',
  });
  return {
    append: ({ feedbackDocumentId, ...entry }: FeedbackHistoryEntry) =>
      history.append(feedbackDocumentId, entry),
    of: history.of,
    protectOnPostgres: history.protectOnPostgres,
  };
};
