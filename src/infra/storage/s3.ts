/**
 * The object store in an S3-compatible bucket (@aws-sdk/client-s3): keys under the configured prefix (S3_PREFIX,
 * `private/` by default). Every put records the content's SHA-256 in the object's metadata, so that copies
 * (npm run storage:migrate) and backups can be verified without downloading.
 */
import { createHash } from 'crypto';
import { createReadStream } from 'fs';
import fs from 'fs/promises';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { checkKey, checkPrefix, s3ClientOptions, type S3Config } from './config';
import type { ObjectStore } from '../storage';

/** A missing object (GET answers NoSuchKey, HEAD a bare 404); a missing bucket is an error, not an absence. */
function notFound(error: unknown) {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchBucket') return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

async function sha256Of(file: string) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export class S3Store implements ObjectStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;

  /** `prefix` defaults to the configured one (private files); the migration uses `media/` for the library. */
  constructor(config: S3Config, prefix = config.prefix) {
    this.client = new S3Client(s3ClientOptions(config));
    this.bucket = config.bucket;
    this.prefix = prefix;
  }

  private key(key: string) {
    return this.prefix + checkKey(key);
  }

  async put(key: string, body: Buffer | { path: string }, contentType?: string) {
    const Key = this.key(key);
    const common = { Bucket: this.bucket, Key, ContentType: contentType ?? 'application/octet-stream' };
    if (Buffer.isBuffer(body)) {
      const sha256 = createHash('sha256').update(body).digest('hex');
      await this.client.send(
        new PutObjectCommand({ ...common, Body: body, ContentLength: body.length, Metadata: { sha256 } })
      );
      return;
    }
    // One streamed PUT (up to 5 GB) with its length known: no multipart bookkeeping, nothing held in memory.
    const { size } = await fs.stat(body.path);
    const sha256 = await sha256Of(body.path);
    await this.client.send(
      new PutObjectCommand({
        ...common,
        Body: createReadStream(body.path),
        ContentLength: size,
        Metadata: { sha256 },
      })
    );
    await fs.rm(body.path, { force: true });
  }

  async get(key: string) {
    const Key = this.key(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      return { stream: out.Body as Readable, size: Number(out.ContentLength ?? 0) };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async stat(key: string) {
    const Key = this.key(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return {
        size: Number(out.ContentLength ?? 0),
        modifiedAt: out.LastModified ?? new Date(0),
        ...(out.Metadata?.sha256 ? { sha256: out.Metadata.sha256 } : {}),
      };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  /**
   * One DeleteObject per key, a few at a time: DeleteObjects requires a checksum header (Content-MD5, or CRC32 in
   * recent SDKs), which is exactly what several S3-compatible stores disagree on; deletes here are few.
   */
  async delete(keys: string[]) {
    const all = keys.map((key) => this.key(key));
    for (let i = 0; i < all.length; i += 8) {
      await Promise.all(
        all
          .slice(i, i + 8)
          .map((Key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })))
      );
    }
  }

  async *list(prefix: string) {
    const Prefix = this.prefix + checkPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix, Delimiter: '/', ContinuationToken })
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield {
          key: object.Key.slice(this.prefix.length),
          size: Number(object.Size ?? 0),
          modifiedAt: object.LastModified ?? new Date(0),
        };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async ping() {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async close() {
    this.client.destroy();
  }
}
