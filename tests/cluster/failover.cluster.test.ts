/**
 * Failover under load, and a rolling restart: public reads (autocannon) and citizens' feedback with attachments,
 * each with its own Idempotency-Key, go through nginx to two nodes (tests/cluster/load.js) while a node dies or
 * both restart in turn. The client retries a lost answer with the same key and body, as a website's form does.
 * Afterwards every submission is in the database exactly once, and the bucket holds no file no row refers to.
 */
import { useCluster } from './use-cluster';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startLoad, summary, LOAD_ENV } = require('./load');

interface KeyRecord {
  key: string;
  index: number;
  status: number | string | null;
  attempts: number;
}
interface Counts {
  marker: string;
  reads: { ok: number; failed: number; byStatus: Record<string, number>; failedAt: number[] };
  submissions: { sent: number; retried: number; succeeded: number; replayed: number; givenUp: number };
  keys: KeyRecord[];
}

// The sweep every 6 s, sparing files younger than 30 s: a file stored by a request still in flight is not an orphan.
const SWEEP_ENV = { ORPHAN_SWEEP_MINUTES: '0.1', ORPHAN_SWEEP_GRACE_MINUTES: '0.5' };
/** Where the private objects live in the bucket (the environment contract: S3_PREFIX, by default `private/`). */
const PRIVATE_PREFIX = 'private/';
const SUBMISSIONS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two nodes under load', () => {
  const cluster = useCluster({ nodes: 2, basePort: 18800, env: { ...LOAD_ENV, ...SWEEP_ENV } });

  /** How many feedback rows each submission of this run left, by its index. */
  async function rowsPerSubmission(marker: string): Promise<Map<number, number>> {
    const rows: { subject: string; n: string }[] = await cluster().db.query(
      'SELECT subject, count(*) AS n FROM feedbacks WHERE subject LIKE $1 GROUP BY subject',
      [`${marker} #%`]
    );
    return new Map(rows.map((r) => [Number(r.subject.split('#').pop()), Number(r.n)]));
  }

  /** Every submission the client sent landed exactly once; the lost and the duplicated are listed. */
  async function expectExactlyOnce(counts: Counts) {
    const rows = await rowsPerSubmission(counts.marker);
    const lost = counts.keys.filter((k) => !rows.has(k.index)).map((k) => `${k.key} (${k.status})`);
    const duplicated = [...rows].filter(([, n]) => n > 1).map(([index, n]) => `#${index} ×${n}`);
    const unknown = [...rows.keys()].filter((index) => !counts.keys.some((k) => k.index === index));
    expect({ lost, duplicated, unknown }).toEqual({ lost: [], duplicated: [], unknown: [] });
    expect(counts.submissions.givenUp).toBe(0);
    expect(counts.submissions.succeeded).toBe(counts.keys.length);
  }

  /** Private objects in the bucket (direct children: the exports live in a folder of their own). */
  async function privateObjects(): Promise<string[]> {
    const keys: string[] = await cluster().s3.listKeys(PRIVATE_PREFIX);
    return keys.map((key) => key.slice(PRIVATE_PREFIX.length)).filter((name) => !name.includes('/'));
  }

  async function storedNames(): Promise<Set<string>> {
    const rows: { stored_name: string }[] = await cluster().db.query(
      'SELECT stored_name FROM feedback_attachments'
    );
    return new Set(rows.map((r) => r.stored_name));
  }

  /** Waits for the sweep to remove every object no row refers to. */
  async function expectNoOrphans(timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const names = await storedNames();
      const orphans = (await privateObjects()).filter((name) => !names.has(name));
      if (orphans.length === 0 || Date.now() > deadline) {
        expect(orphans).toEqual([]);
        return;
      }
      await sleep(3000);
    }
  }

  /** The orphan files the nodes' sweeps removed so far, as they logged them. */
  const sweptOrphans = () =>
    cluster()
      .nodes.flatMap((node: { logLines(): string[] }) => node.logLines())
      .reduce(
        (sum: number, line: string) => sum + Number(/file sweep: (\d+) orphan/.exec(line)?.[1] ?? 0),
        0
      );

  /** Every attachment row's object is in the bucket: no file was lost either. */
  async function expectEveryFileStored(counts: Counts) {
    const rows: { stored_name: string }[] = await cluster().db.query(
      `SELECT a.stored_name FROM feedback_attachments a
         JOIN feedback_attachments_feedback_lnk l ON l.feedback_attachment_id = a.id
         JOIN feedbacks f ON f.id = l.feedback_id
        WHERE f.subject LIKE $1`,
      [`${counts.marker} #%`]
    );
    const objects = new Set(await privateObjects());
    expect(rows.length).toBe(counts.keys.length);
    expect(rows.map((r) => r.stored_name).filter((name) => !objects.has(name))).toEqual([]);
  }

  /** The counts, one line each. */
  const report = (title: string, counts: Counts, extra: Record<string, unknown> = {}) => {
    console.log(title);
    console.table({ ...summary(counts), ...extra });
  };

  it('loses no read and no submission when node A is killed with SIGKILL in the middle', async () => {
    const c = cluster();
    const load = startLoad({ url: c.url, submissions: SUBMISSIONS, concurrency: 8 });
    await load.whenSucceeded(SUBMISSIONS / 3);
    const atKill = load.progress();
    const killedAt = Date.now();
    await c.nodes[0].kill('SIGKILL');
    const counts: Counts = await load.done;

    const failedAfterKill = counts.reads.failedAt.filter((t) => t >= killedAt).length;
    await expectNoOrphans();
    report('failover under load (kill -9 of node A)', counts, {
      'succeeded before the kill': atKill.succeeded,
      'reads failed after the kill': failedAfterKill,
      // Files A had put in the bucket for requests whose transaction died with it.
      'orphan files swept': sweptOrphans(),
    });

    // The kill came in the middle of the load, and B carried the rest.
    expect(atKill.succeeded).toBeLessThan(SUBMISSIONS);
    expect(counts.reads.ok).toBeGreaterThan(atKill.readsOk);
    // nginx retries a GET that A did not answer on B (proxy_next_upstream), so no read fails, even in flight.
    expect(counts.reads.failed).toBe(0);
    await expectExactlyOnce(counts);
    await expectEveryFileStored(counts);
  });

  it('loses no request that the client does not retry in a rolling restart of both nodes', async () => {
    const c = cluster();
    if (!c.nodes[0].running()) await c.nodes[0].start();
    // A steady stream rather than a burst, so that submissions are in flight during each drain.
    const load = startLoad({
      url: c.url,
      submissions: SUBMISSIONS,
      concurrency: 6,
      ratePerSecond: 8,
      untilStopped: true,
    });
    const restarts: Record<string, string> = {};
    try {
      await load.whenSucceeded(20);
      for (const node of c.nodes) {
        const t0 = Date.now();
        // SIGTERM: the node stops accepting, finishes what it holds, and exits; then it comes back and is ready.
        const exit = await node.stop();
        await node.start();
        restarts[`node ${node.index}`] =
          `exit ${exit.signal ?? exit.code}, back in ${Math.round((Date.now() - t0) / 100) / 10} s`;
        // Back in nginx's rotation before the next one goes down: a node that failed sits out fail_timeout (10 s
        // in deploy/nginx), and with both out nginx would have no node to send a read to.
        await sleep(12_000);
      }
    } finally {
      load.stop();
    }
    const counts: Counts = await load.done;
    report('rolling restart under load', counts, restarts);

    expect(counts.keys.length).toBeGreaterThanOrEqual(SUBMISSIONS);
    expect(counts.reads.failed).toBe(0);
    await expectExactlyOnce(counts);
    await expectEveryFileStored(counts);
    await expectNoOrphans();
  });
});
