/**
 * Two nodes sharing Redis: this Strapi instance and a second response cache standing for another node.
 * Runs when TEST_REDIS_URL is set (.ci/run sets it); the default `npm test` needs no Redis.
 */
import Redis from 'ioredis';
import request from 'supertest';
import { ResponseCache } from '../../src/infra/response-cache';
import { useStrapi } from '../setup/strapi';

const redisUrl = process.env.TEST_REDIS_URL;
if (redisUrl) {
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = `test:${process.env.TEST_RUN_ID}:${process.pid}:`;
}
const describeWithRedis = redisUrl ? describe : describe.skip;

async function within(ms: number, check: () => Promise<boolean> | boolean) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describeWithRedis('response cache shared through Redis', () => {
  const app = useStrapi();
  let otherNode: ResponseCache;
  let connection: Redis;

  beforeAll(async () => {
    connection = new Redis(redisUrl!, { keyPrefix: process.env.REDIS_PREFIX });
    otherNode = new ResponseCache({ enabled: true, ttlSeconds: 60, maxBytes: 1 << 24, redis: connection });
    await otherNode.start();
  });

  afterAll(async () => {
    otherNode.stop();
    await connection.quit();
    delete process.env.REDIS_URL;
  });

  it('shares cached responses between nodes', async () => {
    const url = '/api/legal-documents?pagination[pageSize]=2';
    const miss = await request(app.server()).get(url);
    expect(miss.headers['x-cache']).toBe('MISS');
    const shared = await otherNode.get('content', otherNode.generation('content'), url);
    expect(shared?.etag).toBe(miss.headers.etag);
  });

  it('invalidates every node within a second of a publication', async () => {
    const before = otherNode.generation('content');
    const strapi = app.strapi();
    const [doc] = await strapi
      .documents('api::legal-document.legal-document')
      .findMany({ status: 'published', limit: 1 });
    await strapi
      .documents('api::legal-document.legal-document')
      .publish({ documentId: doc.documentId, locale: 'vi' });
    expect(await within(1000, () => otherNode.generation('content') > before)).toBe(true);
  });

  it('lets another node invalidate this one within a second', async () => {
    const url = '/api/plans';
    await request(app.server()).get(url);
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('HIT');
    await otherNode.invalidate('content');
    expect(
      await within(1000, async () => (await request(app.server()).get(url)).headers['x-cache'] === 'MISS')
    ).toBe(true);
  });

  it('counts rate limits in Redis, where every node shares them', async () => {
    const raw = new Redis(redisUrl!);
    try {
      for (let i = 0; i < 2; i += 1) await request(app.server()).get('/api/feedbacks/status/AAAA');
      const keys = await raw.keys(`${process.env.REDIS_PREFIX}rl:feedback-lookup:*`);
      expect(keys).toHaveLength(1);
      expect(Number(await raw.get(keys[0]))).toBe(2);
    } finally {
      await raw.quit();
    }
  });
});
