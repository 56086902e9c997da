/**
 * Private files: citizens' and units' attachments under names the server generates, in the private store
 * (src/infra/storage: the disk outside `public/`, or the bucket's private prefix), never served but through the
 * authenticated routes that check who may read them (sendPrivateFile).
 */
import { randomBytes } from 'crypto';
import { createWriteStream } from 'fs';
import fs from 'fs/promises';
import path from 'path';
import { pipeline } from 'stream/promises';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { AcceptedAttachment } from '#domain/attachments';
import { contentDisposition } from '#domain/file-names';
import { runExclusively } from './job-lock';
import { JOB_RUNS_TABLE } from './models';
import { privateStore, type ObjectStore } from './storage';
import { privateUploadDir, uploadTempDir } from './storage/folders';

export { privateUploadDir, uploadTempDir };

/**
 * An attachment's key: its stored name, and never a path (a row cannot point outside the attachments, whatever its
 * stored name says).
 */
export const attachmentKey = (storedName: string) => path.posix.basename(storedName.replace(/\\/g, '/'));

/** Stores the bytes under a fresh random name and returns that name. */
export async function storePrivateFile(
  store: ObjectStore,
  bytes: Buffer,
  extension: string
): Promise<string> {
  const name = `${randomBytes(16).toString('hex')}${extension}`;
  await store.put(name, bytes);
  return name;
}

export async function removePrivateFiles(store: ObjectStore, names: string[]) {
  await store.delete(names.map(attachmentKey));
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
  store: ObjectStore,
  files: { attachment: AcceptedAttachment; originalName: string | null }[],
  record: (rows: StoredFileFields[]) => Promise<T>
): Promise<T> {
  const stored: string[] = [];
  try {
    for (const { attachment } of files) {
      stored.push(await storePrivateFile(store, attachment.bytes, attachment.extension));
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
    await removePrivateFiles(store, stored);
    throw error;
  }
}

/** A private file found in the store, open and ready to be sent. */
export interface ReadablePrivateFile {
  stream: Readable;
  mime: string;
  size: number;
  /** The stored name's extension, e.g. ".pdf": the download's name when the original one is unknown. */
  extension: string;
  originalName: string | null;
}

/** The file a row refers to (by its stored name), opened; null when the file is missing. */
export async function readablePrivateFile(
  store: ObjectStore,
  row: { storedName: string; mime: string; originalName: string | null }
): Promise<ReadablePrivateFile | null> {
  const found = await store.get(attachmentKey(row.storedName));
  if (!found) return null;
  return {
    stream: found.stream,
    mime: row.mime,
    size: found.size,
    extension: path.extname(row.storedName),
    originalName: row.originalName,
  };
}

/**
 * Sends a private file as a download: never rendered or sniffed by the browser (a sandbox without sources if it
 * were), and never kept by a cache, since it is personal data. Streamed through this route from the store, also
 * from a bucket, rather than redirected to a presigned URL: who may read it, these headers and the access log stay
 * in one place, a link cannot be passed on while it lasts, and the bucket's private prefix is never public.
 */
export function sendPrivateFile(ctx: Context, file: ReadablePrivateFile) {
  ctx.set('Content-Disposition', contentDisposition(file.originalName, `attachment${file.extension}`));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.set('Cache-Control', 'private, no-store');
  ctx.type = file.mime;
  ctx.length = file.size;
  ctx.body = file.stream;
}

/**
 * Runs `use` with a local copy of a private file (for code that needs a path, such as the media library's upload),
 * in this node's temp folder, registered as in flight so the temp sweep keeps it, and removed afterwards. Null when
 * the file is missing.
 */
export async function withLocalCopy<T>(
  store: ObjectStore,
  appRoot: string,
  storedName: string,
  use: (file: { path: string; size: number }) => Promise<T>
): Promise<T | null> {
  const found = await store.get(attachmentKey(storedName));
  if (!found) return null;
  const dir = uploadTempDir(appRoot);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `copy-${randomBytes(12).toString('hex')}${path.extname(storedName)}`);
  uploadsInFlight.add(file);
  try {
    await pipeline(found.stream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return await use({ path: file, size: found.size });
  } finally {
    await fs.rm(file, { force: true });
    uploadsInFlight.delete(file);
  }
}

/** A content type whose rows refer to private files by name, in one of its attributes. */
export interface PrivateFileOwner {
  uid: string;
  attribute: string;
  /** The store's folder of these files ('' for the top level, where the attachments are). */
  folder?: string;
  /** Only the rows matching this keep their file (e.g. an export job that is done). */
  where?: Record<string, unknown>;
}

const owners = new Map<string, PrivateFileOwner>();

/**
 * Every kind of private file (feedback attachments, unit submissions' attachments, annual-report exports) registers
 * its owner, so that the one orphan sweep keeps what any of them refers to.
 */
export function registerPrivateFileOwner(owner: PrivateFileOwner) {
  owners.set(`${owner.uid}.${owner.attribute}`, owner);
}

/** The folders the orphan sweep goes through: the top level and every owner's. */
const ownedFolders = () => [...new Set(['', ...[...owners.values()].map((owner) => owner.folder ?? '')])];

/** The names, among those given (in `folder`), that some registered owner's row refers to. */
export async function referencedPrivateFiles(
  strapi: Core.Strapi,
  names: string[],
  folder = ''
): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const owner of owners.values()) {
    const { uid, attribute, where } = owner;
    if (!names.length) break;
    if ((owner.folder ?? '') !== folder) continue;
    for (let i = 0; i < names.length; i += 500) {
      const rows = await strapi.db.query(uid as never).findMany({
        where: { ...where, [attribute]: { $in: names.slice(i, i + 500) } },
        select: [attribute],
      });
      for (const row of rows as Record<string, string>[]) referenced.add(row[attribute]);
    }
  }
  return referenced;
}

/**
 * Deletes the objects of `folder` ('' for the top level) that no database row refers to and that are older than
 * `minAgeMs`: what a crash between storing a file and committing its row can leave behind. A file younger than
 * that may belong to a request or an export in flight.
 */
export async function sweepOrphans(
  store: ObjectStore,
  isReferenced: (names: string[]) => Promise<Set<string>>,
  minAgeMs: number,
  folder = ''
) {
  const prefix = folder ? `${folder}/` : '';
  const old: string[] = [];
  for await (const object of store.list(prefix)) {
    if (Date.now() - object.modifiedAt.getTime() > minAgeMs) old.push(object.key.slice(prefix.length));
  }
  const referenced = await isReferenced(old);
  const orphans = old.filter((name) => !referenced.has(name));
  await store.delete(orphans.map((name) => prefix + name));
  return orphans.length;
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
 * The sweeps, at start and then every ORPHAN_SWEEP_MINUTES (default 10): on every node its own temporary uploads
 * (always on local disk: each node has its own); on one node at a time (job lock per interval) the private files,
 * in the shared store, that no registered owner's row refers to. Files
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
      let orphans = 0;
      for (const folder of ownedFolders()) {
        orphans += await sweepOrphans(
          privateStore(strapi),
          (names) => referencedPrivateFiles(strapi, names, folder),
          graceMs,
          folder
        );
      }
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
