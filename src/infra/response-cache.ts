/**
 * The response cache of public GETs. Entries are keyed by URL under a generation number per scope; any write
 * that can change what a scope shows bumps its generation, so every older entry stops being served at once.
 * In process by default; with REDIS_URL the entries and generations are shared, and each node re-reads the
 * generations every POLL_MS, so a change made on one node is seen by all within a second.
 */
import { LRUCache } from 'lru-cache';
import type Redis from 'ioredis';

export type CacheScope = 'content' | 'feedback' | 'survey';
export const CACHE_SCOPES: CacheScope[] = ['content', 'feedback', 'survey'];

export interface CachedResponse {
  status: number;
  type: string;
  /** Bytes, not text: a hit then sends them as they are, without encoding and measuring 40 KB of UTF-8 again. */
  body: Buffer;
  etag: string;
}

/** How an entry is stored in Redis. */
type StoredResponse = Omit<CachedResponse, 'body'> & { body: string };

export interface ResponseCacheOptions {
  enabled: boolean;
  ttlSeconds: number;
  maxBytes: number;
  redis: Redis | null;
  log?: (message: string) => void;
}

const POLL_MS = 500;
const GENERATION_KEY = (scope: CacheScope) => `rc:gen:${scope}`;
const ENTRY_KEY = (scope: CacheScope, generation: number, key: string) => `rc:${scope}:${generation}:${key}`;

export class ResponseCache {
  private readonly generations = new Map<CacheScope, number>(CACHE_SCOPES.map((s) => [s, 0]));
  private readonly memory: LRUCache<string, CachedResponse>;
  private poller?: NodeJS.Timeout;

  constructor(private readonly options: ResponseCacheOptions) {
    this.memory = new LRUCache<string, CachedResponse>({
      maxSize: options.maxBytes,
      sizeCalculation: (value, key) => value.body.length + key.length + 64,
      ttl: options.ttlSeconds * 1000,
    });
  }

  get enabled() {
    return this.options.enabled;
  }

  async start() {
    if (!this.options.redis) return;
    await this.pollGenerations();
    this.poller = setInterval(() => void this.pollGenerations(), POLL_MS);
    this.poller.unref();
  }

  stop() {
    if (this.poller) clearInterval(this.poller);
  }

  generation(scope: CacheScope): number {
    return this.generations.get(scope)!;
  }

  async get(scope: CacheScope, generation: number, key: string): Promise<CachedResponse | undefined> {
    if (!this.options.enabled) return undefined;
    const { redis } = this.options;
    if (!redis) return this.memory.get(ENTRY_KEY(scope, generation, key));
    try {
      const raw = await redis.get(ENTRY_KEY(scope, generation, key));
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as StoredResponse;
      return { ...stored, body: Buffer.from(stored.body) };
    } catch (error) {
      this.options.log?.(`response cache read failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores under the generation the request started with, so a response computed before a change is never filed after it. */
  async set(scope: CacheScope, generation: number, key: string, value: CachedResponse) {
    if (!this.options.enabled || value.body.length > this.options.maxBytes / 10) return;
    const { redis } = this.options;
    if (!redis) {
      this.memory.set(ENTRY_KEY(scope, generation, key), value);
      return;
    }
    try {
      await redis.set(
        ENTRY_KEY(scope, generation, key),
        JSON.stringify({ ...value, body: value.body.toString() } satisfies StoredResponse),
        'EX',
        this.options.ttlSeconds
      );
    } catch (error) {
      this.options.log?.(`response cache write failed: ${(error as Error).message}`);
    }
  }

  /** Makes every cached response of the scope stale, on this node at once and on the others within POLL_MS. */
  async invalidate(scope: CacheScope) {
    const { redis } = this.options;
    if (!redis) {
      this.generations.set(scope, this.generation(scope) + 1);
      return;
    }
    try {
      const next = await redis.incr(GENERATION_KEY(scope));
      this.generations.set(scope, Math.max(next, this.generation(scope)));
    } catch (error) {
      // Without Redis the other nodes cannot be told: stop serving this scope from the shared store here.
      this.generations.set(scope, this.generation(scope) + 1_000_000);
      this.options.log?.(`response cache invalidation failed: ${(error as Error).message}`);
    }
  }

  private async pollGenerations() {
    try {
      const values = await this.options.redis!.mget(CACHE_SCOPES.map(GENERATION_KEY));
      values.forEach((value, index) => {
        const scope = CACHE_SCOPES[index];
        if (value !== null && Number(value) > this.generation(scope))
          this.generations.set(scope, Number(value));
      });
    } catch (error) {
      this.options.log?.(`response cache generation poll failed: ${(error as Error).message}`);
    }
  }
}
