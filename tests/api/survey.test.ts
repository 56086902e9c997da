import request from 'supertest';
import { demo } from '../setup/demo';
import { overrideEnv } from '../setup/env-override';
import { useStrapi } from '../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', SURVEY_SUBMIT_LIMIT: '1000' });

const app = useStrapi();
const UID = 'api::survey-response.survey-response';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const CRITERIA = [
  'timeliness',
  'agencyCount',
  'visitCount',
  'informationAccuracy',
  'staffAttitude',
  'lawfulness',
  'feedbackHandling',
  'onlineService',
];

const token = async () => (await request(app.server()).get('/api/survey-responses/form')).body.data.formToken;
const submit = async (body: Entry) =>
  request(app.server())
    .post('/api/survey-responses')
    .send({ formToken: await token(), website: '', ...body });

describe('satisfaction surveys', () => {
  it('offers the Decree 61/2018 Art. 31 criteria in both languages', async () => {
    const res = await request(app.server()).get('/api/survey-responses/form');
    expect(res.body.data.criteria.map((c: Entry) => c.key)).toEqual(CRITERIA);
    expect(res.body.data.scale).toEqual({ min: 1, max: 5 });
    expect(res.body.data.limits).toEqual({
      comment: 2000,
      minFillSeconds: expect.any(Number),
      formTokenTtlSeconds: 7200,
    });
  });

  it('stores an anonymous rating', async () => {
    const before = await app.strapi().db.query(UID).count();
    const res = await submit({ ratings: { timeliness: 5, staffAttitude: 4 }, comment: 'Tốt' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.data)).toEqual(['submittedAt']);
    expect(await app.strapi().db.query(UID).count()).toBe(before + 1);
  });

  it.each([
    ['a rating out of range', { ratings: { timeliness: 6 } }, 'ratings.timeliness'],
    ['an unknown criterion', { ratings: { speed: 3 } }, 'ratings.speed'],
    ['no rating at all', { ratings: {} }, 'ratings'],
    ['a filled honeypot', { ratings: { timeliness: 3 }, website: 'x' }, 'website'],
    [
      'an unknown procedure',
      { ratings: { timeliness: 3 }, procedure: 'zzzzzzzzzzzzzzzzzzzzzzzz' },
      'procedure',
    ],
  ])('refuses %s', async (_label, body, fieldPath) => {
    const before = await app.strapi().db.query(UID).count();
    const res = await submit(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: Entry) => e.path.join('.'))).toContain(fieldPath);
    expect(await app.strapi().db.query(UID).count()).toBe(before);
  });

  it('refuses a feedback form token', async () => {
    const feedbackToken = (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken;
    const res = await request(app.server())
      .post('/api/survey-responses')
      .send({ formToken: feedbackToken, ratings: { timeliness: 4 } });
    expect(res.status).toBe(400);
  });

  it('publishes count and mean per criterion, aggregated over every response', async () => {
    const rows = await app.strapi().db.query(UID).findMany();
    const res = await request(app.server()).get('/api/survey-responses/summary');
    expect(res.status).toBe(200);
    expect(res.body.data.responses).toBe(rows.length);
    for (const key of CRITERIA) {
      const values: number[] = rows.map((r: Entry) => r[key]).filter((v: number | null) => v !== null);
      const mean = values.length
        ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
        : null;
      expect(res.body.data.criteria[key]).toMatchObject({ count: values.length, mean });
    }
    expect(JSON.stringify(res.body)).not.toContain('comment');
  });

  it('filters the summary by procedure, field and dates', async () => {
    const responses = demo('survey-responses.json');
    const code = responses.find((r: Entry) => r.procedure).procedure;
    const procedure = await app
      .strapi()
      .db.query('api::procedure.procedure')
      .findOne({ where: { nationalCode: code, legalStatus: 'in_force' } });
    const byProcedure = await request(app.server()).get(
      `/api/survey-responses/summary?procedure=${procedure.documentId}`
    );
    expect(byProcedure.body.data.responses).toBe(responses.filter((r: Entry) => r.procedure === code).length);

    const inMarch = responses.filter(
      (r: Entry) => r.submittedAt >= '2021-02-28T17:00:00Z' && r.submittedAt < '2021-03-31T17:00:00Z'
    );
    const march = await request(app.server()).get(
      '/api/survey-responses/summary?from=2021-03-01&to=2021-03-31'
    );
    expect(march.body.data.responses).toBe(inMarch.length);

    const fieldOf = Object.fromEntries(demo('procedures.json').map((p: Entry) => [p.nationalCode, p.field]));
    const field = await request(app.server()).get('/api/survey-responses/summary?field=dat-dai');
    expect(field.body.data.responses).toBe(
      responses.filter((r: Entry) => r.procedure && fieldOf[r.procedure] === 'dat-dai').length
    );

    const bad = await request(app.server()).get('/api/survey-responses/summary?from=2021-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['from']);
  });
});
