/**
 * Issue 18: `/_ready`, the load balancer's probe, is public. Other methods, odd paths and junk queries change
 * nothing; a dependency that does not answer makes it 503 without telling why beyond the check's name. Behind
 * nginx (SERVER_PROXY=true) each citizen has their own rate limit; without it, a forged X-Forwarded-For buys none.
 */
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { startServerNode } from '../../setup/server-node';
import { useStrapi } from '../../setup/strapi';

overrideEnv({ FEEDBACK_LOOKUP_LIMIT: '2' });
const app = useStrapi();
const PORT = 18000 + ((process.pid + 50) % 100);

/** The statuses of a status lookup from each forwarded address in turn. */
async function lookups(base: string | import('http').Server, forwardedFor: string[]) {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const res = await request(base).get('/api/feedbacks/status/ABC123').set('X-Forwarded-For', address);
    statuses.push(res.status);
  }
  return statuses;
}

describe('/_ready against odd requests', () => {
  it.each([
    '/_READY',
    '/_Ready',
    '/_ready/',
    '/_ready?checks[$ne]=1&__proto__[polluted]=1',
    '/_ready?status=draining',
  ])('reads %s as the probe itself', async (path) => {
    const res = await request(app.server()).get(path);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['post', 'put', 'delete', 'patch'] as const)('refuses %s without acting on it', async (method) => {
    const res = await request(app.server())[method]('/_ready').send({ status: 'draining' });
    expect(res.status).toBe(405);
    // Still ready: nothing a caller sends can make the node drain.
    expect((await request(app.server()).get('/_ready')).body.status).toBe('ready');
  });

  it('ignores a chunked body on GET', async () => {
    const res = await request(app.server())
      .get('/_ready')
      .set('Transfer-Encoding', 'chunked')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ checks: { database: 'fail' } }));
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) expect(res.body.status).toBe('ready');
  });
});

describe('/_ready when a dependency is down', () => {
  it('answers 503 naming the failed check, with no error text, while the database check stays ok', async () => {
    // Nothing listens on port 1: Redis is unreachable for this node.
    await startServerNode(PORT, { REDIS_URL: 'redis://127.0.0.1:1' });
    const res = await request(`http://127.0.0.1:${PORT}`).get('/_ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unready',
      checks: { database: 'ok', redis: 'fail', storage: 'ok' },
    });
    // Liveness is another question: the process is alive.
    expect((await request(`http://127.0.0.1:${PORT}`).get('/_health')).status).toBe(204);
  }, 120_000);
});

describe('client addresses', () => {
  it('ignores X-Forwarded-For when not behind a proxy: forged addresses share one limit', async () => {
    const statuses = await lookups(app.server(), [
      '203.0.113.1',
      '203.0.113.2',
      '203.0.113.3',
      '203.0.113.4',
    ]);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it('behind the proxy (SERVER_PROXY=true) counts each citizen on their own', async () => {
    await startServerNode(PORT + 1, { SERVER_PROXY: 'true', FEEDBACK_LOOKUP_LIMIT: '2' });
    const base = `http://127.0.0.1:${PORT + 1}`;
    expect(
      await lookups(base, ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
    ).not.toContain(429);
    expect(await lookups(base, ['198.51.100.9', '198.51.100.9', '198.51.100.9'])).toContain(429);
  }, 120_000);
});
