/**
 * Export jobs of an annual report (DOCX, XLSX, CSV of a list), run in the background in this process.
 *
 * A job row is created `queued` (it waits so while EXPORT_CONCURRENCY others are written on its node, its heartbeat
 * kept), then `running` with `progress` and `heartbeatAt` updated as the writer goes; the
 * file is written to this node's temp folder and put into the private store (`annual-report-exports/<storedName>`,
 * on disk or in the bucket, so any node serves the download) only once complete: no half file is ever
 * downloadable. A node that stops cleanly marks its jobs failed (`interrupt`, from the plugin's destroy); one that
 * dies leaves a `running` row whose heartbeat stops: the sweep (before listing, reading or starting jobs, on any
 * node, and at start-up when the plugin's bootstrap calls it) marks every job whose heartbeat is older than
 * EXPORT_STALE_SECONDS (default 120) `failed`; the dead node's partial file is its own temp folder's, which its temp
 * sweep removes, and a file it stored all the same is removed by the orphan sweep (only a done job keeps its file). Failed jobs are retried by starting a new export. The file is written by services/export-writer.ts,
 * from the lists of services/export-rows.ts.
 */
import { randomBytes } from 'crypto';
import os from 'os';
import path from 'path';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { privateStore } from '#infra/storage';
import { exportFileName, exportKey, listOfFileName } from '../domain/export-files';
import type { ArticleListRow, FeedbackListRow, ListName } from '../exports/csv';
import { PLUGIN_ID, UIDS } from '../permissions';
import { exportRows, redactedChunks, rowsOf } from './export-rows';
import { exportWriter } from './export-writer';

type ReportsService = ReturnType<typeof import('./reports').default>;

export type ExportFormat = 'docx' | 'xlsx' | 'csv';
export const FORMATS: ExportFormat[] = ['docx', 'xlsx', 'csv'];
export const LISTS: ListName[] = ['articles', 'feedback'];

/** A running job whose heartbeat is older than this (EXPORT_STALE_SECONDS, default 120) is taken for dead. */
export const staleMs = () => Math.max(Number(process.env.EXPORT_STALE_SECONDS) || 120, 1) * 1000;
/**
 * Exports written at once on a node (EXPORT_CONCURRENCY, default 1); the others wait `queued`, their heartbeat kept.
 * A writer takes two threads: the main one, which reads and redacts the rows, and its worker. On 2 cores, four at
 * once held the event loop for up to 100–200 ms, and wrote the four files no sooner than one after the other (at
 * 1M rows: 76 s either way on PostgreSQL); two workers at once (the DOCX's and the XLSX's) took the process past
 * 450 MB. A node with more cores may write more at once.
 */
export const concurrency = () => Math.max(Math.floor(Number(process.env.EXPORT_CONCURRENCY)) || 1, 1);
const INTERRUPTED = 'Quá trình xuất tệp bị gián đoạn (máy chủ đã dừng). Hãy xuất lại.';

export interface JobRow {
  id: number;
  documentId: string;
  reportDocumentId: string;
  format: ExportFormat;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number | null;
  fileName: string | null;
  storedName: string | null;
  size: number | string | null;
  error: string | null;
  requestedByName: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
  node: string | null;
  createdAt: string;
}

export interface ExportJobView {
  id: string;
  reportDocumentId: string;
  format: ExportFormat;
  list: ListName | null;
  state: JobRow['state'];
  progress: number;
  fileName: string | null;
  size: number | null;
  error: string | null;
  requestedByName: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
  createdAt: string;
}

const listOf = (job: Pick<JobRow, 'format' | 'fileName'>): ListName | null =>
  listOfFileName(job.format, job.fileName);

const view = (job: JobRow): ExportJobView => ({
  id: job.documentId,
  reportDocumentId: job.reportDocumentId,
  format: job.format,
  list: listOf(job),
  state: job.state,
  progress: job.progress ?? 0,
  fileName: job.fileName,
  size: job.size === null || job.size === undefined ? null : Number(job.size),
  error: job.error,
  requestedByName: job.requestedByName,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  heartbeatAt: job.heartbeatAt,
  createdAt: job.createdAt,
});

const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => strapi.db.query(UIDS.exportJob);
  const node = `${os.hostname()}:${process.pid}`;
  const { articleChunks, feedbackChunks } = exportRows(strapi);
  const { run } = exportWriter(strapi, { node, mime: (format) => MIME[format] });

  const reports = () => strapi.plugin(PLUGIN_ID).service('reports') as ReportsService;

  const running = new Set<Promise<void>>();

  // The jobs waiting for a writer, in the order they were started.
  const waiting: (() => void)[] = [];
  let writing = 0;
  /**
   * Runs `write` once fewer than `concurrency()` exports are being written; resolves when it is through. The job's
   * heartbeat beats from now until then, also while it waits or its progress does not move: well within the stale
   * limit, so that no node takes a live job for dead.
   */
  const scheduled = (id: number, write: () => Promise<void>) =>
    new Promise<void>((resolve) => {
      const heartbeat = setInterval(
        () => {
          jobs()
            .updateMany({
              where: { id, state: { $in: ['queued', 'running'] } },
              data: { heartbeatAt: new Date() },
            })
            .catch(() => undefined);
        },
        Math.max(staleMs() / 4, 250)
      );
      heartbeat.unref();
      const start = () => {
        writing += 1;
        write()
          .catch((error) => strapi.log.error(`annual-report export ${id} failed: ${error}`))
          .finally(() => {
            clearInterval(heartbeat);
            writing -= 1;
            waiting.shift()?.();
            resolve();
          });
      };
      if (writing < concurrency()) start();
      else waiting.push(start);
    });

  return {
    /** Marks the jobs whose heartbeat stopped longer ago than the stale limit failed. */
    async sweep(now = new Date()): Promise<number> {
      const limit = new Date(now.getTime() - staleMs());
      const stale = (await jobs().findMany({
        where: {
          state: { $in: ['queued', 'running'] },
          $or: [{ heartbeatAt: { $lt: limit } }, { heartbeatAt: { $null: true }, createdAt: { $lt: limit } }],
        },
        select: ['id'],
      })) as Pick<JobRow, 'id'>[];
      let swept = 0;
      for (const job of stale) {
        const { count } = await jobs().updateMany({
          where: {
            id: job.id,
            state: { $in: ['queued', 'running'] },
            $or: [{ heartbeatAt: { $lt: limit } }, { heartbeatAt: { $null: true } }],
          },
          data: { state: 'failed', error: INTERRUPTED, finishedAt: now },
        });
        swept += count;
      }
      return swept;
    },

    /**
     * A node that stops (the plugin's destroy) marks the jobs it runs failed at once, so that no other node shows
     * them running until their heartbeat goes stale; they are started again by a new export. Their writers notice
     * at their next step and remove their temporary files.
     */
    async interrupt(): Promise<number> {
      const { count } = await jobs().updateMany({
        where: { node, state: { $in: ['queued', 'running'] } },
        data: { state: 'failed', error: INTERRUPTED, finishedAt: new Date() },
      });
      return count;
    },

    /**
     * Starts an export of the report; null when there is no such report. A job of the same report and file that is
     * still queued or running is returned instead of starting another.
     */
    async start(
      reportDocumentId: string,
      { format, list }: { format: ExportFormat; list: ListName | null },
      requestedByName: string | null
    ): Promise<ExportJobView | null> {
      await this.sweep();
      const report = await reports().findOne(reportDocumentId);
      if (!report) return null;
      const fileName = exportFileName(report.year, format, format === 'csv' ? (list ?? 'articles') : null);
      const active = (await jobs().findOne({
        where: { reportDocumentId, format, fileName, state: { $in: ['queued', 'running'] } },
        orderBy: { id: 'desc' },
      })) as JobRow | null;
      if (active) return view(active);
      const job = (await jobs().create({
        data: {
          reportDocumentId,
          format,
          state: 'queued',
          progress: 0,
          fileName,
          storedName: `${randomBytes(16).toString('hex')}.${format}`,
          requestedByName,
          heartbeatAt: new Date(),
          node,
        },
      })) as JobRow;
      const task = scheduled(job.id, () => run(job, report, format === 'csv' ? (list ?? 'articles') : null));
      running.add(task);
      task.finally(() => running.delete(task)).catch(() => undefined);
      return view(job);
    },

    /** The report's jobs, newest first. */
    async list(reportDocumentId: string): Promise<ExportJobView[]> {
      await this.sweep();
      const rows = (await jobs().findMany({
        where: { reportDocumentId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      })) as JobRow[];
      return rows.map(view);
    },

    async findOne(id: string): Promise<ExportJobView | null> {
      await this.sweep();
      const row = (await jobs().findOne({ where: { documentId: id } })) as JobRow | null;
      return row ? view(row) : null;
    },

    /** The finished file of a job, opened from the store; null unless the job is done and its file is there. */
    async file(
      id: string
    ): Promise<{ stream: Readable; fileName: string; size: number; mime: string } | null> {
      const row = (await jobs().findOne({ where: { documentId: id } })) as JobRow | null;
      if (!row || row.state !== 'done' || !row.storedName) return null;
      const storedName = path.posix.basename(row.storedName);
      const found = await privateStore(strapi).get(exportKey(storedName));
      if (!found) return null;
      return {
        stream: found.stream,
        fileName: row.fileName ?? storedName,
        size: found.size,
        mime: MIME[row.format],
      };
    },

    /** Resolves when the exports started by this process have finished (tests, shutdown). */
    async idle() {
      await Promise.allSettled([...running]);
    },

    /** The readable rows of a list, for benchmarks and tests. */
    listRows(which: ListName, from: Date, to: Date): AsyncIterable<ArticleListRow | FeedbackListRow> {
      return which === 'articles'
        ? rowsOf(articleChunks(from, to))
        : rowsOf(redactedChunks(feedbackChunks(from, to)));
    },
  };
};
