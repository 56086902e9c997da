/**
 * Private storage of citizens' attachments: outside `public/`, under names the server generates, never served
 * by the static file middleware. PRIVATE_UPLOAD_DIR (default .tmp/private-uploads, relative to the project).
 */
import { randomBytes } from 'crypto';
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';

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

export function privateFilePath(dir: string, name: string): string {
  return path.join(dir, path.basename(name));
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
 * the files and committing the feedback can leave behind.
 */
export async function sweepOrphans(
  dir: string,
  isReferenced: (names: string[]) => Promise<Set<string>>,
  minAgeMs: number
) {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const referenced = await isReferenced(names);
  let removed = 0;
  for (const name of names.filter((n) => !referenced.has(n))) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > minAgeMs) {
      await fs.rm(path.join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}
