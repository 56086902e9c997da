import type { Core } from '@strapi/strapi';
import { protectAppendOnly } from '../../../../../infra/append-only';

const UID = 'plugin::unit-submissions.event';

export interface HistoryEntry {
  submissionDocumentId: string;
  action: 'created' | 'edited' | 'transitioned' | 'assigned' | 'commented' | 'article_created';
  fromState?: string | null;
  toState?: string | null;
  actor: { id: number | null; name: string };
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * The append-only history of submissions. This service only appends and reads; on PostgreSQL a trigger also
 * refuses any UPDATE or DELETE of the table, whoever sends it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async append(entry: HistoryEntry) {
    await strapi.db.query(UID).create({
      data: {
        submissionDocumentId: entry.submissionDocumentId,
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

  async of(submissionDocumentId: string) {
    return strapi.db.query(UID).findMany({
      where: { submissionDocumentId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
  },

  async protectOnPostgres() {
    await protectAppendOnly(strapi, UID, 'unit submission history');
  },
});
