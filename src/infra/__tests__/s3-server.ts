/**
 * An S3-compatible server for tests: s3rver (npm), in this process, on a free port of 18100-18299, over a temp
 * folder, with the bucket created. Credentials are s3rver's own (S3RVER/S3RVER).
 */
import crypto from 'crypto';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { storageConfig, type S3Config } from '../storage/config';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

/**
 * s3rver 3.7.1 encrypts ListObjectsV2 continuation tokens with single DES ('des'), which OpenSSL 3 (Node 17+) only
 * has in its legacy provider, so a listing longer than a page fails with InternalError. 'des-ede3-cbc' with the key
 * three times is the same cipher, and is in the default provider.
 */
function desForS3rver() {
  type Factory = (algorithm: string, key: Buffer, iv: Buffer) => crypto.Cipher | crypto.Decipher;
  const patch = (name: 'createCipheriv' | 'createDecipheriv') => {
    const original = crypto[name] as unknown as Factory;
    if ((original as { des?: boolean }).des) return;
    const replacement = (algorithm: string, key: Buffer, iv: Buffer) =>
      algorithm === 'des'
        ? original('des-ede3-cbc', Buffer.concat([key, key, key]), iv)
        : original(algorithm, key, iv);
    (crypto as unknown as Record<string, unknown>)[name] = Object.assign(replacement, { des: true });
  };
  patch('createCipheriv');
  patch('createDecipheriv');
}

export interface TestS3 {
  config: S3Config;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3(bucket = 'test-bucket'): Promise<TestS3> {
  desForS3rver();
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  for (let attempt = 0; ; attempt++) {
    const port = 18100 + Math.floor(Math.random() * 200);
    const server = new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    try {
      await server.run();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 20) continue;
      throw error;
    }
    const env = {
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: `http://127.0.0.1:${port}/${bucket}/media`,
    };
    return {
      config: storageConfig(env)!,
      env,
      async stop() {
        await server.close();
        await fs.rm(directory, { recursive: true, force: true });
      },
    };
  }
}
