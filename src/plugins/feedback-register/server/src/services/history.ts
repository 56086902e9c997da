import { historyService } from '#infra/append-only';
import { HISTORY_ENTRY_UID } from '../permissions';

type Action = 'received' | 'registered' | 'transitioned' | 'answer_saved' | 'anonymised';

/**
 * The append-only history of the register (on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). `reason`
 * holds staff's words (reason, comment), never the submitter's personal data.
 */
export default historyService<Action, 'feedbackDocumentId'>({
  uid: HISTORY_ENTRY_UID,
  key: 'feedbackDocumentId',
  what: 'feedback history',
});
