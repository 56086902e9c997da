/**
 * The optional Redis connection shared by the response cache and the rate limiters. Without REDIS_URL everything
 * stays in process, which is right for a single node.
 */
import Redis from 'ioredis';

let client: Redis | null | undefined;

export function redisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}

/** Every key lives under REDIS_PREFIX, so that several deployments (or test runs) can share one server. */
export const redisPrefix = () => process.env.REDIS_PREFIX || 'tthc:';

/** One connection per process; null when REDIS_URL is not set. */
export function redis(): Redis | null {
  if (client === undefined) {
    const url = redisUrl();
    client = url ? new Redis(url, { keyPrefix: redisPrefix(), maxRetriesPerRequest: 2 }) : null;
  }
  return client;
}

export async function closeRedis() {
  if (client) await client.quit().catch(() => client?.disconnect());
  client = undefined;
}
