/**
 * Issue 13's oversight routes as an attacker would use them: task reports that link outputs, the overdue items of
 * a unit, and reminders that name them. Unexpected shapes and nesting answer a ValidationError field by field,
 * another unit's ids are refused or not found, the wrong role is forbidden, and nothing is written.
 */
import crypto from 'crypto';
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const TASK = 'api::plan-task.plan-task';
const SUBMISSION = 'plugin::unit-submissions.submission';
const TABLES = ['oversight_task_reports', 'oversight_reminders', 'oversight_reminder_items', 'email_outbox'];

const tokens: Record<string, string> = {};
let units: Record<string, Row>;
let qlddTask: Row;
let mtTask: Row;
let mtSubmission: string;

const api = (method: 'get' | 'post' | 'put' | 'delete', url: string, email?: string, body?: unknown) => {
  const req = request(app.server())[method](`/oversight${url}`);
  if (email) req.set({ Authorization: `Bearer ${tokens[email]}` });
  return body === undefined ? req : req.send(body as object);
};

const fieldsOf = (res: request.Response) => {
  expect({ status: res.status, error: res.body.error?.name }).toEqual({
    status: 400,
    error: 'ValidationError',
  });
  for (const e of res.body.error.details.errors)
    expect(e.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  return res.body.error.details.errors.map((e: Row) => e.path.join('.')).sort();
};

const counts = async () =>
  Promise.all(TABLES.map(async (t) => Number((await strapi().db.connection(t).count({ n: '*' }))[0].n)));

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Row) => [u.code, u]));
  const taskOf = (unit: string) =>
    strapi()
      .db.query(TASK)
      .findOne({ where: { locale: 'vi', unit: { id: units[unit].id } }, orderBy: { code: 'asc' } });
  qlddTask = await taskOf('P-QLDD');
  mtTask = await taskOf('P-MT');
  mtSubmission = (
    await strapi()
      .db.query(SUBMISSION)
      .create({
        data: {
          documentId: crypto.randomBytes(12).toString('hex'),
          title: 'Tin bài của đơn vị khác',
          kind: 'news',
          state: 'submitted',
          version: 0,
          unit: units['P-MT'].id,
          planTask: mtTask.id,
        },
      })
  ).documentId;
});

describe('POST /task-reports with links, hostile', () => {
  const report = (extra: Row) => ({
    data: { planTask: qlddTask.documentId, status: 'in_progress', results: 'Kết quả.', ...extra },
  });

  it('refuses unexpected shapes and nesting in the links, field by field, writing nothing', async () => {
    const before = await counts();
    const id = 'a'.repeat(24);
    for (const [extra, fields] of [
      [{ articles: { $in: [id] } }, ['articles']],
      [{ submissions: id }, ['submissions']],
      [{ articles: [{ documentId: id }] }, ['articles.0']],
      [{ articles: [{ $ne: '' }, null, 7, ['x']] }, ['articles.0', 'articles.1', 'articles.2', 'articles.3']],
      [{ submissions: [id, id] }, ['submissions.1']],
      [{ submissions: Array(51).fill(id) }, ['submissions']],
      [{ extraOutputCount: '3' }, ['extraOutputCount']],
      [{ extraOutputCount: { $gt: 0 } }, ['extraOutputCount']],
      [{ extraOutputCount: 1.5 }, ['extraOutputCount']],
      [{ outputCount: 2, articles: [id] }, ['outputCount']],
      [{ outputs: [{ type: 'article', documentId: id, title: 'x' }] }, ['outputs']],
    ] as [Row, string[]][]) {
      expect({ extra, fields: fieldsOf(await api('post', '/task-reports', QLDD, report(extra))) }).toEqual({
        extra,
        fields,
      });
    }
    expect(fieldsOf(await api('post', '/task-reports', QLDD, { data: [report({}).data] }))).toEqual(['data']);
    expect(await counts()).toEqual(before);
  });

  it("refuses another unit's items and unknown ids, and another unit's editor, writing nothing", async () => {
    const before = await counts();
    expect(
      fieldsOf(
        await api('post', '/task-reports', QLDD, report({ submissions: [mtSubmission, 'z'.repeat(24)] }))
      )
    ).toEqual(['submissions.0', 'submissions.1']);
    // The other unit's own item on its own task does not open the task to it.
    expect(
      fieldsOf(
        await api(
          'post',
          '/task-reports',
          QLDD,
          report({ planTask: mtTask.documentId, submissions: [mtSubmission] })
        )
      )
    ).toEqual(['planTask']);
    expect(await counts()).toEqual(before);
  });

  it('is forbidden to roles that do not report', async () => {
    const before = await counts();
    for (const email of [DIRECTOR, IT])
      expect((await api('post', '/task-reports', email, report({ extraOutputCount: 1 }))).status).toBe(403);
    expect((await api('post', '/task-reports', undefined, report({}))).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('GET /units/:unitId/overdue, hostile', () => {
  const path = () => `/units/${units['P-QLDD'].id}/overdue`;

  it("answers 404 for another unit's editor and for ids that are not a unit", async () => {
    expect((await api('get', path(), MT)).status).toBe(404);
    for (const id of ['abc', '-1', '1e3', '0x1', '999999', '1%20OR%201=1']) {
      expect((await api('get', `/units/${id}/overdue`, OFFICE)).status).toBe(404);
    }
  });

  it('refuses parameters, nested or not, with a ValidationError', async () => {
    const own = await api('get', path(), QLDD);
    expect(own.status).toBe(200);
    for (const query of [
      'unit=2',
      `unit[$in][0]=${units['P-MT'].id}`,
      'filters[handlingUnit][id]=2',
      'today=2000-01-01',
    ]) {
      const res = await api('get', `${path()}?${query}`, QLDD);
      expect({ query, status: res.status, error: res.body.error?.name }).toEqual({
        query,
        status: 400,
        error: 'ValidationError',
      });
    }
  });

  it('needs a session, and takes no write', async () => {
    expect((await api('get', path())).status).toBe(401);
    const before = await counts();
    for (const method of ['post', 'put', 'delete'] as const) {
      const res = await api(method, path(), OFFICE, { items: [] });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('POST /reminders with items, hostile', () => {
  const remind = (items: unknown) => ({ data: { unit: units['P-QLDD'].id, message: 'Đôn đốc.', items } });

  it('refuses nested and operator-shaped items, writing nothing', async () => {
    const before = await counts();
    for (const [items, fields] of [
      [{ $in: [] }, ['items']],
      [[{ type: 'task', documentId: { $ne: '' } }], ['items.0']],
      [[{ type: { $in: ['task'] }, documentId: qlddTask.documentId }], ['items.0']],
      [[{ type: 'task', documentId: qlddTask.documentId, unit: units['P-MT'].id }], ['items.0']],
      [[qlddTask.documentId], ['items.0']],
    ] as [unknown, string[]][]) {
      expect(fieldsOf(await api('post', '/reminders', OFFICE, remind(items)))).toEqual(fields);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses another unit's task and a unit editor's reminder, writing nothing", async () => {
    const before = await counts();
    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, remind([{ type: 'task', documentId: mtTask.documentId }]))
      )
    ).toEqual(['items.0']);
    for (const email of [QLDD, MT, IT, DIRECTOR]) {
      expect(
        (await api('post', '/reminders', email, remind([{ type: 'task', documentId: qlddTask.documentId }])))
          .status
      ).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
