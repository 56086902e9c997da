/**
 * The object store on the local disk: keys are paths under `root`. Files 0600, folders 0700; a put writes a
 * temporary file in the same folder and renames it, so a reader never sees half a file.
 */
import { randomBytes } from 'crypto';
import fs from 'fs/promises';
import path from 'path';
import { checkKey, checkPrefix } from './config';
import type { ObjectStore } from '../storage';

const missing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

export class DiskStore implements ObjectStore {
  readonly kind = 'disk' as const;

  constructor(readonly root: string) {}

  private file(key: string) {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Buffer | { path: string }) {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (Buffer.isBuffer(body)) {
        await fs.writeFile(temp, body, { flag: 'wx', mode: 0o600 });
        await fs.rename(temp, file);
        return;
      }
      await fs.chmod(body.path, 0o600);
      try {
        await fs.rename(body.path, file);
      } catch (error) {
        // Another file system (e.g. a temp folder on another disk): copy, then remove the source.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await fs.copyFile(body.path, temp);
        await fs.chmod(temp, 0o600);
        await fs.rename(temp, file);
        await fs.rm(body.path, { force: true });
      }
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string) {
    const file = this.file(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    return { stream: handle.createReadStream(), size: stat.size };
  }

  async stat(key: string) {
    const stat = await fs.stat(this.file(key)).catch((error) => {
      if (missing(error)) return null;
      throw error;
    });
    return stat?.isFile() ? { size: stat.size, modifiedAt: stat.mtime } : null;
  }

  async delete(keys: string[]) {
    const files = keys.map((key) => this.file(key));
    await Promise.all(files.map((file) => fs.rm(file, { force: true })));
  }

  async *list(prefix: string) {
    checkPrefix(prefix);
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const start = prefix.slice(folder.length);
    const dir = folder ? path.join(this.root, ...folder.slice(0, -1).split('/')) : this.root;
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (missing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.startsWith(start)) continue;
      const stat = await fs.stat(path.join(dir, entry.name)).catch(() => null);
      if (stat?.isFile()) yield { key: folder + entry.name, size: stat.size, modifiedAt: stat.mtime };
    }
  }

  async ping() {
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    await fs.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
  }

  async close() {}
}
