/**
 * Issue 18: a node among several. `/_ready` tells a load balancer whether the node can serve; SIGTERM lets the
 * requests in flight finish while new connections are refused; a job claim held at shutdown is released at once.
 */
import http from 'http';
import request from 'supertest';
import { releaseClaims, runExclusively } from '../../src/infra/job-lock';
import { JOB_RUNS_TABLE } from '../../src/infra/models';
import { overrideEnv } from '../setup/env-override';
import { PDF } from '../setup/files';
import { startServerNode } from '../setup/server-node';
import { useStrapi } from '../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', SHUTDOWN_TIMEOUT_SECONDS: '20' });
const app = useStrapi();
const PORT = 18000 + (process.pid % 100);

describe('/_ready', () => {
  it('answers 200 with each dependency checked, never cached', async () => {
    const res = await request(app.server()).get('/_ready');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      status: 'ready',
      checks: {
        database: 'ok',
        redis: process.env.REDIS_URL ? 'ok' : 'off',
        storage: 'ok',
      },
    });
  });

  it('answers HEAD too, for balancers that probe with it', async () => {
    const res = await request(app.server()).head('/_ready');
    expect(res.status).toBe(200);
  });
});

describe('SIGTERM', () => {
  it('finishes an upload in flight, refuses new connections meanwhile, and exits cleanly', async () => {
    const node = await startServerNode(PORT);
    const formToken = (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken;
    const subject = `Gửi khi máy dừng ${Date.now()}`;
    const boundary = 'drain';
    const bytes = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify({
          fullName: 'Trần Thị Dừng',
          address: '2 Lê Lợi',
          email: 'dung@demo.example',
          kind: 'other_issue',
          subject,
          content: 'Nội dung gửi trong lúc máy chủ dừng.',
          consent: { processing: true },
          formToken,
        })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n'
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: PORT,
        method: 'POST',
        path: '/api/feedbacks',
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': bytes.length,
        },
      });
      req.on('error', reject);
      req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode!)));
      req.write(bytes.subarray(0, 200));
      // The rest comes after the node was told to stop.
      setTimeout(() => req.end(bytes.subarray(200)), 1500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => node.once('exit', resolve));
    node.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    const refused = await new Promise<string>((resolve) =>
      http
        .get({ host: '127.0.0.1', port: PORT, path: '/_health' }, (res) =>
          resolve(`status ${res.statusCode}`)
        )
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    );
    expect(refused).toBe('ECONNREFUSED');
    expect(await answer).toBe(201);
    expect(await exited).toBe(0);
    const rows = await app.strapi().db.query('api::feedback.feedback').findMany({ where: { subject } });
    expect(rows).toHaveLength(1);
  }, 120_000);
});

describe('job claims at shutdown', () => {
  it('marks a run still under way failed, so that another node claims it at once', async () => {
    const strapi = app.strapi();
    const key = `lifecycle-${Date.now()}`;
    let finishWork = () => undefined as void;
    const underWay = runExclusively(
      strapi,
      'lifecycle-test',
      key,
      () => new Promise<void>((r) => (finishWork = r))
    );
    await new Promise((r) => setTimeout(r, 100));
    const row = () =>
      strapi.db.connection(JOB_RUNS_TABLE).where({ job: 'lifecycle-test', run_key: key }).first();
    expect((await row()).status).toBe('running');

    await releaseClaims(strapi, Date.now());
    expect((await row()).status).toBe('failed');
    const again = await runExclusively(strapi, 'lifecycle-test', key, async () => 'taken over');
    expect(again).toEqual({ ran: true, result: 'taken over' });
    // The first run, ending late, does not overwrite the run that took over.
    finishWork();
    await underWay;
    expect(await row()).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('lets a run finish when it ends before the deadline', async () => {
    const strapi = app.strapi();
    const key = `lifecycle-done-${Date.now()}`;
    const run = runExclusively(strapi, 'lifecycle-test', key, () => new Promise((r) => setTimeout(r, 300)));
    await new Promise((r) => setTimeout(r, 50));
    await releaseClaims(strapi, Date.now() + 10_000);
    await run;
    const row = await strapi.db
      .connection(JOB_RUNS_TABLE)
      .where({ job: 'lifecycle-test', run_key: key })
      .first();
    expect(row.status).toBe('done');
  });
});
