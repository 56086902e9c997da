/**
 * Per-client-IP limits of the public intake routes. In memory by default; with REDIS_URL the counters are shared
 * by every node (and fall back to memory while Redis is unreachable, rather than failing open for everyone).
 */
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { redis } from './redis';

export type LimitName = 'feedback-submit' | 'feedback-lookup' | 'survey-submit';

const settings: Record<LimitName, { points: string; window: string; defaults: [number, number] }> = {
  'feedback-submit': {
    points: 'FEEDBACK_SUBMIT_LIMIT',
    window: 'FEEDBACK_SUBMIT_WINDOW_SECONDS',
    defaults: [5, 600],
  },
  'feedback-lookup': {
    points: 'FEEDBACK_LOOKUP_LIMIT',
    window: 'FEEDBACK_LOOKUP_WINDOW_SECONDS',
    defaults: [30, 60],
  },
  'survey-submit': {
    points: 'SURVEY_SUBMIT_LIMIT',
    window: 'SURVEY_SUBMIT_WINDOW_SECONDS',
    defaults: [10, 600],
  },
};

const limiters = new Map<LimitName, RateLimiterAbstract>();

function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const { points, window, defaults } = settings[name];
    const options = {
      keyPrefix: `rl:${name}`,
      points: Number(process.env[points] ?? defaults[0]),
      duration: Number(process.env[window] ?? defaults[1]),
    };
    const client = redis();
    found = client
      ? new RateLimiterRedis({
          ...options,
          storeClient: client,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
    limiters.set(name, found);
  }
  return found;
}

/** Counts one request; returns the seconds to wait when over the limit, or 0. */
export async function consume(name: LimitName, clientKey: string): Promise<number> {
  try {
    await limiter(name).consume(clientKey);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/** Forgets the limiters, so that new settings apply (tests change them between files). */
export function resetRateLimiters() {
  limiters.clear();
}
