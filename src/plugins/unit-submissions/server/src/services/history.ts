import type { Core } from '@strapi/strapi';

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
    if (strapi.db.dialect.client !== 'postgres') return;
    const table = strapi.db.metadata.get(UID).tableName;
    await strapi.db.connection.raw(`
      CREATE OR REPLACE FUNCTION unit_submission_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'unit submission history is append-only: % refused', TG_OP;
      END;
      $$ LANGUAGE plpgsql;
      DROP TRIGGER IF EXISTS unit_submission_events_append_only ON ${table};
      CREATE TRIGGER unit_submission_events_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION unit_submission_events_append_only();
      DROP TRIGGER IF EXISTS unit_submission_events_no_truncate ON ${table};
      CREATE TRIGGER unit_submission_events_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION unit_submission_events_append_only();
    `);
  },
});
