/**
 * The retention job of the feedback register (Decree 13/2023): once a day, feedback closed longer ago than the
 * organization's retention period loses its submitter's personal data (domain/retention.ts says which rows and
 * what changes). One node runs it per day (infra/job-lock.ts); rows are read and written in batches with the
 * query engine, not the Document Service, so that 100 000 rows neither load at once nor run per-row middlewares;
 * what those middlewares would do (search index, response cache) is done here once per batch or run.
 */
import type { Core } from '@strapi/strapi';
import { runExclusively, scheduleDailyJob } from '#infra/job-lock';
import { organizationSettings } from '#infra/organization-settings';
import { removePrivateFiles } from '#infra/private-files';
import { privateStore } from '#infra/storage';
import type { ResponseCache } from '#infra/response-cache';
import { reindexFeedback } from '#infra/search-index';
import {
  anonymizedValues,
  dueForAnonymization,
  PERSONAL_FIELDS,
  REDACTED_TEXT_FIELDS,
  retentionCutoff,
  retentionRunKey,
  type RetainedFeedback,
} from '../domain/retention';
import { getService } from '../utils';

const FEEDBACK = 'api::feedback.feedback';
const ATTACHMENT = 'api::feedback.feedback-attachment';

export const RETENTION_JOB = 'feedback-retention';
/** Rows read, rewritten and committed together. */
export const RETENTION_BATCH = 200;
export const CRON_JOB = 'feedbackRetention';

export interface RetentionRun {
  ran: boolean;
  /** How many were anonymized. Data, spelled as stored: in job_runs' results and the history action. */
  anonymised: number;
}

export interface RetentionService {
  /** Anonymizes what is due on the day of `now`, unless another node already ran (or runs) that day's job. */
  run(now?: Date): Promise<RetentionRun>;
  /** Registers the daily run (FEEDBACK_RETENTION_CRON, default 02:30 Vietnam time; 'off' registers nothing). */
  schedule(): void;
}

type DueRow = RetainedFeedback & { id: number; documentId: string; version: number | null };

const TEXT_FIELDS = Object.keys(REDACTED_TEXT_FIELDS) as (keyof typeof REDACTED_TEXT_FIELDS)[];

/** Who the history names as having anonymized a feedback. */
export const RETENTION_ACTOR = { id: null, name: 'Hệ thống (hết thời hạn lưu trữ)' };

async function anonymizeDue(
  strapi: Core.Strapi,
  cutoff: Date,
  retentionMonths: number,
  now: Date
): Promise<number> {
  const history = getService(strapi, 'history');
  const store = privateStore(strapi);
  let anonymized = 0;
  let afterId = 0;
  try {
    for (;;) {
      // Keyset pagination on id: each batch starts after the last one, whatever happened to the rows before.
      const rows = (await strapi.db.query(FEEDBACK).findMany({
        where: { id: { $gt: afterId }, ...dueForAnonymization(cutoff) },
        select: ['id', 'documentId', 'version', ...PERSONAL_FIELDS, ...TEXT_FIELDS],
        orderBy: { id: 'asc' },
        limit: RETENTION_BATCH,
      })) as DueRow[];
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1].id;

      const changed: DueRow[] = [];
      let files: string[] = [];
      await strapi.db.transaction(async () => {
        for (const row of rows) {
          // Conditional on the version read: a row a person changed meanwhile is left for the next run.
          const { count } = await strapi.db.query(FEEDBACK).updateMany({
            where: {
              id: row.id,
              version: row.version == null ? { $null: true } : row.version,
              anonymizedAt: { $null: true },
            },
            data: { ...anonymizedValues(row, now), version: (row.version ?? 0) + 1 },
          });
          if (count === 1) changed.push(row);
        }
        if (changed.length === 0) return;
        for (const row of changed) {
          await history.append({
            feedbackDocumentId: row.documentId,
            action: 'anonymised',
            actor: RETENTION_ACTOR,
            details: { retentionMonths, closedBefore: cutoff.toISOString() },
          });
        }
        const attachments = (await strapi.db.query(ATTACHMENT).findMany({
          where: { feedback: { id: { $in: changed.map((r) => r.id) } } },
          select: ['id', 'storedName'],
        })) as { id: number; storedName: string }[];
        if (attachments.length > 0) {
          // The link rows go with them (ON DELETE CASCADE).
          await strapi.db
            .query(ATTACHMENT)
            .deleteMany({ where: { id: { $in: attachments.map((a) => a.id) } } });
          files = attachments.map((a) => a.storedName);
        }
      });
      anonymized += changed.length;

      // Files only once the rows that named them are gone for good; a file left over is an orphan the start-up
      // sweep removes.
      await removePrivateFiles(store, files).catch((error) =>
        strapi.log.warn(`feedback retention: could not remove attachment files: ${(error as Error).message}`)
      );
      // The published answers among them are searchable by their redacted texts only.
      if (changed.length > 0) {
        const documentIds = changed.map((r) => r.documentId);
        await reindexFeedback(strapi, documentIds);
      }
    }
  } finally {
    if (anonymized > 0) await (strapi.get('response-cache') as ResponseCache).invalidate('feedback');
  }
  return anonymized;
}

export default ({ strapi }: { strapi: Core.Strapi }): RetentionService => {
  const service: RetentionService = {
    async run(now = new Date()) {
      const { retentionMonths, timeZone } = await organizationSettings(strapi);
      const cutoff = retentionCutoff(now, retentionMonths, timeZone);
      const outcome = await runExclusively(
        strapi,
        RETENTION_JOB,
        retentionRunKey(now, timeZone),
        async () => ({
          anonymised: await anonymizeDue(strapi, cutoff, retentionMonths, now),
          closedBefore: cutoff.toISOString(),
          retentionMonths,
        })
      );
      if (!outcome.ran) return { ran: false, anonymised: 0 };
      if (outcome.result.anonymised > 0) {
        strapi.log.info(
          `feedback retention: anonymized ${outcome.result.anonymised} feedback closed before ${cutoff.toISOString()}`
        );
      }
      return { ran: true, anonymised: outcome.result.anonymised };
    },

    schedule() {
      scheduleDailyJob(strapi, {
        name: CRON_JOB,
        label: 'feedback retention',
        rule: process.env.FEEDBACK_RETENTION_CRON || '30 2 * * *',
        run: () => service.run(),
      });
    },
  };
  return service;
};
