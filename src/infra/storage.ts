/**
 * One mechanism for the private files (citizens' and units' attachments, annual-report exports): an object store
 * with two implementations, the local disk (one machine, the default) and an S3-compatible bucket (several nodes,
 * S3_BUCKET set). Keys are the paths relative to the private folder: `<storedName>` for attachments,
 * `annual-report-exports/<storedName>` for exports. docs/ARCHITECTURE.md, "Storage".
 */
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { privateUploadDir } from './storage/folders';
import { storageConfig, type S3Config } from './storage/config';
import { DiskStore } from './storage/disk';
import { S3Store } from './storage/s3';

export interface StoredObject {
  size: number;
  modifiedAt: Date;
  /** The content's SHA-256 (hex) when the store keeps it (S3: object metadata written by put). */
  sha256?: string;
}

export interface ObjectStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes, or a local file (moved or uploaded, then removed), under the key; replaces what was there. */
  put(key: string, body: Buffer | { path: string }, contentType?: string): Promise<void>;
  /** The object as a stream, or null when there is none. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  stat(key: string): Promise<StoredObject | null>;
  /** Deletes the objects; a missing one is not an error. */
  delete(keys: string[]): Promise<void>;
  /** The objects directly under the prefix (nothing in a deeper folder), in no particular order. */
  list(prefix: string): AsyncIterable<{ key: string } & StoredObject>;
  /** Resolves when the store can be reached (readiness). */
  ping(): Promise<void>;
  /** Releases the store's connections (S3). */
  close(): Promise<void>;
}

export { checkKey, MEDIA_PREFIX, StorageKeyError, storageConfig, type S3Config } from './storage/config';
export { DiskStore } from './storage/disk';
export { privateUploadDir, uploadTempDir } from './storage/folders';
export { S3Store } from './storage/s3';

/** A store for a configuration: the bucket's objects under `prefix`, or the folder `root` on disk. */
export function createStore(config: S3Config | null, root: string): ObjectStore {
  return config ? new S3Store(config) : new DiskStore(root);
}

const stores = new Map<string, ObjectStore>();

/**
 * The private files' store of this process: S3 when S3_BUCKET is set, the private upload folder otherwise. One per
 * configuration (tests change PRIVATE_UPLOAD_DIR between Strapi instances of one process), created on first use.
 */
export function privateStore(from: Core.Strapi | string): ObjectStore {
  const appRoot = typeof from === 'string' ? from : from.dirs.app.root;
  const config = storageConfig(process.env);
  const root = privateUploadDir(appRoot);
  const id = config ? `s3:${JSON.stringify(config)}` : `disk:${root}`;
  let store = stores.get(id);
  if (!store) {
    store = createStore(config, root);
    stores.set(id, store);
  }
  return store;
}

/** Closes every store of this process (the app's destroy). */
export async function closePrivateStores() {
  const all = [...stores.values()];
  stores.clear();
  await Promise.allSettled(all.map((store) => store.close()));
}
