/**
 * `npm run storage:migrate` (scripts/storage-migrate.js) as an operator runs it, in a child process, on this file's
 * database and private folder, into an s3rver running in this process: the dry run lists and copies nothing, the
 * run copies the private files and the media library byte for byte and points the library's rows at S3_PUBLIC_URL,
 * a second run copies nothing, an object changed behind the script's back fails the verification, and bad
 * arguments or configuration stop it before it touches the bucket. public/uploads is the repository's shared media
 * folder: this file only reads it (and adds its own uploads through the media library).
 */
import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import request from 'supertest';
import { startS3, type TestS3 } from '../../src/infra/__tests__/s3-server';
import { s3ClientOptions } from '../../src/infra/storage/config';
import { ROOT } from '../setup/env';
import { png } from '../setup/files';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const SCRIPT = path.join(ROOT, 'scripts', 'storage-migrate.js');
const MEDIA_DIR = path.join(ROOT, 'public', 'uploads');
const EXPORTS = 'annual-report-exports';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

let s3: TestS3;
let client: S3Client;
let token: string;
/** The library's file this test uploads before the run (a PNG large enough to get a thumbnail format). */
let uploaded: Row;

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const hidden = (name: string) => name.startsWith('.');
const privateDir = () => process.env.PRIVATE_UPLOAD_DIR!;
const publicUrl = () => s3.env.S3_PUBLIC_URL;

/** Files directly in a folder (not hidden), by name. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !hidden(entry.name))
    .map((entry) => entry.name);
}

/** The private files the script should copy: the attachments at the top, the exports in their folder. */
const privateKeys = () => [
  ...filesIn(privateDir()),
  ...filesIn(path.join(privateDir(), EXPORTS)).map((name) => `${EXPORTS}/${name}`),
];
const privateFile = (key: string) => path.join(privateDir(), ...key.split('/'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the script with this test's environment (its database and private folder) and the bucket's S3_*
 * variables. Asynchronously: s3rver answers from this process's event loop.
 */
function migrate(args: string[], override: Record<string, string | undefined> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('S3_')) delete env[key];
  Object.assign(env, s3.env, { S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true' });
  // The SDK's notice on Node 20 (it will need 22 from 2027) would otherwise be all of stderr.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every object of the bucket: key → ETag and modification time. */
async function bucket(): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket, ContinuationToken }));
    for (const object of page.Contents ?? []) {
      objects.set(object.Key!, `${object.ETag} ${object.LastModified?.toISOString()}`);
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return objects;
}

async function objectBytes(key: string): Promise<Buffer> {
  const out = await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

/** The library's rows, with their formats parsed (a JSON string on SQLite, jsonb on PostgreSQL). */
async function fileRows(): Promise<Row[]> {
  const rows: Row[] = await app
    .strapi()
    .db.connection('files')
    .select('id', 'url', 'formats', 'provider')
    .orderBy('id');
  return rows.map((row) => ({
    ...row,
    formats: (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) ?? {},
  }));
}

async function uploadPng(name: string, width: number, height: number): Promise<Row> {
  const res = await request(app.server())
    .post('/upload')
    .set('Authorization', `Bearer ${token}`)
    .field('fileInfo', JSON.stringify({ name }))
    .attach('files', await png(width, height), { filename: name, contentType: 'image/png' });
  expect(res.status).toBe(201);
  return res.body[0];
}

beforeAll(async () => {
  s3 = await startS3('migrate-test');
  client = new S3Client(s3ClientOptions(s3.config));
  token = await adminLogin(app.server(), 'admin@demo.example');
  // The demo seeds no media library file: one through the library, as an editor would.
  uploaded = await uploadPng('so-do-quy-trinh.png', 400, 300);
  expect(uploaded.url).toMatch(/^\/uploads\/[^/]+\.png$/);
  expect(uploaded.formats?.thumbnail?.url).toMatch(/^\/uploads\/thumbnail_[^/]+\.png$/);
  // An annual-report export (in its folder) and a dotfile, which is not copied, next to the demo's attachments.
  fs.mkdirSync(path.join(privateDir(), EXPORTS), { recursive: true });
  fs.writeFileSync(path.join(privateDir(), EXPORTS, `${crypto.randomUUID()}.xlsx`), crypto.randomBytes(3000));
  fs.writeFileSync(path.join(privateDir(), '.keep'), '');
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

describe('npm run storage:migrate', () => {
  it('lists in a dry run what it would copy, and copies nothing', async () => {
    const keys = privateKeys();
    // The demo's attachments (unit submissions) and the export.
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const rowsBefore = await fileRows();

    const run = await migrate(['--dry-run', '--media']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(dry run: nothing is copied)');
    for (const key of keys) expect(run.stdout).toContain(`private/${key}: to copy`);
    expect(run.stdout).not.toContain('.keep');
    for (const url of [uploaded.url, uploaded.formats.thumbnail.url]) {
      expect(run.stdout).toContain(`media/${path.posix.basename(url)}: to copy`);
    }
    const local = rowsBefore.filter((row) => row.url.startsWith('/uploads/'));
    expect(local.length).toBeGreaterThanOrEqual(1);
    expect(run.stdout).toContain(`${local.length} media row(s) would point to ${publicUrl()}`);

    expect((await bucket()).size).toBe(0);
    expect(await fileRows()).toEqual(rowsBefore);
  });

  it('copies the private files and the media library, verifies them, and points the rows at the bucket', async () => {
    const keys = privateKeys();
    const privateHashes = new Map(keys.map((key) => [key, sha256(fs.readFileSync(privateFile(key)))]));
    const mediaHashes = new Map(
      filesIn(MEDIA_DIR).map((name) => [name, sha256(fs.readFileSync(path.join(MEDIA_DIR, name)))])
    );
    const local = (await fileRows()).filter((row) => row.url.startsWith('/uploads/'));

    const run = await migrate(['--media']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Progress: one numbered line per file.
    const total = Number(/^(\d+) file\(s\), [\d.]+ MB, to bucket migrate-test$/m.exec(run.stdout)?.[1]);
    expect(total).toBeGreaterThanOrEqual(keys.length + 2);
    expect(run.stdout).toMatch(new RegExp(`^\\[1/${total}\\] [\\d.]+ MB/[\\d.]+ MB `, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^\\[${total}/${total}\\] `, 'm'));
    for (const key of keys) expect(run.stdout).toContain(` private/${key}: copied (`);
    expect(run.stdout).toContain(`${total} copied, 0 already there, 0 failed; ${total}/${total} verified`);
    expect(run.stdout).toContain(`${local.length} media row(s) now point to ${publicUrl()}`);

    // Every private file under the private prefix, with the same bytes (and their SHA-256 in the metadata).
    const objects = await bucket();
    for (const [key, hash] of privateHashes) {
      expect(sha256(await objectBytes(`private/${key}`))).toBe(hash);
      const head = await client.send(
        new HeadObjectCommand({ Bucket: s3.config.bucket, Key: `private/${key}` })
      );
      expect(head.Metadata?.sha256).toBe(hash);
    }
    expect(objects.has('private/.keep')).toBe(false);
    // The media library under media/ (the files another test file may have removed meanwhile aside).
    for (const [name, hash] of mediaHashes) {
      if (!fs.existsSync(path.join(MEDIA_DIR, name))) continue;
      expect(sha256(await objectBytes(`media/${name}`))).toBe(hash);
    }
    const head = await client.send(
      new HeadObjectCommand({ Bucket: s3.config.bucket, Key: `media/${path.posix.basename(uploaded.url)}` })
    );
    expect(head.ContentType).toBe('image/png');
    expect([...objects.keys()].every((key) => /^(private|media)\//.test(key))).toBe(true);

    // The rows that had /uploads/ URLs now point at S3_PUBLIC_URL (file and formats), served from the bucket.
    const rows = await fileRows();
    for (const before of local) {
      const row = rows.find((r) => r.id === before.id)!;
      expect(row.url).toBe(`${publicUrl()}${before.url.slice('/uploads'.length)}`);
      expect(row.provider).toBe('aws-s3');
      for (const [format, value] of Object.entries(before.formats as Record<string, Row>)) {
        expect(row.formats[format].url).toBe(`${publicUrl()}${value.url.slice('/uploads'.length)}`);
      }
    }
    expect(rows.filter((row) => row.url.startsWith('/uploads/'))).toEqual([]);
    const mine = rows.find((row) => row.id === uploaded.id)!;
    const served = await fetch(mine.url);
    expect(served.status).toBe(200);
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(
      sha256(fs.readFileSync(path.join(MEDIA_DIR, path.posix.basename(uploaded.url))))
    );

    // Copied, never moved: the local files are all still there, unchanged; no temporary copy is left.
    for (const [key, hash] of privateHashes) expect(sha256(fs.readFileSync(privateFile(key)))).toBe(hash);
    for (const url of [uploaded.url, uploaded.formats.thumbnail.url]) {
      expect(fs.existsSync(path.join(MEDIA_DIR, path.posix.basename(url)))).toBe(true);
    }
    expect(filesIn(process.env.UPLOAD_TMP_DIR!).filter((name) => name.startsWith('migrate-'))).toEqual([]);
  });

  it('copies nothing the second time', async () => {
    const before = await bucket();
    const rows = await fileRows();

    const run = await migrate(['--media']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const total = Number(/^(\d+) file\(s\)/m.exec(run.stdout)?.[1]);
    expect(total).toBe(before.size);
    expect(run.stdout).not.toContain(': copied');
    expect(run.stdout).toContain(`0 copied, ${total} already there, 0 failed; ${total}/${total} verified`);
    expect(run.stdout).toContain(`0 media row(s) now point to ${publicUrl()}`);

    expect(await bucket()).toEqual(before);
    expect(await fileRows()).toEqual(rows);
  });

  it('fails the verification of an object changed in the bucket, naming it', async () => {
    const [key] = privateKeys();
    const original = fs.readFileSync(privateFile(key));
    const changed = Buffer.from(original.map((byte) => byte ^ 0xff));
    expect(changed.length).toBe(original.length);
    // Same size, and the SHA-256 of the original in its metadata: only reading it back can tell.
    await client.send(
      new PutObjectCommand({
        Bucket: s3.config.bucket,
        Key: `private/${key}`,
        Body: changed,
        ContentLength: changed.length,
        Metadata: { sha256: sha256(original) },
      })
    );

    const run = await migrate([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `MISMATCH private/${key}: local ${sha256(original)}, bucket ${sha256(changed)}`
    );
    expect(run.stderr.match(/MISMATCH/g)).toHaveLength(1);
    const total = privateKeys().length;
    expect(run.stdout).toContain(
      `0 copied, ${total} already there, 0 failed; ${total - 1}/${total} verified`
    );

    // Put back as the script wrote it, for what follows.
    await client.send(
      new PutObjectCommand({
        Bucket: s3.config.bucket,
        Key: `private/${key}`,
        Body: original,
        ContentLength: original.length,
        Metadata: { sha256: sha256(original) },
      })
    );
  });

  it('refuses bad arguments and a bad configuration without touching the bucket', async () => {
    // Something new to copy and a row to rewrite: a run that went ahead would show.
    fs.writeFileSync(path.join(privateDir(), `${crypto.randomUUID()}.pdf`), crypto.randomBytes(500));
    const added = await uploadPng('bieu-do.png', 8, 8);
    const before = await bucket();
    const rows = await fileRows();
    expect(rows.find((row) => row.id === added.id)?.url).toBe(added.url);

    const nope = await migrate(['--nope']);
    expect(nope.code).toBe(2);
    expect(nope.stderr).toContain('unknown argument --nope');
    expect(nope.stderr).toContain('Usage: npm run storage:migrate');

    const port = new URL(s3.env.S3_ENDPOINT).port;
    const outside = await migrate(['--media'], {
      S3_PUBLIC_URL: `http://127.0.0.1:${port}/${s3.config.bucket}`,
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('S3_PUBLIC_URL must end with /media');
    expect(outside.stdout).toBe('');

    const none = await migrate(['--media'], { S3_PUBLIC_URL: undefined });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--media needs S3_PUBLIC_URL');

    const noBucket = await migrate([], { S3_BUCKET: undefined });
    expect(noBucket.code).toBe(2);
    expect(noBucket.stderr).toContain('S3_BUCKET is not set');

    expect(await bucket()).toEqual(before);
    expect(await fileRows()).toEqual(rows);
  });
});
