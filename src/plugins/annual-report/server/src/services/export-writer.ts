/**
 * Writes an export job's file (DOCX, XLSX, or the CSV of a list) to this node's temp folder (`<storedName>.part`,
 * kept by the temp sweep while it is written) and puts it into the private store once complete, so no half file is
 * ever downloadable; moves the job from `queued` to `running` (with `progress` and `heartbeatAt` as the writer
 * goes) to `done`, or `failed` with the error. services/exports.ts starts the jobs and sweeps the dead ones.
 */
import fs from 'fs';
import fsp from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { uploadsInFlight, uploadTempDir } from '#infra/private-files';
import { privateStore } from '#infra/storage';
import { day } from '#infra/stored-values';
import { profileDay, recipientsOf, type ReportMeta } from '../domain/document-format';
import { exportKey } from '../domain/export-files';
import { nextDay } from '../domain/figures-rules';
import { ARTICLE_COLUMNS, FEEDBACK_COLUMNS, writeCsv, type ListName } from '../exports/csv';
import { writeDocxInWorker, writeXlsxInWorker } from '../exports/in-worker';
import { settingsOf } from '../config';
import { UIDS } from '../permissions';
import { exportRows, redactedChunks } from './export-rows';
import type { ExportFormat, JobRow } from './exports';
import { draftingUnitOf, profileOn } from './organization-profile';
import type { ReportDetail } from './reports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function exportWriter(
  strapi: Core.Strapi,
  { node, mime }: { node: string; mime: (format: ExportFormat) => string }
) {
  const jobs = () => strapi.db.query(UIDS.exportJob);
  const { articleChunks, feedbackChunks } = exportRows(strapi);

  /** Updates a running job; false when it is no longer running (swept meanwhile). */
  async function touch(id: number, data: Record<string, unknown>) {
    const { count } = await jobs().updateMany({
      where: { id, state: 'running' },
      data: { heartbeatAt: new Date(), ...data },
    });
    return count > 0;
  }

  async function run(job: JobRow, report: ReportDetail, list: ListName | null) {
    const folder = uploadTempDir(strapi.dirs.app.root);
    const storedName = job.storedName!;
    const part = path.join(folder, `${storedName}.part`);
    const key = exportKey(storedName);
    let lastProgress = -1;
    let lastWrite = 0;
    const progress = async (value: number) => {
      const p = Math.max(1, Math.min(99, Math.round(value)));
      const delay = settingsOf(strapi).exportStepDelayMs;
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
      await fsp.mkdir(folder, { recursive: true, mode: 0o700 });
      uploadsInFlight.add(part);
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
        await writeDocxInWorker(
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
            lists: { articles: articleChunks(from, to), feedback: feedbackChunks(from, to) },
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
          let reported = 0;
          const onChunk = async (n: number) => {
            if (n - reported < 500) return;
            reported = n;
            await progress(5 + (90 * Math.min(n, expected)) / expected);
          };
          if (which === 'articles') await writeCsv(ARTICLE_COLUMNS, articleChunks(from, to), out, onChunk);
          else await writeCsv(FEEDBACK_COLUMNS, redactedChunks(feedbackChunks(from, to)), out, onChunk);
        } finally {
          out.end();
        }
        await closed;
      }

      await progress(95);
      const { size } = await fsp.stat(part);
      await privateStore(strapi).put(key, { path: part }, mime(job.format));
      const { count } = await jobs().updateMany({
        where: { id: job.id, state: 'running' },
        data: { state: 'done', progress: 100, size, finishedAt: new Date(), heartbeatAt: new Date() },
      });
      // Marked failed meanwhile (swept, or this node stopping): the file goes with it.
      if (count === 0) await privateStore(strapi).delete([key]);
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
      uploadsInFlight.delete(part);
    }
  }

  return { run };
}
