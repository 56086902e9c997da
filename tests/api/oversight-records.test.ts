/**
 * The oversight plugin's records as each role: checks, difficulties and their workflow, task reports,
 * the unit's page, and unit isolation on every route.
 */
import request from 'supertest';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const ZONE = 'Asia/Ho_Chi_Minh';
const TASK = 'api::plan-task.plan-task';

const tokens: Record<string, string> = {};
let units: Record<string, Row>;
let qlddTask: Row;
let mtTask: Row;

const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Row) => [u.code, u]));
  // The demo plan is of 2021; the unit's page shows this year's and last year's plans.
  await strapi()
    .db.query('api::plan.plan')
    .updateMany({ where: {}, data: { year: Number(localDay().slice(0, 4)) } });
  const taskOf = (unit: string) =>
    strapi()
      .db.query(TASK)
      .findOne({ where: { locale: 'vi', unit: { id: units[unit].id } }, orderBy: { code: 'asc' } });
  qlddTask = await taskOf('P-QLDD');
  mtTask = await taskOf('P-MT');
});

const api = (method: 'get' | 'post', url: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/oversight${url}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};

const fieldsOf = (res: request.Response) => {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  return res.body.error.details.errors.map((e: Row) => e.path.join('.')).sort();
};

const outbox = (topic: string) =>
  strapi().db.connection('email_outbox').where('topic', topic).select('recipient', 'subject', 'body');

const count = async (table: string) => Number((await strapi().db.connection(table).count({ n: '*' }))[0].n);

const ids = (res: request.Response) => res.body.results.map((r: Row) => r.documentId);

describe('checks', () => {
  let check: Row;

  it('are recorded by the Office', async () => {
    const res = await api('post', '/checks', OFFICE, {
      data: {
        unit: units['P-QLDD'].id,
        date: localDay(),
        findings: 'Phòng đã đăng 1/2 bài viết theo kế hoạch.',
        followUps: 'Hoàn thành bài còn lại trước 30/9.',
      },
    });
    expect(res.status).toBe(201);
    check = res.body.data;
    expect(check).toEqual({
      documentId: expect.any(String),
      unit: { id: units['P-QLDD'].id, code: 'P-QLDD', name: units['P-QLDD'].name },
      date: localDay(),
      findings: 'Phòng đã đăng 1/2 bài viết theo kế hoạch.',
      followUps: 'Hoàn thành bài còn lại trước 30/9.',
      inspectorName: 'Phạm Thị Thu Hà',
      createdAt: expect.any(String),
    });
  });

  it('refuse bad input, a future date, and everyone but the Office', async () => {
    const before = await count('oversight_checks');
    expect(
      fieldsOf(
        await api('post', '/checks', OFFICE, {
          data: { unit: 'x', date: '2021-02-30', findings: '', other: 1 },
        })
      )
    ).toEqual(['date', 'findings', 'other', 'unit']);
    expect(
      fieldsOf(
        await api('post', '/checks', OFFICE, {
          data: { unit: units['P-QLDD'].id, date: localDay(2), findings: 'x' },
        })
      )
    ).toEqual(['date']);
    expect(
      fieldsOf(
        await api('post', '/checks', OFFICE, { data: { unit: 999999, date: localDay(), findings: 'x' } })
      )
    ).toEqual(['unit']);
    const body = { data: { unit: units['P-QLDD'].id, date: localDay(), findings: 'x' } };
    for (const email of [QLDD, DIRECTOR, IT])
      expect((await api('post', '/checks', email, body)).status).toBe(403);
    expect(await count('oversight_checks')).toBe(before);
  });

  it('are read by those who oversee and by the unit, not by another unit', async () => {
    for (const email of [OFFICE, DIRECTOR, IT, QLDD]) {
      const res = await api('get', '/checks', email);
      expect(res.status).toBe(200);
      expect(ids(res)).toContain(check.documentId);
    }
    expect(ids(await api('get', '/checks', MT))).not.toContain(check.documentId);
    expect(ids(await api('get', `/checks?unit=${units['P-QLDD'].id}`, MT))).toEqual([]);
    expect(fieldsOf(await api('get', '/checks?unit=abc', OFFICE))).toEqual(['unit']);
  });
});

describe('difficulties', () => {
  let difficulty: Row;

  const get = (email: string, documentId = difficulty.documentId) =>
    api('get', `/difficulties/${documentId}`, email);
  const move = async (email: string, to: string, extra: Row = {}, documentId = difficulty.documentId) => {
    const current = await get(OFFICE, documentId);
    return api('post', `/difficulties/${documentId}/transitions`, email, {
      to,
      version: current.body.data.version,
      ...extra,
    });
  };

  it('are reported by a unit for its own unit, and mailed to the Office', async () => {
    const res = await api('post', '/difficulties', QLDD, {
      data: {
        unit: units['P-QLDD'].id,
        planTask: qlddTask.documentId,
        what: 'Chưa có kinh phí thuê đơn vị sản xuất phóng sự.',
        impact: 'Chậm tiến độ nhiệm vụ.',
        proposal: 'Đề nghị bổ sung kinh phí.',
      },
    });
    expect(res.status).toBe(201);
    difficulty = res.body.data;
    expect(difficulty).toMatchObject({
      unit: { id: units['P-QLDD'].id, code: 'P-QLDD' },
      planTask: { documentId: qlddTask.documentId, code: qlddTask.code, content: qlddTask.content },
      what: 'Chưa có kinh phí thuê đơn vị sản xuất phóng sự.',
      state: 'open',
      version: 0,
      reportedByName: 'Hoàng Văn Long',
      resolution: null,
      directorAnswer: null,
      allowedTransitions: [],
    });
    const mails = await outbox(`oversight.difficulty:${difficulty.documentId}`);
    expect(mails.map((m: Row) => m.recipient)).toEqual(['vanphong@demo.example']);
    expect(mails[0].body).toContain('Chưa có kinh phí');
  });

  it('are refused for another unit, another unit’s task, bad input, and roles that do not report', async () => {
    const before = await count('oversight_difficulties');
    expect(
      fieldsOf(await api('post', '/difficulties', QLDD, { data: { unit: units['P-MT'].id, what: 'x' } }))
    ).toEqual(['unit']);
    expect(
      fieldsOf(
        await api('post', '/difficulties', QLDD, {
          data: { unit: units['P-QLDD'].id, planTask: mtTask.documentId, what: 'x' },
        })
      )
    ).toEqual(['planTask']);
    expect(
      fieldsOf(
        await api('post', '/difficulties', QLDD, { data: { unit: -1, planTask: 'x', what: ' ', impact: 3 } })
      )
    ).toEqual(['impact', 'planTask', 'unit', 'what']);
    const body = { data: { unit: units['P-QLDD'].id, what: 'x' } };
    for (const email of [DIRECTOR, IT])
      expect((await api('post', '/difficulties', email, body)).status).toBe(403);
    expect(await count('oversight_difficulties')).toBe(before);
  });

  it("are recorded by the Office for any unit, seen by that unit only, and handled like the units' own", async () => {
    const res = await api('post', '/difficulties', OFFICE, {
      data: {
        unit: units['P-MT'].id,
        planTask: mtTask.documentId,
        what: 'Đoàn kiểm tra ghi nhận: thiếu nhân lực.',
      },
    });
    expect(res.status).toBe(201);
    const recorded = res.body.data;
    expect(recorded).toMatchObject({
      unit: { id: units['P-MT'].id, code: 'P-MT' },
      planTask: { documentId: mtTask.documentId },
      state: 'open',
    });
    expect(recorded.reportedByName).not.toBe('Hoàng Văn Long');
    expect(ids(await api('get', '/difficulties', MT))).toContain(recorded.documentId);
    expect(ids(await api('get', '/difficulties', QLDD))).not.toContain(recorded.documentId);
    expect((await get(OFFICE, recorded.documentId)).body.data.allowedTransitions.length).toBeGreaterThan(0);
  });

  it('are hidden from another unit', async () => {
    expect((await get(MT)).status).toBe(404);
    expect(ids(await api('get', '/difficulties', MT))).not.toContain(difficulty.documentId);
    expect((await move(MT, 'escalated')).status).toBe(403);
    for (const email of [QLDD, OFFICE, DIRECTOR, IT]) {
      expect(ids(await api('get', '/difficulties', email))).toContain(difficulty.documentId);
    }
    expect(ids(await api('get', '/difficulties?state=resolved', OFFICE))).not.toContain(
      difficulty.documentId
    );
    expect(fieldsOf(await api('get', '/difficulties?state=lost', OFFICE))).toEqual(['state']);
  });

  it('offer each role its moves', async () => {
    expect((await get(OFFICE)).body.data.allowedTransitions).toEqual([
      { to: 'resolved', needs: ['resolution'] },
      { to: 'escalated', needs: [] },
    ]);
    expect((await get(DIRECTOR)).body.data.allowedTransitions).toEqual([]);
    expect((await get(QLDD)).body.data.allowedTransitions).toEqual([]);
  });

  it('go open → escalated → answered → resolved, each move by its role, with mails', async () => {
    expect((await move(QLDD, 'resolved', { resolution: 'x' })).status).toBe(403);
    expect((await move(IT, 'escalated')).status).toBe(403);
    expect(fieldsOf(await move(DIRECTOR, 'resolved', { resolution: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(DIRECTOR, 'answered', { answer: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'answered', { answer: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'open'))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'closed'))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'resolved'))).toEqual(['resolution']);
    expect(
      fieldsOf(await api('post', `/difficulties/${difficulty.documentId}/transitions`, OFFICE, {}))
    ).toEqual(['to', 'version']);

    const escalated = await move(OFFICE, 'escalated', { note: 'Kính trình Giám đốc cho ý kiến.' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.data).toMatchObject({
      state: 'escalated',
      version: 1,
      escalationNote: 'Kính trình Giám đốc cho ý kiến.',
      escalatedAt: expect.any(String),
    });
    expect(
      (await outbox(`oversight.difficulty.escalated:${difficulty.documentId}`)).map((m: Row) => m.recipient)
    ).toEqual(['giamdoc@demo.example']);
    // The version read before the move is stale now.
    const stale = await api('post', `/difficulties/${difficulty.documentId}/transitions`, DIRECTOR, {
      to: 'answered',
      version: 0,
      answer: 'Đồng ý.',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.name).toBe('ConflictError');

    expect((await get(DIRECTOR)).body.data.allowedTransitions).toEqual([
      { to: 'answered', needs: ['answer'] },
    ]);
    expect((await get(OFFICE)).body.data.allowedTransitions).toEqual([]);
    expect(fieldsOf(await move(OFFICE, 'answered', { answer: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'resolved', { resolution: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(DIRECTOR, 'answered'))).toEqual(['answer']);
    const answered = await move(DIRECTOR, 'answered', {
      answer: 'Đồng ý bổ sung kinh phí từ nguồn dự phòng.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.data).toMatchObject({
      state: 'answered',
      version: 2,
      directorAnswer: 'Đồng ý bổ sung kinh phí từ nguồn dự phòng.',
    });
    const answerMail = await outbox(`oversight.difficulty.answered:${difficulty.documentId}`);
    expect(answerMail.map((m: Row) => m.recipient)).toEqual(['qldd@demo.example']);
    expect(answerMail[0].body).toContain('Đồng ý bổ sung kinh phí');

    expect(fieldsOf(await move(DIRECTOR, 'resolved', { resolution: 'x' }))).toEqual(['to']);
    expect(fieldsOf(await move(OFFICE, 'resolved'))).toEqual(['resolution']);
    const resolved = await move(OFFICE, 'resolved', { resolution: 'Đã bố trí kinh phí.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({
      state: 'resolved',
      version: 3,
      resolution: 'Đã bố trí kinh phí.',
    });
    expect(
      (await outbox(`oversight.difficulty.resolved:${difficulty.documentId}`)).map((m: Row) => m.recipient)
    ).toEqual(['qldd@demo.example']);
    for (const to of ['open', 'escalated', 'answered', 'resolved']) {
      expect(fieldsOf(await move(OFFICE, to, { resolution: 'x', answer: 'x' }))).toEqual(['to']);
    }
    expect(ids(await api('get', '/difficulties?state=resolved', QLDD))).toContain(difficulty.documentId);
  });

  it('are resolved directly by the Office, and of two simultaneous moves one wins', async () => {
    const created = await api('post', '/difficulties', OFFICE, {
      data: { unit: units['P-MT'].id, what: 'Thiếu nhân lực biên tập.' },
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await get(QLDD, documentId)).status).toBe(404);
    expect((await get(MT, documentId)).status).toBe(200);
    const [a, b] = await Promise.all([
      api('post', `/difficulties/${documentId}/transitions`, OFFICE, {
        to: 'resolved',
        version: 0,
        resolution: 'A',
      }),
      api('post', `/difficulties/${documentId}/transitions`, OFFICE, { to: 'escalated', version: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const state = (await get(OFFICE, documentId)).body.data;
    expect(state.version).toBe(1);
    expect(['resolved', 'escalated']).toContain(state.state);
  });
});

describe('task reports', () => {
  it('are sent by a unit for its own tasks and make a done task done', async () => {
    const res = await api('post', '/task-reports', QLDD, {
      data: {
        planTask: qlddTask.documentId,
        status: 'done',
        results: 'Đã đăng 2 bài trên báo.',
        outputCount: 2,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      documentId: expect.any(String),
      unit: { id: units['P-QLDD'].id, code: 'P-QLDD', name: units['P-QLDD'].name },
      planTask: { documentId: qlddTask.documentId, code: qlddTask.code, content: qlddTask.content },
      status: 'done',
      results: 'Đã đăng 2 bài trên báo.',
      outputCount: 2,
      outputs: [],
      extraOutputCount: null,
      reportedByName: 'Hoàng Văn Long',
      reportedAt: expect.any(String),
    });
    const latest = await strapi().plugin('oversight').service('tasks').latestReports([qlddTask.documentId]);
    expect(latest.get(qlddTask.documentId)).toMatchObject({ status: 'done' });

    const my = await api('get', '/my', QLDD);
    expect(my.status).toBe(200);
    const task = my.body.data.tasks.find((t: Row) => t.documentId === qlddTask.documentId);
    expect(task).toMatchObject({
      code: qlddTask.code,
      status: 'done',
      lastReport: { status: 'done', results: 'Đã đăng 2 bài trên báo.', reportedByName: 'Hoàng Văn Long' },
    });
  });

  it('are refused for another unit’s task, bad input, and roles that do not report', async () => {
    const before = await count('oversight_task_reports');
    expect(
      fieldsOf(
        await api('post', '/task-reports', QLDD, {
          data: { planTask: mtTask.documentId, status: 'done', results: 'x' },
        })
      )
    ).toEqual(['planTask']);
    expect(
      fieldsOf(
        await api('post', '/task-reports', QLDD, {
          data: { planTask: 'x', status: 'finished', results: '', outputCount: -1 },
        })
      )
    ).toEqual(['outputCount', 'planTask', 'results', 'status']);
    const body = { data: { planTask: qlddTask.documentId, status: 'in_progress', results: 'x' } };
    for (const email of [DIRECTOR, IT])
      expect((await api('post', '/task-reports', email, body)).status).toBe(403);
    expect(await count('oversight_task_reports')).toBe(before);
  });

  it('are read by the unit and those who oversee, not by another unit', async () => {
    const url = `/task-reports?task=${qlddTask.documentId}`;
    for (const email of [QLDD, OFFICE, DIRECTOR, IT]) {
      const res = await api('get', url, email);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ status: 'done', results: 'Đã đăng 2 bài trên báo.' });
      expect(res.body.results.every((r: Row) => r.planTask.documentId === qlddTask.documentId)).toBe(true);
    }
    expect((await api('get', url, MT)).body.results).toEqual([]);
  });
});

describe("the unit's page", () => {
  it('shows the unit its units, tasks, reminders and pending difficulties only', async () => {
    const res = await api('get', '/my', MT);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.units).toEqual([{ id: units['P-MT'].id, code: 'P-MT', name: units['P-MT'].name }]);
    expect(data.tasks.map((t: Row) => t.documentId)).toContain(mtTask.documentId);
    expect(data.tasks.every((t: Row) => t.unit.code === 'P-MT')).toBe(true);
    expect(data.tasks[0]).toEqual({
      documentId: expect.any(String),
      code: expect.any(String),
      content: expect.any(String),
      dueDate: expect.any(String),
      targetCount: expect.any(Number),
      unit: { id: units['P-MT'].id, code: 'P-MT', name: units['P-MT'].name },
      status: expect.stringMatching(/^(done|in_progress|overdue)$/),
      lastReport: null,
      linked: {
        articles: { total: expect.any(Number), latest: expect.any(Array) },
        submissions: { total: expect.any(Number), latest: expect.any(Array) },
      },
    });
    expect(data.reminders).toEqual([]);
    expect(data.difficulties.every((d: Row) => d.unit.code === 'P-MT' && d.state !== 'resolved')).toBe(true);
  });

  it('is for unit editors only', async () => {
    for (const email of [OFFICE, DIRECTOR, IT]) expect((await api('get', '/my', email)).status).toBe(403);
    expect((await request(app.server()).get('/oversight/my')).status).toBe(401);
  });
});
