/**
 * The submissions list's search and sort, the bulk moves and publish-article, as an attacker would call them:
 * odd shapes answer a ValidationError naming the field, another unit's submissions stay out of reach, every
 * spelling of a path is guarded like the real one, and a refused request changes nothing.
 */
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const tokens: Record<string, string> = {};
let units: Record<string, Entry>;
let theirs: Entry;
let mine: Entry;

const call = (method: 'get' | 'post', path: string, email: string | null) => {
  const req = request(app.server())[method](path);
  return email ? req.set({ Authorization: `Bearer ${tokens[email]}` }) : req;
};
const list = (query: string, email = IT) => call('get', `/unit-submissions/submissions?${query}`, email);
const bulk = (
  body: unknown,
  email: string | null = IT,
  path = '/unit-submissions/submissions/bulk-transitions'
) => call('post', path, email).send(body as object);

async function create(email: string, unitCode: string, title: string) {
  const res = await call('post', '/unit-submissions/submissions', email).send({
    data: { title, kind: 'news', body: 'Nội dung riêng Sầuriêngxanh.', unit: units[unitCode].id },
  });
  expect(res.status).toBe(201);
  const sent = await call(
    'post',
    `/unit-submissions/submissions/${res.body.data.documentId}/transitions`,
    email
  ).send({ to: 'submitted', version: 0 });
  expect(sent.status).toBe(200);
  return sent.body.data as Entry;
}

const stateOf = async (documentId: string) =>
  (await app
    .strapi()
    .db.query('plugin::unit-submissions.submission')
    .findOne({ where: { documentId }, select: ['state', 'version'] })) as Entry;

const expectFieldError = (res: request.Response, path: string[]) => {
  expect({ status: res.status, name: res.body.error?.name }).toEqual({
    status: 400,
    name: 'ValidationError',
  });
  expect(res.body.error.details.errors.map((e: Entry) => e.path)).toContainEqual(path);
};

beforeAll(async () => {
  for (const email of [QLDD, MT, IT]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
  theirs = await create(QLDD, 'P-QLDD', 'Tin mật của Phòng Quản lý đất đai Mítngọt');
  mine = await create(MT, 'P-MT', 'Tin của Phòng Môi trường');
});

describe('search and sort, hostile', () => {
  it('refuses q as an array, an object, an operator or repeated, and past 200 characters, naming q', async () => {
    for (const query of [
      'q[]=a&q[]=b',
      'q=a&q=b',
      'q[$ne]=x',
      'q[title][$containsi]=x',
      'q[0][a]=b',
      `q=${'a'.repeat(201)}`,
    ]) {
      expectFieldError(await list(query), ['q']);
    }
    expect((await list(`q=${encodeURIComponent(` ${'a'.repeat(200)} `)}`)).status).toBe(200);
    // Only punctuation or operators as text: searched as words (none), never as SQL.
    for (const q of ["' OR 1=1 --", '%', '_', '\\', '*', '$ne']) {
      expect((await list(`q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
  });

  it('refuses every sort that is not a shown column, whatever its shape', async () => {
    for (const query of [
      'sort[title]=asc',
      'sort[]=title',
      'sort=title&sort=state',
      'sort=unit.name',
      'sort=body',
      'sort=createdBy',
      'sort=assignee.password',
      'sort=title:asc,body:desc',
      'sort=title%3Bdrop',
    ]) {
      expectFieldError(await list(query), ['sort']);
    }
  });

  it('never finds another unit’s submission, whatever the filters beside the search', async () => {
    expect((await list('q=mitngot', IT)).body.results.map((s: Entry) => s.documentId)).toEqual([
      theirs.documentId,
    ]);
    for (const query of [
      'q=mitngot',
      'q=mitngot&queue=true',
      `q=mitngot&unit=${units['P-QLDD'].id}`,
      'q=mitngot&state=submitted',
      `q=${encodeURIComponent('quản lý đất đai mítngọt')}&sort=unit:desc`,
    ]) {
      const res = await list(query, MT);
      expect({ query, status: res.status, total: res.body.pagination?.total }).toEqual({
        query,
        status: 200,
        total: 0,
      });
      expect(JSON.stringify(res.body)).not.toContain('Mítngọt');
    }
    // The same word in both units' bodies: each unit finds only its own.
    const mt = await list('q=saurieng', MT);
    expect(mt.body.results.map((s: Entry) => s.documentId)).toEqual([mine.documentId]);
  });
});

describe('bulk moves, hostile', () => {
  const refusedShapes: [unknown, string[]][] = [
    [[], []],
    [{ move: 'claim', ids: 'abc' }, ['ids']],
    [{ move: 'claim', ids: { 0: 'x' } }, ['ids']],
    [{ move: 'claim', ids: null }, ['ids']],
    [{ move: 'claim' }, ['ids']],
    [{ move: 'claim', ids: [{ documentId: 'x' }] }, ['ids', '0']],
    [{ move: 'claim', ids: [['aaaaaaaaaaaaaaaaaaaaaaaa']] }, ['ids', '0']],
    [{ move: 'claim', ids: [{ $in: ['x'] }] }, ['ids', '0']],
    [{ move: { $eq: 'claim' }, ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'] }, ['move']],
    [{ move: 'published', ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'] }, ['move']],
    [{ move: 'claim', ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'], versions: [1] }, ['versions']],
    [
      {
        move: 'claim',
        ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'],
        versions: { aaaaaaaaaaaaaaaaaaaaaaaa: { $gt: 0 } },
      },
      ['versions', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
    ],
    [{ move: 'claim', ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'], comment: 'x' }, ['comment']],
    [{ move: 'approve', ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'], comment: ['x'] }, ['comment']],
    [{ move: 'claim', ids: ['aaaaaaaaaaaaaaaaaaaaaaaa'], assignee: 1 }, ['assignee']],
  ];

  it('refuses bad shapes with a ValidationError naming the field', async () => {
    for (const [body, path] of refusedShapes) {
      const res = await bulk(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expectFieldError(res, path);
    }
  });

  it('refuses 51 ids, and a duplicated id, touching none of them', async () => {
    const before = await stateOf(theirs.documentId);
    const many = [
      theirs.documentId,
      ...Array.from({ length: 50 }, (_, i) => `x${String(i).padStart(23, '0')}`),
    ];
    expectFieldError(await bulk({ move: 'claim', ids: many }), ['ids']);
    expectFieldError(await bulk({ move: 'claim', ids: [theirs.documentId, theirs.documentId] }), [
      'ids',
      '1',
    ]);
    expect(await stateOf(theirs.documentId)).toEqual(before);
  });

  it('refuses unit editors, on their own or another unit’s ids, learning nothing', async () => {
    for (const [email, ids] of [
      [MT, [theirs.documentId]],
      [MT, [mine.documentId]],
      [QLDD, [theirs.documentId, mine.documentId]],
    ] as [string, string[]][]) {
      const res = await bulk({ move: 'approve', ids }, email);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Mítngọt');
    }
    expect((await bulk({ move: 'claim', ids: [theirs.documentId] }, null)).status).toBe(401);
    expect((await stateOf(theirs.documentId)).state).toBe('submitted');
  });

  it('guards every spelling of the path like the real one', async () => {
    for (const path of [
      '/unit-submissions/SUBMISSIONS/BULK-TRANSITIONS',
      '/UNIT-SUBMISSIONS/submissions/Bulk-Transitions',
      '/unit-submissions/submissions/bulk-transitions/',
    ]) {
      const anonymous = await bulk({ move: 'claim', ids: [theirs.documentId] }, null, path);
      expect([401, 404]).toContain(anonymous.status);
      const unit = await bulk({ move: 'claim', ids: [theirs.documentId] }, MT, path);
      expect([403, 404]).toContain(unit.status);
      // The IT Center reaches it or nothing: a bad body is judged the same.
      const bad = await bulk({ move: 'claim', ids: 'x' }, IT, path);
      expect([400, 404]).toContain(bad.status);
    }
    expect((await stateOf(theirs.documentId)).state).toBe('submitted');
  });
});

describe('publish-article, hostile', () => {
  const publish = (documentId: string, email: string | null, path = 'publish-article') =>
    call('post', `/unit-submissions/submissions/${documentId}/${path}`, email);

  it('answers 404 to another unit, to unknown and case-variant ids, and 403 to the unit itself', async () => {
    expect((await publish(theirs.documentId, MT)).status).toBe(404);
    expect((await publish(theirs.documentId, QLDD)).status).toBe(403);
    for (const id of [
      theirs.documentId.toUpperCase(),
      'zzzzzzzzzzzzzzzzzzzzzzzz',
      '%2e%2e',
      'a'.repeat(300),
    ]) {
      expect((await publish(id, IT)).status).toBe(404);
    }
    expect((await publish(theirs.documentId, null)).status).toBe(401);
  });

  it('guards every spelling of the path, and takes nothing from the body', async () => {
    for (const path of ['PUBLISH-ARTICLE', 'Publish-Article', 'publish-article/']) {
      expect([403, 404]).toContain((await publish(theirs.documentId, QLDD, path)).status);
      expect((await publish(theirs.documentId, MT, path)).status).toBe(404);
    }
    // Not approved: refused, whatever the body names.
    const res = await publish(theirs.documentId, IT).send({
      state: 'approved',
      article: 'x',
      documentId: 'y',
    });
    expectFieldError(res, ['state']);
    expect((await stateOf(theirs.documentId)).state).toBe('submitted');
  });
});

describe('resubmission, hostile', () => {
  const move = (documentId: string, email: string, body: object) =>
    call('post', `/unit-submissions/submissions/${documentId}/transitions`, email).send(body);

  it('keeps the reviewer whatever the unit sends, and lets neither another unit nor the IT Center resubmit', async () => {
    const sent = await create(QLDD, 'P-QLDD', 'Tin gửi lại Hòalạc');
    const it = await app
      .strapi()
      .db.query('admin::user')
      .findOne({ where: { email: IT } });
    const unitEditor = await app
      .strapi()
      .db.query('admin::user')
      .findOne({ where: { email: QLDD } });
    let version = sent.version;
    for (const [to, extra] of [
      ['in_review', { assignee: it.id }],
      ['changes_requested', { comment: 'Bổ sung.' }],
    ] as const) {
      const res = await move(sent.documentId, IT, { to, version, ...extra });
      expect(res.status).toBe(200);
      version = res.body.data.version;
    }
    // Another unit learns nothing; the IT Center cannot resubmit for the unit; the old path is gone.
    expect((await move(sent.documentId, MT, { to: 'in_review', version })).status).toBe(404);
    expectFieldError(await move(sent.documentId, IT, { to: 'in_review', version, assignee: it.id }), ['to']);
    expectFieldError(await move(sent.documentId, QLDD, { to: 'submitted', version }), ['to']);
    // A unit cannot pick its own reviewer: an assignee in the body changes nothing.
    const res = await move(sent.documentId, QLDD, {
      to: 'in_review',
      version,
      assignee: unitEditor.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'in_review', assignee: { email: IT } });
  });
});
