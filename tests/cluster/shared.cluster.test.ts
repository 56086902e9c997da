/**
 * Two nodes on one database, one Redis and one bucket, behind nginx: what one node does, the other sees. The
 * cluster starts both nodes at the same moment on an empty database, which is the first check.
 */
import http from 'http';
import { PDF } from '../setup/files';
import {
  createStaffUser,
  draftReport,
  finishedExport,
  login,
  sleep,
  submitFeedback,
  within,
  type Row,
  type Session,
} from './helpers';
import { useCluster } from './use-cluster';

const cluster = useCluster({
  nodes: 2,
  basePort: 18300,
  env: { FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_LOOKUP_LIMIT: '4', FEEDBACK_LOOKUP_WINDOW_SECONDS: '600' },
});
const nodeA = () => cluster().nodes[0];
const nodeB = () => cluster().nodes[1];
const SCHEMA_CREATED = 'schema created on an empty database';

/** A request whose path is sent as written (no URL resolution of dots or slashes). */
const raw = (port: number, method: string, path: string) =>
  new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : PDF);
  });

const readiness = async (url: string) => {
  const res = await fetch(`${url}/_ready`);
  return { status: res.status, body: await res.json().catch(() => null) };
};

describe('two nodes started together on an empty database', () => {
  it('both come up, and only one of them created the schema', async () => {
    const created = cluster().nodes.map(
      (node: { logLines(): string[] }) =>
        node.logLines().filter((line) => line.includes(SCHEMA_CREATED)).length
    );
    expect(created.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    for (const node of cluster().nodes) {
      const ready = await readiness(node.url);
      expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect(ready.body.checks).toMatchObject({ database: 'ok', redis: 'ok', storage: 'ok' });
    }
    // nginx answers through them.
    expect((await fetch(`${cluster().url}/_health`)).status).toBe(204);
  });
});

describe('files in the object store', () => {
  it('serve a media upload made through A from B and through nginx', async () => {
    const adminA: Session = await cluster().admin(0);
    const body = new FormData();
    body.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'ke-hoach.pdf');
    const uploaded = await adminA.request('POST', '/upload', body);
    expect(uploaded.status).toBe(201);
    const [file] = uploaded.body as unknown as Row[];
    expect(file.url.startsWith(`${cluster().url}/media/`)).toBe(true);

    const adminB: Session = await cluster().admin(1);
    const seenByB = await adminB.request('GET', `/upload/files/${file.id}`);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body.url).toBe(file.url);

    const served = await fetch(file.url);
    expect(served.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), PDF)).toBe(0);
    const key = file.url.slice(`${cluster().url}/`.length);
    expect(await cluster().s3.listKeys('media/')).toContain(key);
  });

  it('let the Office download through B a feedback attachment sent through A', async () => {
    const subject = `Hồ sơ kèm theo ${Date.now()}`;
    const sent = await submitFeedback(nodeA().url, { ip: '198.51.100.11', subject });
    expect(sent.status).toBe(201);

    const office = await createStaffUser(cluster(), 'vanphong@cluster.test', 'office');
    const officeB = await login(nodeB().url, office.email, office.password);
    const list = await officeB.request('GET', '/feedback-register/feedbacks');
    const feedback = list.body.results.find((f: Row) => f.subject === subject);
    expect(feedback).toBeDefined();
    const detail = await officeB.request('GET', `/feedback-register/feedbacks/${feedback.documentId}`);
    const [attachment] = detail.body.data.attachments;

    const download = await officeB.request(
      'GET',
      `/feedback-register/attachments/${attachment.documentId}/download`
    );
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.buffer, PDF)).toBe(0);
    expect(download.headers.get('content-type')).toBe('application/pdf');

    const [row] = await cluster().db.query(
      'SELECT stored_name FROM feedback_attachments WHERE document_id = $1',
      [attachment.documentId]
    );
    expect(await cluster().s3.listKeys('private/')).toContain(`private/${row.stored_name}`);
    // Private objects are not under the public prefix nginx serves, whatever the path's disguise (sent raw: fetch
    // would resolve the dots itself), and nobody writes through it.
    const port = Number(new URL(cluster().url).port);
    const disguises = [
      `/media/../private/${row.stored_name}`,
      `/media/%2e%2e/private/${row.stored_name}`,
      `/media/..%2fprivate%2f${row.stored_name}`,
      `/media/%2E%2E%2Fprivate%2F${row.stored_name}`,
      `/MEDIA/../private/${row.stored_name}`,
      `//media//..//private/${row.stored_name}`,
      `/media/..\\private\\${row.stored_name}`,
    ];
    for (const path of disguises) {
      const answer = await raw(port, 'GET', path);
      expect({ path, leaked: answer.body.includes(PDF.subarray(0, 64)) }).toEqual({ path, leaked: false });
    }
    for (const method of ['PUT', 'POST', 'DELETE']) {
      expect({ method, status: (await raw(port, method, '/media/planted.pdf')).status }).toEqual({
        method,
        status: 405,
      });
    }
    expect(await cluster().s3.listKeys('media/planted')).toEqual([]);
  });

  it('let an export made on A be downloaded through B', async () => {
    const adminA: Session = await cluster().admin(0);
    const report = await draftReport(adminA);
    const started = await adminA.request('POST', `/annual-report/reports/${report.documentId}/exports`, {
      format: 'xlsx',
    });
    expect(started.status).toBe(202);
    const job = await finishedExport(adminA, started.body.data.id);
    expect(job).toMatchObject({ state: 'done', progress: 100 });

    const adminB: Session = await cluster().admin(1);
    const download = await adminB.request('GET', `/annual-report/exports/${job.id}/download`);
    expect(download.status).toBe(200);
    expect(download.buffer.length).toBe(job.size);
    expect(download.buffer.subarray(0, 2).toString()).toBe('PK');
    expect((await cluster().s3.listKeys('private/annual-report-exports/')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('state shared through Redis', () => {
  it('lets a publication on A invalidate B’s response cache within a second', async () => {
    const adminA: Session = await cluster().admin(0);
    const CM = '/content-manager/collection-types/api::legal-document.legal-document';
    const publish = async (symbol: string) => {
      const created = await adminA.request('POST', `${CM}?locale=vi`, {
        symbol,
        documentType: 'decision',
        title: `Quyết định ${symbol}`,
        issuer: 'Ủy ban nhân dân tỉnh',
      });
      expect(created.status).toBe(201);
      const published = await adminA.request(
        'POST',
        `${CM}/${created.body.data.documentId}/actions/publish?locale=vi`,
        {}
      );
      expect(published.status).toBe(200);
    };
    const listOnB = async () => {
      const res = await fetch(`${nodeB().url}/api/legal-documents?pagination[pageSize]=50`);
      const body = await res.json();
      return { cache: res.headers.get('x-cache'), symbols: body.data.map((d: Row) => d.symbol) as string[] };
    };

    await publish('01/2026/QĐ-UBND');
    // B serves the list from the cache (a later invalidation of the first publication may still arrive).
    expect(await within(5000, async () => (await listOnB()).cache === 'HIT')).toBe(true);
    expect((await listOnB()).symbols).toContain('01/2026/QĐ-UBND');

    await publish('02/2026/QĐ-UBND');
    const published = Date.now();
    const fresh = await within(1000, async () => (await listOnB()).symbols.includes('02/2026/QĐ-UBND'));
    expect({ seenWithinOneSecond: fresh, ms: Date.now() - published }).toMatchObject({
      seenWithinOneSecond: true,
    });
  });

  it('counts a client’s rate limit across both nodes', async () => {
    // FEEDBACK_LOOKUP_LIMIT=4: four lookups, alternating A and B, then both refuse.
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      const node = i % 2 === 0 ? nodeA() : nodeB();
      const res = await fetch(`${node.url}/api/feedbacks/status/AAAA-BBBB`, {
        headers: { 'X-Forwarded-For': '203.0.113.77' },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    // Another client is not affected: the nodes (SERVER_PROXY=true) count per X-Forwarded-For address.
    const other = await fetch(`${nodeB().url}/api/feedbacks/status/AAAA-BBBB`, {
      headers: { 'X-Forwarded-For': '203.0.113.78' },
    });
    expect(other.status).toBe(404);
    // Through nginx the address is the one nginx saw (here 127.0.0.1), whatever the client claims.
    const throughNginx = await fetch(`${cluster().url}/api/feedbacks/status/AAAA-BBBB`, {
      headers: { 'X-Forwarded-For': '203.0.113.77' },
    });
    expect(throughNginx.status).toBe(404);
  });
});

describe('scheduled jobs', () => {
  it('run the retention and the reminder digest once, though both nodes’ cron fire every second', async () => {
    // A feedback closed long ago: the retention anonymizes it and removes its attachment.
    const subject = `Hết hạn lưu trữ ${Date.now()}`;
    expect((await submitFeedback(nodeA().url, { ip: '198.51.100.12', subject })).status).toBe(201);
    const [due] = await cluster().db.query(
      `UPDATE feedbacks SET state = 'answered', closed_at = now() - interval '30 years'
       WHERE subject = $1 RETURNING document_id, id`,
      [subject]
    );
    const [file] = await cluster().db.query(
      `SELECT a.stored_name FROM feedback_attachments a
       JOIN feedback_attachments_feedback_lnk l ON l.feedback_attachment_id = a.id WHERE l.feedback_id = $1`,
      [due.id]
    );
    expect(await cluster().s3.listKeys('private/')).toContain(`private/${file.stored_name}`);

    // Both nodes restarted with the jobs due every second, as every node of a deployment has them.
    await Promise.all(cluster().nodes.map((node: { stop(): Promise<unknown> }) => node.stop()));
    for (const node of cluster().nodes) {
      Object.assign(node.env, {
        FEEDBACK_RETENTION_CRON: '* * * * * *',
        OVERSIGHT_REMINDER_CRON: '* * * * * *',
      });
    }
    await Promise.all(cluster().nodes.map((node: { start(): Promise<void> }) => node.start()));

    const runs = async () =>
      (await cluster().db.query(
        `SELECT job, run_key, status, attempts, pid FROM job_runs
         WHERE job IN ('feedback-retention', 'oversight-reminders') ORDER BY job`
      )) as Row[];
    expect(
      await within(30_000, async () => (await runs()).filter((r) => r.status === 'done').length === 2)
    ).toBe(true);
    // Several more seconds of both crons firing change nothing.
    await sleep(4000);
    const final = await runs();
    expect(final.map((r) => [r.job, r.status, r.attempts])).toEqual([
      ['feedback-retention', 'done', 1],
      ['oversight-reminders', 'done', 1],
    ]);
    const pids = cluster().nodes.map((node: { pid: number }) => node.pid);
    for (const run of final) expect(pids).toContain(run.pid);

    const events = await cluster().db.query(
      `SELECT count(*)::int AS n FROM feedback_events WHERE feedback_document_id = $1 AND action = 'anonymised'`,
      [due.document_id]
    );
    expect(events[0].n).toBe(1);
    const [row] = await cluster().db.query('SELECT full_name, anonymized_at FROM feedbacks WHERE id = $1', [
      due.id,
    ]);
    expect(row).toMatchObject({ full_name: null });
    expect(row.anonymized_at).not.toBeNull();
    expect(await cluster().s3.listKeys('private/')).not.toContain(`private/${file.stored_name}`);
  });
});
