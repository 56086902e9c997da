/**
 * Hostile public reads: nothing private (admin users, units, feedback, drafts) is reachable through populate,
 * filters, fields or status on any public route.
 */
import request from 'supertest';
import { demo } from '../setup/demo';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const PUBLIC_LISTS = [
  '/api/procedures',
  '/api/procedure-fields',
  '/api/legal-documents',
  '/api/campaigns',
  '/api/articles',
  '/api/plans',
  '/api/plan-tasks',
];

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysOf(child, into);
    }
  }
  return into;
}

const PRIVATE_KEYS = [
  'createdBy',
  'updatedBy',
  'password',
  'resetPasswordToken',
  'unit',
  'fullName',
  'trackingCodeHash',
];

describe('public reads', () => {
  it.each([...PUBLIC_LISTS, '/api/organization'])('%s?populate=* shows no private key', async (path) => {
    const res = await request(app.server()).get(`${path}?populate=*`);
    expect(res.status).toBe(200);
    const keys = keysOf(res.body);
    for (const key of PRIVATE_KEYS) expect(keys.has(key)).toBe(false);
  });

  it('refuses to populate relations to private types, naming them', async () => {
    for (const [url, path] of [
      ['/api/articles?populate[unit]=true', ['populate', 'unit']],
      ['/api/plan-tasks?populate[unit]=true', ['populate', 'unit']],
      ['/api/articles?populate[planTask][populate][unit]=true', ['populate', 'planTask', 'populate', 'unit']],
    ] as const) {
      const res = await request(app.server()).get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: Entry) => e.path)).toEqual([path]);
      expect(keysOf(res.body.data ?? {}).has('unit')).toBe(false);
    }
  });

  it.each([
    '/api/articles?filters[createdBy][email][$startsWith]=a',
    '/api/articles?filters[updatedBy][resetPasswordToken][$startsWith]=a',
    '/api/articles?filters[unit][email][$contains]=a',
    '/api/procedures?filters[legalBases][createdBy][email][$startsWith]=a',
    '/api/articles?fields[0]=createdBy',
    '/api/articles?populate[createdBy]=*',
    '/api/articles?sort=createdBy.email',
    '/api/procedures?populate[feedbacks]=*',
    '/api/articles?status=draft',
    '/api/articles?status=draft&filters[slug][$eq]=x',
  ])('refuses %s', async (url) => {
    const res = await request(app.server()).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });

  it('never shows a draft, whatever the publication filter', async () => {
    const drafts = demo('articles.json').filter((a: Entry) => !a.published);
    const draftRow = await app
      .strapi()
      .db.query('api::article.article')
      .findOne({ where: { slug: drafts[0].vi.slug } });
    expect((await request(app.server()).get(`/api/articles/${draftRow.documentId}`)).status).toBe(404);
    for (const filter of ['publicationFilter=never-published', 'hasPublishedVersion=false']) {
      const res = await request(app.server()).get(`/api/articles?${filter}`);
      expect(res.body.data ?? []).toEqual([]);
    }
    const all = await request(app.server()).get('/api/articles?pagination[pageSize]=100');
    expect(all.body.data.every((a: Entry) => a.publishedAt)).toBe(true);
    expect(all.body.data.some((a: Entry) => drafts.some((d: Entry) => d.vi.slug === a.slug))).toBe(false);
  });

  it('keeps uploads, users, units, holidays, feedback and survey rows out of reach', async () => {
    for (const url of ['/api/upload/files', '/api/users', '/api/units', '/api/holidays']) {
      expect((await request(app.server()).get(url)).status).toBe(403);
    }
    for (const url of ['/api/feedbacks', '/api/survey-responses', '/api/feedbacks/1']) {
      expect((await request(app.server()).get(url)).status).toBe(404);
    }
  });

  it('answers without a stack trace or internal detail on a server error path', async () => {
    const res = await request(app.server()).get('/api/procedures/search?q[$or][0]=1');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });
});
