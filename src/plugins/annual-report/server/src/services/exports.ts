/**
 * Export jobs of an annual report (DOCX, XLSX, CSV of a list), run in the background in this process.
 *
 * A job row is created `queued`, then `running` with `progress` and `heartbeatAt` updated as the writer goes; the
 * file is written under a temporary name (`<storedName>.part`) in the private directory and renamed on success, so
 * no half file is ever downloadable. A process that dies mid-way leaves a `running` row whose heartbeat stops: the
 * sweep (before listing, reading or starting jobs, and at start-up when the plugin's bootstrap calls it) marks every
 * job whose heartbeat is older than two minutes `failed` and removes its partial file. Failed jobs are retried by
 * starting a new export.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import fsp from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { privateUploadDir } from '#infra/private-files';
import { linkColumns } from '#infra/relation-queries';
import { day } from '#infra/stored-values';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import { profileDay, recipientsOf, type ReportMeta } from '../domain/document-format';
import { exportFileName, listOfFileName } from '../domain/export-files';
import type { Figures, Narrative } from '../domain/figures';
import {
  ARTICLE_COLUMNS,
  FEEDBACK_COLUMNS,
  writeCsv,
  type ArticleListRow,
  type FeedbackListRow,
  type ListName,
} from '../exports/csv';
import { writeDocx } from '../exports/docx';
import { writeXlsxInWorker } from '../exports/xlsx-in-worker';
import { UIDS } from '../permissions';
import { draftingUnitOf, profileOn } from './organization-profile';

export type ExportFormat = 'docx' | 'xlsx' | 'csv';
export const FORMATS: ExportFormat[] = ['docx', 'xlsx', 'csv'];
export const LISTS: ListName[] = ['articles', 'feedback'];

/** A running job whose heartbeat is older than this is taken for dead. */
export const STALE_MS = 2 * 60_000;
/** How often a running job refreshes its heartbeat even when its progress does not move. */
const HEARTBEAT_MS = 15_000;
const PAGE = 1000;
const INTERRUPTED = 'Quá trình xuất tệp bị gián đoạn (máy chủ đã dừng). Hãy xuất lại.';

interface JobRow {
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

interface ReportRow {
  documentId: string;
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  state: 'draft' | 'issued';
  snapshot: Figures | null;
  narrative: Narrative | null;
  number: string | null;
  recipients: string | null;
  issuedAt: string | null;
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

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Test hook (never in production): wait this long at each progress step, so a test can kill the process mid-way. */
const stepDelay = () =>
  process.env.NODE_ENV === 'production' ? 0 : Number(process.env.ANNUAL_REPORT_EXPORT_STEP_DELAY_MS || 0);

const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

type Raw = Record<string, unknown>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => strapi.db.query(UIDS.exportJob);
  const knex = () => strapi.db.connection;
  const exportDir = () => path.join(privateUploadDir(strapi.dirs.app.root), 'annual-report-exports');
  const node = `${os.hostname()}:${process.pid}`;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);

  async function loadReport(documentId: string): Promise<ReportRow | null> {
    const row = (await strapi.db.query(UIDS.report).findOne({ where: { documentId } })) as ReportRow | null;
    if (!row) return null;
    // JSON columns may come back as text when they were stored as a JSON string.
    const parsed = <T>(value: T | string | null): T | null =>
      typeof value === 'string' ? (JSON.parse(value) as T) : value;
    return { ...row, snapshot: parsed(row.snapshot), narrative: parsed(row.narrative) };
  }

  /** The published articles of the period (one row per document, the published row), by id. */
  async function* articleRows(from: Date, to: Date): AsyncGenerator<ArticleListRow> {
    const ARTICLE = 'api::article.article';
    const unit = link(ARTICLE, 'unit');
    const campaign = link(ARTICLE, 'campaign');
    const task = link(ARTICLE, 'planTask');
    let lastId = 0;
    for (;;) {
      const batch: Raw[] = await knex()(`${table(ARTICLE)} as a`)
        .leftJoin(`${unit.name} as lu`, `lu.${unit.from}`, 'a.id')
        .leftJoin(`${table('api::unit.unit')} as u`, 'u.id', `lu.${unit.to}`)
        .leftJoin(`${campaign.name} as lc`, `lc.${campaign.from}`, 'a.id')
        .leftJoin(`${table('api::campaign.campaign')} as c`, 'c.id', `lc.${campaign.to}`)
        .leftJoin(`${task.name} as lt`, `lt.${task.from}`, 'a.id')
        .leftJoin(`${table('api::plan-task.plan-task')} as t`, 't.id', `lt.${task.to}`)
        .where('a.published_at', '>=', from)
        .where('a.published_at', '<', to)
        .where('a.locale', 'vi')
        .where('a.id', '>', lastId)
        .orderBy('a.id', 'asc')
        .limit(PAGE)
        .select(
          'a.id',
          'a.document_id',
          'a.published_at',
          'a.title',
          'a.kind',
          'a.channel',
          'a.external_url',
          'u.name as unit_name',
          'c.title as campaign_title',
          't.code as task_code'
        );
      for (const r of batch) {
        yield {
          documentId: String(r.document_id),
          publishedAt: new Date(r.published_at as string),
          title: String(r.title ?? ''),
          kind: (r.kind as string) ?? null,
          channel: (r.channel as string) ?? null,
          unit: (r.unit_name as string) ?? null,
          campaign: (r.campaign_title as string) ?? null,
          task: (r.task_code as string) ?? null,
          externalUrl: (r.external_url as string) ?? null,
        };
      }
      if (batch.length < PAGE) return;
      lastId = Number(batch[batch.length - 1].id);
    }
  }

  /** The feedback received in the period, without personal data: the subject redacted with the row's own fields. */
  async function* feedbackRows(from: Date, to: Date): AsyncGenerator<FeedbackListRow> {
    let lastId = 0;
    for (;;) {
      const batch: Raw[] = await knex()(`${table('api::feedback.feedback')} as f`)
        .where('f.received_at', '>=', from)
        .where('f.received_at', '<', to)
        .where('f.id', '>', lastId)
        .orderBy('f.id', 'asc')
        .limit(PAGE)
        .select(
          'f.id',
          'f.document_id',
          'f.received_at',
          'f.channel',
          'f.kind',
          'f.subject',
          'f.state',
          'f.due_date',
          'f.answered_at',
          'f.on_time',
          'f.full_name',
          'f.address',
          'f.phone',
          'f.email'
        );
      for (const r of batch) {
        const submitter = {
          fullName: r.full_name as string | null,
          address: r.address as string | null,
          phone: r.phone as string | null,
          email: r.email as string | null,
        };
        yield {
          id: Number(r.id),
          documentId: String(r.document_id),
          receivedAt: new Date(r.received_at as string),
          channel: (r.channel as string) ?? null,
          kind: (r.kind as string) ?? null,
          subject: redactPersonalData(String(r.subject ?? ''), submitter),
          state: String(r.state),
          dueDate: day(r.due_date),
          answeredAt: r.answered_at ? new Date(r.answered_at as string) : null,
          onTime: r.on_time === null || r.on_time === undefined ? null : Boolean(r.on_time),
        };
      }
      if (batch.length < PAGE) return;
      lastId = Number(batch[batch.length - 1].id);
    }
  }

  /** Updates a running job; false when it is no longer running (swept meanwhile). */
  async function touch(id: number, data: Record<string, unknown>) {
    const { count } = await jobs().updateMany({
      where: { id, state: 'running' },
      data: { heartbeatAt: new Date(), ...data },
    });
    return count > 0;
  }

  async function run(job: JobRow, report: ReportRow, list: ListName | null) {
    const dir = exportDir();
    const storedName = job.storedName!;
    const part = path.join(dir, `${storedName}.part`);
    const final = path.join(dir, storedName);
    const timer = setInterval(() => {
      touch(job.id, {}).catch(() => undefined);
    }, HEARTBEAT_MS);
    timer.unref();
    let lastProgress = -1;
    let lastWrite = 0;
    const progress = async (value: number) => {
      const p = Math.max(1, Math.min(99, Math.round(value)));
      const delay = stepDelay();
      if (delay) await sleep(delay);
      if (p === lastProgress && Date.now() - lastWrite < 2000) return;
      lastProgress = p;
      lastWrite = Date.now();
      if (!(await touch(job.id, { progress: p }))) throw new Error('the job was marked failed meanwhile');
    };
    try {
      const started = await jobs().updateMany({
        where: { id: job.id, state: 'queued' },
        data: { state: 'running', startedAt: new Date(), heartbeatAt: new Date(), node, progress: 1 },
      });
      if (started.count === 0) return;
      await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
      const { timeZone } = await organizationSettings(strapi);
      const figures = report.snapshot;
      if (!figures) throw new Error('Báo cáo chưa có số liệu: hãy tính số liệu trước khi xuất.');
      const periodFrom = day(report.periodFrom)!;
      const periodTo = day(report.periodTo)!;
      const from = startOfLocalDay(periodFrom, timeZone);
      const to = startOfLocalDay(nextDay(periodTo), timeZone);
      await progress(5);

      if (job.format === 'docx') {
        // Printed date: the day the report was issued (today for a draft). Names, abbreviation, signer and place:
        // the profile in force at the end of the period, so a 2021 report keeps the 2021 names.
        const date = localDate(report.issuedAt ? new Date(report.issuedAt) : new Date(), timeZone);
        const profile = await profileOn(strapi, profileDay({ periodTo }));
        const draftingUnit = await draftingUnitOf(strapi);
        await progress(30);
        const meta: ReportMeta = {
          title: report.title,
          year: report.year,
          periodFrom,
          periodTo,
          number: report.number,
          recipients: recipientsOf(report.recipients, profile),
          date,
          state: report.state,
        };
        await writeDocx(
          {
            figures,
            narrative: report.narrative,
            report: meta,
            profile,
            draftingUnit: draftingUnit ?? profile.abbreviation,
          },
          part
        );
        await progress(90);
      } else if (job.format === 'xlsx') {
        // Progress: the figures' sheets to 20 %, then the lists by their share of the expected rows.
        const expected =
          Math.max(1, figures.articles.published) + Math.max(1, figures.feedback.received) || 1;
        let done = 0;
        let lastSheetRows = 0;
        let lastSheet = '';
        await writeXlsxInWorker(
          {
            figures,
            report: { title: report.title, year: report.year, periodFrom, periodTo },
            lists: { articles: articleRows(from, to), feedback: feedbackRows(from, to) },
            timeZone,
            onProgress: async ({ sheet, rows }) => {
              if (sheet !== lastSheet) lastSheetRows = 0;
              lastSheet = sheet;
              done += rows - lastSheetRows;
              lastSheetRows = rows;
              await progress(rows === 0 ? 10 : 20 + (75 * Math.min(done, expected)) / expected);
            },
          },
          part
        );
      } else {
        const which = list ?? 'articles';
        const expected = Math.max(
          1,
          which === 'articles' ? figures.articles.published : figures.feedback.received
        );
        const out = fs.createWriteStream(part, { mode: 0o600 });
        const closed = new Promise<void>((resolve, reject) => {
          out.on('close', resolve);
          out.on('error', reject);
        });
        try {
          const onRow = async (n: number) => {
            if (n % 500 === 0) await progress(5 + (90 * Math.min(n, expected)) / expected);
          };
          if (which === 'articles') await writeCsv(ARTICLE_COLUMNS, articleRows(from, to), out, onRow);
          else await writeCsv(FEEDBACK_COLUMNS, feedbackRows(from, to), out, onRow);
        } finally {
          out.end();
        }
        await closed;
      }

      await progress(95);
      await fsp.rename(part, final);
      const { size } = await fsp.stat(final);
      const { count } = await jobs().updateMany({
        where: { id: job.id, state: 'running' },
        data: { state: 'done', progress: 100, size, finishedAt: new Date(), heartbeatAt: new Date() },
      });
      if (count === 0) await fsp.rm(final, { force: true });
    } catch (error) {
      await fsp.rm(part, { force: true }).catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      strapi.log.error(`annual-report export ${job.documentId} failed: ${message}`);
      await jobs()
        .updateMany({
          where: { id: job.id, state: { $in: ['queued', 'running'] } },
          data: { state: 'failed', error: message.slice(0, 2000), finishedAt: new Date() },
        })
        .catch(() => undefined);
    } finally {
      clearInterval(timer);
    }
  }

  const running = new Set<Promise<void>>();

  return {
    /** Marks the jobs whose heartbeat stopped more than two minutes ago failed and removes their partial files. */
    async sweep(now = new Date()): Promise<number> {
      const limit = new Date(now.getTime() - STALE_MS);
      const stale = (await jobs().findMany({
        where: {
          state: { $in: ['queued', 'running'] },
          $or: [{ heartbeatAt: { $lt: limit } }, { heartbeatAt: { $null: true }, createdAt: { $lt: limit } }],
        },
        select: ['id', 'storedName'],
      })) as Pick<JobRow, 'id' | 'storedName'>[];
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
        if (count > 0 && job.storedName) {
          swept += 1;
          await fsp.rm(path.join(exportDir(), `${path.basename(job.storedName)}.part`), { force: true });
        }
      }
      return swept;
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
      const report = await loadReport(reportDocumentId);
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
      const task = run(job, report, format === 'csv' ? (list ?? 'articles') : null);
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

    /** The finished file of a job; null unless the job is done and its file is there. */
    async file(id: string): Promise<{ path: string; fileName: string; size: number; mime: string } | null> {
      const row = (await jobs().findOne({ where: { documentId: id } })) as JobRow | null;
      if (!row || row.state !== 'done' || !row.storedName) return null;
      const file = path.join(exportDir(), path.basename(row.storedName));
      const stat = await fsp.stat(file).catch(() => null);
      if (!stat?.isFile()) return null;
      return {
        path: file,
        fileName: row.fileName ?? path.basename(file),
        size: stat.size,
        mime: MIME[row.format],
      };
    },

    /** Resolves when the exports started by this process have finished (tests, shutdown). */
    async idle() {
      await Promise.allSettled([...running]);
    },

    /** The readable rows of a list, for benchmarks and tests. */
    listRows(which: ListName, from: Date, to: Date): AsyncIterable<ArticleListRow | FeedbackListRow> {
      return which === 'articles' ? articleRows(from, to) : feedbackRows(from, to);
    },
  };
};
