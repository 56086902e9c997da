#!/usr/bin/env node
/**
 * `npm run storage:migrate [-- --dry-run] [--media]`
 * Copies the files a node kept on its disk into the bucket configured by S3_BUCKET (docs/ARCHITECTURE.md,
 * "Storage"): the private files (attachments at the top of PRIVATE_UPLOAD_DIR, annual-report-exports/*) to the
 * private prefix, and with --media the media library (public/uploads) to media/, rewriting the library rows' URLs
 * (files.url and formats) to S3_PUBLIC_URL. Idempotent: an object with the same size and the same SHA-256 (kept in
 * its metadata) is skipped. Every object is then read back and its SHA-256 compared. --dry-run lists only.
 * Exit codes: 0 done (or listed), 1 a copy failed or an object does not match, 2 bad arguments or configuration.
 * It runs the compiled stores (dist/src/infra/storage): `npm run build` (or `npx tsc -p tsconfig.json --outDir
 * dist`) first. Local files are copied, never removed.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');

const ROOT = path.join(__dirname, '..');
const USAGE = 'Usage: npm run storage:migrate -- [--dry-run] [--media]';

function parse(argv) {
  const options = { dryRun: false, media: false };
  for (const arg of argv) {
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--media') options.media = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

async function sha256(stream) {
  const hash = crypto.createHash('sha256');
  await pipeline(stream, hash);
  return hash.digest('hex');
}

/** .gitkeep and the like: not files of the app. */
const hidden = (key) => path.posix.basename(key).startsWith('.');

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The media library's rows, read and rewritten with knex on the app's own database configuration. */
function database() {
  const { env } = require('@strapi/utils');
  const { connection } = require(path.join(ROOT, 'dist', 'config', 'database.js')).default({ env });
  const postgres = connection.client === 'postgres';
  return require('knex')({
    ...connection,
    client: postgres ? 'pg' : 'better-sqlite3',
    ...(postgres ? { searchPath: [connection.connection.schema || 'public'] } : {}),
  });
}

const formatsOf = (row) => (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) || {};

/** files rows with a local URL (/uploads/…), with their URL, formats' URLs and provider moved to the bucket. */
function rewritten(row, publicUrl) {
  const move = (url) =>
    typeof url === 'string' && url.startsWith('/uploads/') ? publicUrl + url.slice(8) : url;
  const formats = formatsOf(row);
  for (const format of Object.values(formats)) if (format) format.url = move(format.url);
  return { url: move(row.url), formats: JSON.stringify(formats), provider: 'aws-s3' };
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  require('dotenv').config({ path: path.join(ROOT, '.env') });
  let storage;
  try {
    storage = require(path.join(ROOT, 'dist', 'src', 'infra', 'storage.js'));
  } catch (error) {
    console.error(`cannot load dist/src/infra/storage (${error.message}): run npm run build first`);
    return 2;
  }
  const { DiskStore, S3Store, MEDIA_PREFIX, privateUploadDir, storageConfig, uploadTempDir } = storage;
  let config;
  try {
    config = storageConfig(process.env);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (!config) {
    console.error('S3_BUCKET is not set: nothing to migrate to.');
    return 2;
  }
  if (options.media && !config.publicUrl) {
    console.error('--media needs S3_PUBLIC_URL: the media rows are rewritten to it.');
    return 2;
  }
  if (options.media) {
    // The rule the app's media provider applies (config/plugins.ts): S3_PUBLIC_URL serves the bucket's media/.
    try {
      require(path.join(ROOT, 'dist', 'src', 'infra', 'storage', 'config.js')).mediaBaseUrl(config.publicUrl);
    } catch (error) {
      console.error(error.message);
      return 2;
    }
  }

  const privateDisk = new DiskStore(privateUploadDir(ROOT));
  const privateBucket = new S3Store(config);
  const mediaDisk = new DiskStore(path.join(ROOT, 'public', 'uploads'));
  const mediaBucket = new S3Store(config, MEDIA_PREFIX);
  const db = options.media ? database() : null;
  const temp = uploadTempDir(ROOT);

  try {
    await privateBucket.ping();
    /** What to copy: [from, to, key, size, content type]. */
    const items = [];
    for (const prefix of ['', 'annual-report-exports/']) {
      for await (const object of privateDisk.list(prefix)) {
        if (!hidden(object.key)) items.push({ from: privateDisk, to: privateBucket, ...object });
      }
    }
    const mimes = new Map();
    let rows = [];
    if (db) {
      rows = await db('files').where('url', 'like', '/uploads/%').select('id', 'url', 'formats', 'mime');
      for (const row of rows) {
        mimes.set(path.posix.basename(row.url), row.mime);
        for (const format of Object.values(formatsOf(row))) {
          if (format?.url) mimes.set(path.posix.basename(format.url), format.mime || row.mime);
        }
      }
      for await (const object of mediaDisk.list('')) {
        if (hidden(object.key)) continue;
        items.push({ from: mediaDisk, to: mediaBucket, ...object, mime: mimes.get(object.key) });
      }
    }
    const totalBytes = items.reduce((sum, item) => sum + item.size, 0);
    console.log(
      `${items.length} file(s), ${mb(totalBytes)}, to bucket ${config.bucket}` +
        `${options.dryRun ? ' (dry run: nothing is copied)' : ''}`
    );

    let done = 0;
    let bytes = 0;
    let copied = 0;
    let failed = 0;
    const hashes = new Map();
    for (const item of items) {
      done += 1;
      bytes += item.size;
      const where = `${item.to.prefix}${item.key}`;
      const progress = `[${done}/${items.length}] ${mb(bytes)}/${mb(totalBytes)} ${where}`;
      try {
        const local = await item.from.get(item.key);
        if (!local) {
          console.log(`${progress}: gone meanwhile, skipped`);
          continue;
        }
        const hash = await sha256(local.stream);
        hashes.set(item, hash);
        const remote = await item.to.stat(item.key);
        if (remote && remote.size === item.size && remote.sha256 === hash) {
          console.log(`${progress}: already there`);
          continue;
        }
        if (options.dryRun) {
          console.log(`${progress}: to copy (${item.size} bytes)`);
          continue;
        }
        // put({ path }) moves its file: it gets a copy, and the original stays.
        fs.mkdirSync(temp, { recursive: true, mode: 0o700 });
        const copy = path.join(temp, `migrate-${crypto.randomBytes(8).toString('hex')}`);
        await pipeline((await item.from.get(item.key)).stream, fs.createWriteStream(copy, { mode: 0o600 }));
        try {
          await item.to.put(item.key, { path: copy }, item.mime);
        } finally {
          fs.rmSync(copy, { force: true });
        }
        copied += 1;
        console.log(`${progress}: copied (${item.size} bytes)`);
      } catch (error) {
        failed += 1;
        console.error(`${progress}: FAILED ${error.message}`);
      }
    }
    if (options.dryRun) {
      if (db) console.log(`${rows.length} media row(s) would point to ${config.publicUrl}`);
      return failed ? 1 : 0;
    }

    // Every object read back from the bucket, whether copied now or earlier.
    let mismatched = 0;
    for (const [item, hash] of hashes) {
      const remote = await item.to.get(item.key);
      const got = remote ? await sha256(remote.stream) : null;
      if (got !== hash) {
        mismatched += 1;
        console.error(`MISMATCH ${item.to.prefix}${item.key}: local ${hash}, bucket ${got ?? 'missing'}`);
      }
    }
    console.log(
      `${copied} copied, ${hashes.size - copied} already there, ${failed} failed; ` +
        `${hashes.size - mismatched}/${hashes.size} verified by SHA-256`
    );
    if (failed || mismatched) return 1;

    if (db) {
      // Only once every file is in the bucket: the rows then point to it, and the library deletes through it.
      await db.transaction(async (trx) => {
        for (const row of rows)
          await trx('files').where({ id: row.id }).update(rewritten(row, config.publicUrl));
      });
      console.log(`${rows.length} media row(s) now point to ${config.publicUrl}`);
    }
    return 0;
  } finally {
    await Promise.all([privateBucket.close(), mediaBucket.close(), db?.destroy()]);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
