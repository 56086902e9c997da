import { errors } from '@strapi/utils';
import { findRoute } from '#domain/request-path';
import { consume, type LimitName } from '#infra/rate-limit';

interface Context {
  method: string;
  path: string;
  ip: string;
  set(header: string, value: string): void;
}

const LIMITED: { method: string; path: string; limit: LimitName }[] = [
  { method: 'POST', path: '/api/feedbacks', limit: 'feedback-submit' },
  { method: 'GET', path: '/api/feedbacks/status/:trackingCode', limit: 'feedback-lookup' },
  { method: 'POST', path: '/api/survey-responses', limit: 'survey-submit' },
];

/**
 * Runs before the body middleware, so that a flood on the public intake routes is refused before anything is
 * read: 429 with Retry-After per client IP. Routes are matched on the normalised path (any case, any slashes), as
 * the router matches them. Size caps are the body middleware's.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  const guard = findRoute(LIMITED, ctx.method, ctx.path);
  if (guard) {
    const retryAfter = await consume(guard.limit, ctx.ip);
    if (retryAfter > 0) {
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError('Too many requests, please try again later.', { retryAfter });
    }
  }
  await next();
};
