import type { Core } from '@strapi/strapi';
import { protectAppendOnly } from '../../../../../infra/append-only';
import { EVENT_UID } from '../permissions';

export interface HistoryEntry {
  feedbackDocumentId: string;
  action: 'received' | 'registered' | 'transitioned' | 'answer_saved' | 'anonymised';
  fromState?: string | null;
  toState?: string | null;
  actor: { id: number | null; name: string };
  /** Staff's words (reason, comment); never the submitter's personal data. */
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** The append-only history of the register: who did what, when and why, for every feedback. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async append(entry: HistoryEntry) {
    await strapi.db.query(EVENT_UID).create({
      data: {
        feedbackDocumentId: entry.feedbackDocumentId,
        action: entry.action,
        fromState: entry.fromState ?? null,
        toState: entry.toState ?? null,
        actorId: entry.actor.id,
        actorName: entry.actor.name,
        reason: entry.reason ?? null,
        details: entry.details ?? null,
        at: new Date(),
      },
    });
  },

  async of(feedbackDocumentId: string) {
    return strapi.db.query(EVENT_UID).findMany({
      where: { feedbackDocumentId },
      select: ['id', 'action', 'fromState', 'toState', 'actorName', 'reason', 'details', 'at'],
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
  },

  async protectOnPostgres() {
    await protectAppendOnly(strapi, EVENT_UID, 'feedback history');
  },
});
