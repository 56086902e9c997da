/**
 * Issue 12, D10: a node killed with SIGKILL during concurrent uploads leaves partial temporary uploads (and can leave
 * private files whose row was never committed). After a restart, one sweep interval removes them all, and keeps
 * every file a row refers to.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { PDF } from '../../setup/files';
import { startServerNode } from '../../setup/server-node';
import { useStrapi } from '../../setup/strapi';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h3-crash-private-'));
const nodeTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'h3-crash-tmp-'));
overrideEnv({
  FEEDBACK_MIN_FILL_SECONDS: '0',
  FEEDBACK_SUBMIT_LIMIT: '1000',
  FEEDBACK_MAX_FILE_MB: '2',
  PRIVATE_UPLOAD_DIR: privateDir,
});

// This process's Strapi hands out the form tokens and reads the rows; the crashing node shares its database.
const app = useStrapi();
const PORT = 20000 + (process.pid % 20000);

const startNode = (env: Record<string, string>) =>
  startServerNode(PORT, { UPLOAD_TMP_DIR: nodeTemp, ...env });

const files = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bigPdf = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(1024 * 1024, 32), Buffer.from('\n%%EOF\n')]);

async function body(boundary: string) {
  const data = {
    fullName: 'Nguyễn Văn Sập',
    address: '1 Lý Thường Kiệt',
    email: 'sap@demo.example',
    kind: 'other_issue',
    subject: 'Thử khi máy sập',
    content: 'Nội dung.',
    consent: { processing: true },
    formToken: (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken,
  };
  const part = (name: string) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
          'Content-Type: application/pdf\r\n\r\n'
      ),
      bigPdf,
      Buffer.from('\r\n'),
    ]);
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`
    ),
    part('a.pdf'),
    part('b.pdf'),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

/** Sends the body; with `stallAt`, sends only that many bytes and never finishes (the node dies meanwhile). */
function post(bytes: Buffer, boundary: string, stallAt?: number) {
  const req = http.request({
    host: '127.0.0.1',
    port: PORT,
    method: 'POST',
    path: '/api/feedbacks',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': bytes.length },
  });
  req.on('error', () => undefined);
  req.on('response', (res) => res.resume());
  if (stallAt) req.write(bytes.subarray(0, stallAt));
  else req.end(bytes);
}

describe('D10: crash leftovers are swept on a schedule', () => {
  it('removes partial uploads and orphan private files within one sweep interval after a kill -9', async () => {
    const victim = await startNode({ ORPHAN_SWEEP_MINUTES: '60' });
    const bodies = await Promise.all(Array.from({ length: 30 }, (_, i) => body(`crash${i}`)));
    bodies.forEach((bytes, i) =>
      post(bytes, `crash${i}`, i % 2 ? undefined : Math.floor(bytes.length * 0.6))
    );
    // Half the uploads are stalled half-way: their partial files sit in the temporary folder.
    await until(() => files(nodeTemp).length >= 10, 30_000);
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));
    // What a crash between writing an attachment and committing its row leaves.
    const orphan = path.join(privateDir, 'deadbeefdeadbeefdeadbeefdeadbeef.pdf');
    fs.writeFileSync(orphan, bigPdf);
    expect(files(nodeTemp).length).toBeGreaterThanOrEqual(10);

    await startNode({ ORPHAN_SWEEP_MINUTES: '0.05', ORPHAN_SWEEP_GRACE_MINUTES: '0.01' });
    const stored = async () =>
      new Set(
        (
          (await app
            .strapi()
            .db.query('api::feedback.feedback-attachment')
            .findMany({ select: ['storedName'] })) as { storedName: string }[]
        ).map((row) => row.storedName)
      );
    // One interval (3 s) plus the grace, with room for a loaded machine.
    await until(async () => {
      const referenced = await stored();
      return files(nodeTemp).length === 0 && files(privateDir).every((name) => referenced.has(name));
    }, 20_000);
    expect(fs.existsSync(orphan)).toBe(false);
    const referenced = await stored();
    for (const name of referenced) expect(fs.existsSync(path.join(privateDir, name))).toBe(true);
  }, 150_000);
});
