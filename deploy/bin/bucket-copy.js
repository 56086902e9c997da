#!/usr/bin/env node
/**
 * Copies a bucket to a local folder and back, streaming, with a manifest of every key's size and SHA-256.
 *
 *   node deploy/bin/bucket-copy.js download DIR [--prefix P ...]   bucket → DIR (DIR must be new or empty)
 *   node deploy/bin/bucket-copy.js check DIR                        checks DIR's files against its manifest
 *   node deploy/bin/bucket-copy.js upload DIR [--checked]           DIR → bucket, after `check` (unless --checked)
 *   node deploy/bin/bucket-copy.js verify DIR                       reads the bucket back against the manifest
 *
 * The bucket comes from S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and
 * S3_FORCE_PATH_STYLE, read by the app's own compiled rules (dist/src/infra/storage/config.js, in every release), as
 * the nodes read them (a different bucket for a restore: set S3_BUCKET to it).
 *
 * DIR/manifest.json lists the objects (key, size, sha256, content type, metadata); DIR/objects/<sha256> holds
 * their bytes, named by content: keys never become paths (no '..', no clash between `a` and `a/b`), and identical
 * files are kept once. Exit 0, 1 when a hash or an object is wrong, 2 for bad arguments.
 */
'use strict';

const { createHash, randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const { Transform } = require('stream');
const { pipeline } = require('stream/promises');
const {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} = require('@aws-sdk/client-s3');

const FORMAT = 'tthc-bucket-copy/1';
const CONCURRENCY = 4;

class Failure extends Error {}

/** The app's own reading of the S3_* variables and client options (checksums only when required), from dist/. */
function s3FromEnv(env = process.env) {
  let storage;
  try {
    storage = require(path.join(__dirname, '..', '..', 'dist', 'src', 'infra', 'storage', 'config.js'));
  } catch (error) {
    throw new Failure(
      `cannot load dist/src/infra/storage/config.js (${error.message}): run npm run build first`
    );
  }
  let config;
  try {
    config = storage.storageConfig(env);
  } catch (error) {
    throw new Failure(error.message);
  }
  if (!config) throw new Failure('S3_BUCKET is not set');
  return { client: new S3Client(storage.s3ClientOptions(config)), bucket: config.bucket };
}

/** Runs `work` on every item, `limit` at a time; the first error stops new work and is thrown. */
async function eachLimited(items, limit, work) {
  let next = 0;
  let failed = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed;
}

function progress(label) {
  let done = 0;
  let bytes = 0;
  let last = 0;
  return {
    tick(size) {
      done += 1;
      bytes += size;
      if (Date.now() - last > 2000) {
        last = Date.now();
        process.stderr.write(`${label}: ${done} objects, ${(bytes / 1048576).toFixed(1)} MB\n`);
      }
    },
    end() {
      process.stderr.write(`${label}: ${done} objects, ${(bytes / 1048576).toFixed(1)} MB, done\n`);
    },
  };
}

async function sha256OfFile(file) {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function* listKeys(client, bucket, prefix) {
  let ContinuationToken;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken })
    );
    for (const object of page.Contents ?? []) yield object;
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

async function download(dir, prefixes) {
  const { client, bucket } = s3FromEnv();
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Failure(`${dir} is not empty`);
  const objectsDir = path.join(dir, 'objects');
  fs.mkdirSync(objectsDir, { recursive: true, mode: 0o700 });

  const listed = [];
  for (const prefix of prefixes.length ? prefixes : ['']) {
    for await (const object of listKeys(client, bucket, prefix)) listed.push(object);
  }
  const entries = [];
  const mismatches = [];
  const bar = progress(`download s3://${bucket}`);
  await eachLimited(listed, CONCURRENCY, async ({ Key }) => {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const hash = createHash('sha256');
    const temp = path.join(objectsDir, `.partial-${randomBytes(8).toString('hex')}`);
    let size = 0;
    const hashing = new Transform({
      transform(chunk, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(answer.Body, hashing, fs.createWriteStream(temp, { mode: 0o600 }));
    const sha256 = hash.digest('hex');
    // The app records each private object's SHA-256 in its metadata: a copy that differs is caught here.
    const recorded = answer.Metadata?.sha256;
    if (recorded && recorded !== sha256) mismatches.push(`${Key}: stored sha256 ${recorded}, read ${sha256}`);
    fs.renameSync(temp, path.join(objectsDir, sha256));
    entries.push({
      key: Key,
      size,
      sha256,
      contentType: answer.ContentType || 'application/octet-stream',
      ...(answer.CacheControl ? { cacheControl: answer.CacheControl } : {}),
      ...(answer.ContentDisposition ? { contentDisposition: answer.ContentDisposition } : {}),
      metadata: answer.Metadata ?? {},
    });
    bar.tick(size);
  });
  bar.end();
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const manifest = {
    format: FORMAT,
    bucket,
    prefixes,
    createdAt: new Date().toISOString(),
    objects: entries,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`, {
    mode: 0o600,
  });
  if (mismatches.length)
    throw new Failure(`objects whose bytes differ from their recorded sha256:\n${mismatches.join('\n')}`);
  return entries.length;
}

function readManifest(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Failure(`${file} does not exist`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.format !== FORMAT || !Array.isArray(manifest.objects)) {
    throw new Failure(`${file} is not a ${FORMAT} manifest`);
  }
  return manifest;
}

/** Every file of DIR against the manifest, before anything is uploaded: a damaged backup restores nothing. */
async function check(dir) {
  const manifest = readManifest(dir);
  const bad = [];
  const hashes = [...new Set(manifest.objects.map((o) => o.sha256))];
  const check = progress('check local files');
  await eachLimited(hashes, CONCURRENCY, async (sha256) => {
    const file = path.join(dir, 'objects', sha256);
    const actual = fs.existsSync(file) ? await sha256OfFile(file) : 'missing';
    if (actual !== sha256) bad.push(`${sha256}: ${actual === 'missing' ? 'missing' : `reads ${actual}`}`);
    check.tick(0);
  });
  check.end();
  if (bad.length) throw new Failure(`the backup's files do not match its manifest:\n${bad.join('\n')}`);
  return manifest.objects.length;
}

async function upload(dir, checked) {
  if (!checked) await check(dir);
  const manifest = readManifest(dir);
  const { client, bucket } = s3FromEnv();
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (error?.$metadata?.httpStatusCode !== 404) throw error;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    process.stderr.write(
      `created bucket ${bucket} (give its media/ prefix public read access: docs/DEPLOYMENT.md)\n`
    );
  }
  const bar = progress(`upload s3://${bucket}`);
  await eachLimited(manifest.objects, CONCURRENCY, async (object) => {
    const file = path.join(dir, 'objects', object.sha256);
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: object.key,
        Body: fs.createReadStream(file),
        ContentLength: object.size,
        ContentType: object.contentType,
        CacheControl: object.cacheControl,
        ContentDisposition: object.contentDisposition,
        Metadata: object.metadata,
      })
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: object.key }));
    if (Number(head.ContentLength) !== object.size) {
      throw new Failure(`${object.key}: uploaded ${object.size} bytes, the store has ${head.ContentLength}`);
    }
    bar.tick(object.size);
  });
  bar.end();
  return manifest.objects.length;
}

async function verify(dir) {
  const manifest = readManifest(dir);
  const { client, bucket } = s3FromEnv();
  const bad = [];
  const bar = progress(`verify s3://${bucket}`);
  await eachLimited(manifest.objects, CONCURRENCY, async (object) => {
    let answer;
    try {
      answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.key }));
    } catch (error) {
      if (error?.$metadata?.httpStatusCode === 404) {
        bad.push(`${object.key}: missing`);
        return;
      }
      throw error;
    }
    const hash = createHash('sha256');
    await pipeline(answer.Body, hash);
    const sha256 = hash.digest('hex');
    if (sha256 !== object.sha256) bad.push(`${object.key}: sha256 ${sha256}, expected ${object.sha256}`);
    else if ((answer.ContentType || '') !== object.contentType) {
      bad.push(`${object.key}: content type ${answer.ContentType}, expected ${object.contentType}`);
    }
    bar.tick(object.size);
  });
  bar.end();
  if (bad.length) throw new Failure(`the bucket differs from the manifest:\n${bad.join('\n')}`);
  return manifest.objects.length;
}

async function main(argv) {
  const [command, dir, ...rest] = argv;
  const prefixes = [];
  let checked = false;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--prefix' && command === 'download' && rest[i + 1] !== undefined)
      prefixes.push(rest[++i]);
    else if (rest[i] === '--checked' && command === 'upload') checked = true;
    else return usage(`unexpected argument: ${rest[i]}`);
  }
  const commands = {
    download: () => download(target, prefixes),
    check: () => check(target),
    upload: () => upload(target, checked),
    verify: () => verify(target),
  };
  if (!dir || !Object.hasOwn(commands, command)) return usage();
  const target = path.resolve(dir);
  const count = await commands[command]();
  process.stdout.write(`${command}: ${count} objects ${command === 'download' ? 'to' : 'in'} ${target}\n`);
  return 0;
}

function usage(message) {
  if (message) process.stderr.write(`bucket-copy: ${message}\n`);
  process.stderr.write(
    'usage: bucket-copy.js download DIR [--prefix P ...] | check DIR | upload DIR [--checked] | verify DIR\n'
  );
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bucket-copy: ${error instanceof Failure ? '' : 'error: '}${error.message}\n`);
    process.exit(1);
  }
);
