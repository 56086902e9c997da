import request from 'supertest';
import { overrideEnv } from '../setup/env-override';
import { useStrapi } from '../setup/strapi';

overrideEnv({
  FEEDBACK_SUBMIT_LIMIT: '2',
  FEEDBACK_SUBMIT_WINDOW_SECONDS: '600',
  FEEDBACK_LOOKUP_LIMIT: '3',
  FEEDBACK_LOOKUP_WINDOW_SECONDS: '60',
  SURVEY_SUBMIT_LIMIT: '1',
});

const app = useStrapi();

describe('rate limits per client IP', () => {
  it('answers 429 with Retry-After after the configured number of status lookups', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await request(app.server()).get('/api/feedbacks/status/AAAA-BBBB')).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await request(app.server()).get('/api/feedbacks/status/AAAA-BBBB');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  });

  it('limits submissions before reading their body, and counts refused ones too', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await request(app.server()).post('/api/feedbacks').send({ nothing: true })).status);
    }
    expect(statuses).toEqual([400, 400, 429]);
  });

  it('keeps separate budgets per route', async () => {
    expect((await request(app.server()).post('/api/survey-responses').send({})).status).toBe(400);
    expect((await request(app.server()).post('/api/survey-responses').send({})).status).toBe(429);
    expect((await request(app.server()).get('/api/feedbacks/form')).status).toBe(200);
  });

  it('refuses an oversized body by its declared length, before parsing it', async () => {
    const res = await request(app.server())
      .post('/api/survey-responses')
      .set('Content-Type', 'application/json')
      .set('Content-Length', String(10 * 1024 * 1024))
      .send('{}');
    expect([413, 429]).toContain(res.status);
  });
});
