import { errors } from '@strapi/utils';
import { consume, type LimitName } from '../infra/rate-limit';

interface Context {
  method: string;
  path: string;
  ip: string;
  get(header: string): string;
  set(header: string, value: string): void;
}

const GUARDED: { method: string; path: RegExp; limit: LimitName; maxBody?: () => number }[] = [
  {
    method: 'POST',
    path: /^\/api\/feedbacks\/?$/,
    limit: 'feedback-submit',
    // Every allowed file at its largest, plus the form fields and multipart overhead.
    maxBody: () =>
      Number(process.env.FEEDBACK_MAX_FILES ?? 5) *
        Number(process.env.FEEDBACK_MAX_FILE_MB ?? 10) *
        1024 *
        1024 +
      256 * 1024,
  },
  { method: 'GET', path: /^\/api\/feedbacks\/status\//, limit: 'feedback-lookup' },
  { method: 'POST', path: /^\/api\/survey-responses\/?$/, limit: 'survey-submit', maxBody: () => 64 * 1024 },
];

/**
 * Runs before the body parser, so that a flood or an oversized upload on the public intake routes is refused
 * before anything is read or written: 429 with Retry-After per client IP, 413 by Content-Length.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  const guard = GUARDED.find((g) => g.method === ctx.method && g.path.test(ctx.path));
  if (guard) {
    const retryAfter = await consume(guard.limit, ctx.ip);
    if (retryAfter > 0) {
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError('Too many requests, please try again later.', { retryAfter });
    }
    const length = Number(ctx.get('content-length') || 0);
    if (guard.maxBody && length > guard.maxBody()) {
      throw new errors.PayloadTooLargeError('The request is too large.', { maxBytes: guard.maxBody() });
    }
  }
  await next();
};
