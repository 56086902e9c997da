/**
 * Private storage of citizens' attachments: outside `public/`, under names the server generates, never served
 * by the static file middleware. PRIVATE_UPLOAD_DIR (default .tmp/private-uploads, relative to the project).
 */
import { randomBytes } from 'crypto';
import { createReadStream } from 'fs';
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { AcceptedAttachment } from '#domain/attachments';
import { contentDisposition } from '#domain/file-names';
import { runExclusively } from './job-lock';
import { JOB_RUNS_TABLE } from './models';

export function privateUploadDir(appRoot: string): string {
  return path.resolve(appRoot, process.env.PRIVATE_UPLOAD_DIR || path.join('.tmp', 'private-uploads'));
}

/**
 * Where multipart uploads are streamed while a request is parsed (UPLOAD_TMP_DIR, default .tmp/upload-tmp): one
 * folder of the project's own, so that what a crash leaves there can be found and swept.
 */
export function uploadTempDir(appRoot: string): string {
  return path.resolve(appRoot, process.env.UPLOAD_TMP_DIR || path.join('.tmp', 'upload-tmp'));
}

/** Writes the bytes under a fresh random name and returns that name. */
export async function storePrivateFile(dir: string, bytes: Buffer, extension: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${randomBytes(16).toString('hex')}${extension}`;
  await fs.writeFile(path.join(dir, name), bytes, { flag: 'wx', mode: 0o600 });
  return name;
}

export async function removePrivateFiles(dir: string, names: string[]) {
  await Promise.all(names.map((name) => fs.rm(path.join(dir, path.basename(name)), { force: true })));
}

/** What an attachment row keeps of its file, whatever it is attached to (a feedback, a submission). */
export interface StoredFileFields {
  originalName: string | null;
  storedName: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
}

/**
 * Attachments all or nothing: every file is written first under a new name, then `record` stores their rows
 * (given in the files' order); if anything fails, the files written are removed again.
 */
export async function storeAttachments<T>(
  dir: string,
  files: { attachment: AcceptedAttachment; originalName: string | null }[],
  record: (rows: StoredFileFields[]) => Promise<T>
): Promise<T> {
  const stored: string[] = [];
  try {
    for (const { attachment } of files) {
      stored.push(await storePrivateFile(dir, attachment.bytes, attachment.extension));
    }
    return await record(
      files.map(({ attachment, originalName }, index) => ({
        originalName,
        storedName: stored[index],
        kind: attachment.kind,
        mime: attachment.mime,
        size: attachment.size,
        sha256: attachment.sha256,
      }))
    );
  } catch (error) {
    await removePrivateFiles(dir, stored);
    throw error;
  }
}

export function privateFilePath(dir: string, name: string): string {
  return path.join(dir, path.basename(name));
}

/** A private file found on disk, ready to be sent. */
export interface ReadablePrivateFile {
  path: string;
  mime: string;
  size: number;
  /** The stored name's extension, e.g. ".pdf": the download's name when the original one is unknown. */
  extension: string;
  originalName: string | null;
}

/** The file a row refers to (by its stored name), or null when the file is missing. */
export async function readablePrivateFile(
  dir: string,
  row: { storedName: string; mime: string; originalName: string | null }
): Promise<ReadablePrivateFile | null> {
  const file = privateFilePath(dir, row.storedName);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  return {
    path: file,
    mime: row.mime,
    size: stat.size,
    extension: path.extname(row.storedName),
    originalName: row.originalName,
  };
}

/**
 * Sends a private file as a download: never rendered or sniffed by the browser (a sandbox without sources if it
 * were), and never kept by a cache, since it is personal data.
 */
export function sendPrivateFile(ctx: Context, file: ReadablePrivateFile) {
  ctx.set('Content-Disposition', contentDisposition(file.originalName, `attachment${file.extension}`));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.set('Cache-Control', 'private, no-store');
  ctx.type = file.mime;
  ctx.length = file.size;
  ctx.body = createReadStream(file.path);
}

/** A content type whose rows refer to private files by name, in one of its attributes. */
export interface PrivateFileOwner {
  uid: string;
  attribute: string;
}

const owners = new Map<string, PrivateFileOwner>();

/**
 * Every kind of private file (feedback attachments, unit submissions' attachments) registers its owner, so that
 * the one orphan sweep keeps what any of them refers to.
 */
export function registerPrivateFileOwner(owner: PrivateFileOwner) {
  owners.set(`${owner.uid}.${owner.attribute}`, owner);
}

/** The names, among those given, that some registered owner's row refers to. */
export async function referencedPrivateFiles(strapi: Core.Strapi, names: string[]): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const { uid, attribute } of owners.values()) {
    for (let i = 0; i < names.length; i += 500) {
      const rows = await strapi.db.query(uid as never).findMany({
        where: { [attribute]: { $in: names.slice(i, i + 500) } },
        select: [attribute],
      });
      for (const row of rows as Record<string, string>[]) referenced.add(row[attribute]);
    }
  }
  return referenced;
}

/**
 * Deletes files that no database row refers to and that are older than `minAgeMs`: what a crash between writing
 * the files and committing the row can leave behind. A file younger than that may belong to a submission in flight.
 */
export async function sweepOrphans(
  dir: string,
  isReferenced: (names: string[]) => Promise<Set<string>>,
  minAgeMs: number
) {
  let names: string[];
  try {
    names = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return 0;
  }
  const old = await olderThan(dir, names, minAgeMs);
  const referenced = await isReferenced(old);
  let removed = 0;
  for (const name of old.filter((n) => !referenced.has(n))) {
    await fs.rm(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

async function olderThan(dir: string, names: string[], minAgeMs: number): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > minAgeMs) found.push(name);
  }
  return found;
}

/** Temporary uploads of the requests this process is reading or handling now: never swept. */
export const uploadsInFlight = new Set<string>();

/** Deletes temporary uploads older than `minAgeMs` that no request of this process holds (a crash's leftovers). */
export async function sweepTempUploads(dir: string, minAgeMs: number) {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const old = (await olderThan(dir, names, minAgeMs)).filter((n) => !uploadsInFlight.has(path.join(dir, n)));
  await Promise.all(old.map((name) => fs.rm(path.join(dir, name), { force: true })));
  return old.length;
}

const SWEEP_JOB = 'private-file-sweep';

/**
 * The sweeps, at start and then every ORPHAN_SWEEP_MINUTES (default 10): on every node its own temporary uploads;
 * on one node at a time (job lock per interval) the private files no registered owner's row refers to. Files
 * written less than ORPHAN_SWEEP_GRACE_MINUTES ago (default 10) are kept: they may belong to a request in flight.
 * Returns the function that stops them (and waits for a sweep under way, so that it does not outlive the database).
 */
export function startFileSweeps(strapi: Core.Strapi): () => Promise<void> {
  const everyMs = Math.max(Number(process.env.ORPHAN_SWEEP_MINUTES ?? 10), 0.01) * 60_000;
  const graceMs = Math.max(Number(process.env.ORPHAN_SWEEP_GRACE_MINUTES ?? 10), 0) * 60_000;
  const appRoot = strapi.dirs.app.root;
  let running: Promise<void> | null = null;

  const sweep = async () => {
    const temp = await sweepTempUploads(uploadTempDir(appRoot), graceMs);
    const slot = new Date(Math.floor(Date.now() / everyMs) * everyMs);
    const outcome = await runExclusively(strapi, SWEEP_JOB, slot.toISOString(), async () => {
      const orphans = await sweepOrphans(
        privateUploadDir(appRoot),
        (names) => referencedPrivateFiles(strapi, names),
        graceMs
      );
      // One row per interval is enough history.
      await strapi.db
        .connection(JOB_RUNS_TABLE)
        .where({ job: SWEEP_JOB })
        .where('started_at', '<', new Date(slot.getTime() - 24 * 60 * 60 * 1000))
        .del();
      return { orphans };
    });
    const orphans = outcome.ran ? outcome.result.orphans : 0;
    if (temp || orphans)
      strapi.log.info(`file sweep: ${orphans} orphan private files, ${temp} temporary uploads`);
  };
  const tick = () => {
    running ??= sweep()
      .catch((error) => {
        strapi.log.error(`file sweep failed: ${(error as Error).message}`);
      })
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
