/**
 * Nodes that die or are stopped: an export whose node is killed mid-way is not left running, and a node stopped
 * with SIGTERM finishes the request it is serving before it goes.
 */
import http from 'http';
import { PDF } from '../setup/files';
import { draftReport, finishedExport, within, type Row, type Session } from './helpers';
import { useCluster } from './use-cluster';

const STALE_SECONDS = 5;
// The sweep runs when jobs are read; reading every half second, a dead job is failed at most this much later.
const MARGIN_MS = 10_000;
// The orphan sweep (every 3 s, files older than 3 s) removes the file of a job that is not done.
const SWEEP_MINUTES = '0.05';

const cluster = useCluster({
  nodes: 2,
  basePort: 18500,
  env: {
    FEEDBACK_MIN_FILL_SECONDS: '0',
    EXPORT_STALE_SECONDS: String(STALE_SECONDS),
    ORPHAN_SWEEP_MINUTES: SWEEP_MINUTES,
    ORPHAN_SWEEP_GRACE_MINUTES: SWEEP_MINUTES,
    SHUTDOWN_TIMEOUT_SECONDS: '20',
  },
});
const nodeA = () => cluster().nodes[0];
const nodeB = () => cluster().nodes[1];

describe('an export whose node is killed mid-way', () => {
  it('is marked failed (or finished) by the other node once its heartbeat is stale, never left running', async () => {
    const adminA: Session = await cluster().admin(0);
    const adminB: Session = await cluster().admin(1);
    const report = await draftReport(adminA);
    // Warm up: a first export shows the path works, and compiles what an export loads.
    const first = await adminA.request('POST', `/annual-report/reports/${report.documentId}/exports`, {
      format: 'xlsx',
    });
    expect((await finishedExport(adminA, first.body.data.id)).state).toBe('done');

    // The object store hangs on the export's file: node A is writing it when it dies.
    const stall = cluster().s3.stall(
      (method: string, key: string) =>
        !['GET', 'HEAD'].includes(method) && key.includes('annual-report-exports/')
    );
    const started = await adminA.request('POST', `/annual-report/reports/${report.documentId}/exports`, {
      format: 'xlsx',
    });
    expect(started.status).toBe(202);
    const id = started.body.data.id;
    await stall.seen;
    const [running] = await cluster().db.query(
      'SELECT state, stored_name FROM annual_report_exports WHERE document_id = $1',
      [id]
    );
    expect(running.state).toBe('running');

    await nodeA().kill('SIGKILL');
    stall.release();

    const settled = (await within(STALE_SECONDS * 1000 + MARGIN_MS, async () => {
      const res = await adminB.request('GET', `/annual-report/exports/${id}`);
      return res.body.data?.state !== 'running' ? res.body.data : null;
    })) as Row | null;
    expect(settled).not.toBeNull();
    expect(['failed', 'done']).toContain(settled!.state);

    const download = await adminB.request('GET', `/annual-report/exports/${id}/download`);
    if (settled!.state === 'failed') {
      expect(download.status).toBe(404);
      // No file left behind: the upload A had sent in full still lands in the store after A died; the orphan
      // sweep removes the file of a job that is not done.
      const gone = await within(MARGIN_MS, async () => {
        const keys = await cluster().s3.listKeys('private/annual-report-exports/');
        return keys.some((key: string) => key.includes(running.stored_name)) ? null : true;
      });
      expect(gone).toBe(true);
    } else {
      expect(download.status).toBe(200);
    }

    // A retry on the surviving node succeeds.
    const retry = await adminB.request('POST', `/annual-report/reports/${report.documentId}/exports`, {
      format: 'xlsx',
    });
    expect((await finishedExport(adminB, retry.body.data.id)).state).toBe('done');
  });
});

/**
 * A multipart feedback sent slowly to `port`: the headers and the first half of the body now, the rest when
 * `finish()` is called; `response` resolves with the status and body.
 */
function slowFeedback(port: number, formToken: string) {
  const boundary = `----cluster${Date.now()}`;
  const data = {
    fullName: 'Trần Thị Bình',
    address: '2 Lê Lợi',
    email: 'binh@example.com',
    kind: 'other_issue',
    subject: `Gửi chậm ${Date.now()}`,
    content: 'Một yêu cầu đang được gửi khi máy chủ dừng.',
    consent: { processing: true, publishAnswer: false },
    formToken,
  };
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cham.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n'
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/feedbacks',
    agent: false,
    headers: {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': body.length,
      'X-Forwarded-For': '198.51.100.21',
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
  // A test that fails before finish() leaves the request to die with the cluster.
  response.catch(() => undefined);
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return {
    response,
    finish: () => req.end(body.subarray(half)),
  };
}

/** /_ready of a draining node: 503 `draining`, or no connection at all. */
async function readinessWhileDraining(url: string): Promise<string> {
  try {
    const res = await fetch(`${url}/_ready`, { signal: AbortSignal.timeout(3000) });
    const body = await res.json().catch(() => null);
    return `${res.status} ${body?.status}`;
  } catch {
    return 'refused';
  }
}

describe('a node stopped with SIGTERM', () => {
  it('finishes the request in flight, and is no longer ready meanwhile', async () => {
    // Both up, whatever the test before left.
    await Promise.all(
      cluster().nodes.map((n: { running(): boolean; start(): Promise<void> }) =>
        n.running() ? null : n.start()
      )
    );
    const node = nodeB();
    const form = await (
      await fetch(`${node.url}/api/feedbacks/form`, { headers: { 'X-Forwarded-For': '198.51.100.21' } })
    ).json();
    const upload = slowFeedback(node.port, form.data.formToken);
    // Let the node take the request in.
    await new Promise((r) => setTimeout(r, 500));

    const stopped = node.stop();
    await new Promise((r) => setTimeout(r, 1000));
    expect(node.running()).toBe(true);
    expect(['503 draining', 'refused']).toContain(await readinessWhileDraining(node.url));
    // nginx sends the new requests to A meanwhile.
    expect((await fetch(`${cluster().url}/_ready`)).status).toBe(200);

    upload.finish();
    const res = await upload.response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).data.trackingCode).toEqual(expect.any(String));
    const exit = await stopped;
    expect(exit).toMatchObject({ code: 0 });

    const [saved] = await cluster().db.query(
      `SELECT count(*)::int AS n FROM feedbacks WHERE subject LIKE 'Gửi chậm %'`
    );
    expect(saved.n).toBe(1);
    await node.start();
    expect((await fetch(`${node.url}/_ready`)).status).toBe(200);
  });
});
