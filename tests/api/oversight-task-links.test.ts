/**
 * Issue 13, oversight: task rows list the submissions and articles linked to them, task reports link them instead
 * of a typed count, and the Office's reminder preselects what a unit has overdue today. As the Office, the unit
 * editor of the unit (P-QLDD) and a unit editor of another unit (P-MT).
 */
import crypto from 'crypto';
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
const ARTICLE = 'api::article.article';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FEEDBACK = 'api::feedback.feedback';

const tokens: Record<string, string> = {};
let units: Record<string, Row>;
let qldd: Row;
let mt: Row;
let year: number;
/** Fixtures by name: tasks, submissions, articles and feedback (their documentIds). */
const ids: Record<string, string> = {};

const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));
const display = (day: string) => day.split('-').reverse().join('/');
const docId = () => crypto.randomBytes(12).toString('hex');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const docs = (uid: string) => strapi().documents(uid as any) as any;

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

const count = async (table: string) => Number((await strapi().db.connection(table).count({ n: '*' }))[0].n);

async function task(name: string, unit: Row, dueDate: string, plan: string) {
  const created = await docs(TASK).create({
    locale: 'vi',
    data: {
      code: name,
      content: `Nhiệm vụ ${name}`,
      form: 'news',
      targetCount: 3,
      dueDate,
      plan,
      unit: unit.documentId,
    },
  });
  ids[name] = created.documentId;
}

/** A submission created `minutesAgo` before now (the order in which a task row lists them). */
async function submission(
  name: string,
  unit: Row,
  taskName: string | null,
  minutesAgo: number,
  state = 'submitted'
) {
  const taskRow = taskName
    ? await strapi()
        .db.query(TASK)
        .findOne({ where: { documentId: ids[taskName], locale: 'vi' } })
    : null;
  const created = await strapi()
    .db.query(SUBMISSION)
    .create({
      data: {
        documentId: docId(),
        title: `Tin bài ${name}`,
        kind: 'news',
        state,
        version: 0,
        unit: unit.id,
        planTask: taskRow?.id ?? null,
        submittedAt: new Date(Date.now() - minutesAgo * 60_000),
      },
    });
  await strapi()
    .db.connection(strapi().db.metadata.get(SUBMISSION).tableName)
    .where('id', created.id)
    .update({ created_at: new Date(Date.now() - minutesAgo * 60_000) });
  ids[name] = created.documentId;
}

async function article(name: string, unit: Row, taskName: string, published: boolean) {
  const data = {
    title: `Bài ${name}`,
    slug: `bai-${docId()}`,
    kind: 'news',
    channel: 'website',
    unit: unit.documentId,
  };
  const created = await docs(ARTICLE).create({ locale: 'vi', data: { ...data, planTask: ids[taskName] } });
  // The task has no English version: the English article links none, and the article is listed once.
  await docs(ARTICLE).update({
    documentId: created.documentId,
    locale: 'en',
    data: { ...data, title: `Article ${name}`, slug: `${data.slug}-en` },
  });
  if (published) await docs(ARTICLE).publish({ documentId: created.documentId, locale: '*' });
  ids[name] = created.documentId;
}

async function feedback(name: string, unit: Row, fields: Row) {
  const created = await strapi()
    .db.query(FEEDBACK)
    .create({
      data: {
        documentId: docId(),
        fullName: 'Trần Thị Mai',
        phone: '0987654321',
        email: 'mai@example.vn',
        kind: 'impractical_rule',
        channel: 'web',
        language: 'vi',
        subject: `Phản ánh ${name} của bà Mai, gọi 0987654321`,
        content: 'Nội dung.',
        receivedAt: new Date(),
        handlingUnit: unit.id,
        version: 0,
        answerPublished: false,
        trackingCodeHash: crypto.createHash('sha256').update(docId()).digest('hex'),
        ...fields,
      },
    });
  ids[name] = created.documentId;
}

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Row) => [u.code, u]));
  qldd = units['P-QLDD'];
  mt = units['P-MT'];
  year = Number(localDay().slice(0, 4));
  // The year's plan is one: the demo's current-year plan, which the test's tasks join.
  const plan = await docs('api::plan.plan').findFirst({ locale: 'vi', filters: { year } });

  await task('Q1', qldd, localDay(-10), plan.documentId);
  await task('Q2', qldd, localDay(30), plan.documentId);
  await task('Q3', qldd, localDay(-20), plan.documentId);
  await task('M1', mt, localDay(-5), plan.documentId);
  // Q1: six submissions of the unit, one of another unit, and articles (published and draft) of both.
  for (let i = 1; i <= 6; i += 1) await submission(`S${i}`, qldd, 'Q1', 100 - i);
  await submission('S-Q2', qldd, 'Q2', 50);
  await submission('S-none', qldd, null, 40);
  await submission('S-MT', mt, 'Q1', 1);
  await article('A-pub', qldd, 'Q1', true);
  await article('A-draft', qldd, 'Q1', false);
  await article('A-MT', mt, 'Q1', true);
  await article('A-Q2', qldd, 'Q2', true);
  // S6 was approved into A-pub: linking both counts one output.
  await strapi()
    .db.query(SUBMISSION)
    .update({
      where: { documentId: ids.S6 },
      data: {
        article: (
          await strapi()
            .db.query(ARTICLE)
            .findOne({ where: { documentId: ids['A-pub'] } })
        ).id,
      },
    });

  await feedback('F-late', qldd, { state: 'assigned', dueDate: localDay(20), unitDueDate: localDay(-3) });
  await feedback('F-ahead', qldd, { state: 'assigned', dueDate: localDay(20), unitDueDate: localDay(2) });
  await feedback('F-drafted', qldd, {
    state: 'answer_drafted',
    dueDate: localDay(20),
    unitDueDate: localDay(-3),
  });
  await feedback('F-mt', mt, { state: 'assigned', dueDate: localDay(-1) });
});

describe('task rows', () => {
  const expectQ1 = (row: Row) => {
    expect(row.linked.submissions.total).toBe(6);
    expect(row.linked.submissions.latest.map((s: Row) => s.title)).toEqual(
      ['S6', 'S5', 'S4', 'S3', 'S2'].map((n) => `Tin bài ${n}`)
    );
    expect(row.linked.submissions.latest[0]).toEqual({
      documentId: ids.S6,
      title: 'Tin bài S6',
      state: 'submitted',
      submittedAt: expect.any(String),
      createdAt: expect.any(String),
      articleDocumentId: ids['A-pub'],
    });
    expect(row.linked.articles.total).toBe(2);
    const byId = Object.fromEntries(row.linked.articles.latest.map((a: Row) => [a.documentId, a]));
    expect(byId[ids['A-pub']]).toEqual({
      documentId: ids['A-pub'],
      title: 'Bài A-pub',
      published: true,
      publishedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(byId[ids['A-draft']]).toMatchObject({ title: 'Bài A-draft', published: false, publishedAt: null });
  };

  it("list the unit's own linked submissions and articles on the unit's page, the latest 5 and the total", async () => {
    const res = await api('get', '/my', QLDD);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.data.tasks.map((t: Row) => [t.code, t]));
    expectQ1(byCode.Q1);
    expect(byCode.Q2.linked).toEqual({
      articles: { total: 1, latest: [expect.objectContaining({ documentId: ids['A-Q2'], published: true })] },
      submissions: { total: 1, latest: [expect.objectContaining({ documentId: ids['S-Q2'] })] },
    });
    expect(byCode.Q3.linked).toEqual({
      articles: { total: 0, latest: [] },
      submissions: { total: 0, latest: [] },
    });
    const text = JSON.stringify(res.body);
    for (const foreign of [ids['S-MT'], ids['A-MT'], ids['S-none']]) expect(text).not.toContain(foreign);
  });

  it('list them in the drill-down of the unit, for those who oversee and the unit, not another unit', async () => {
    for (const email of [OFFICE, DIRECTOR, IT, QLDD]) {
      const res = await api('get', `/units/${qldd.id}/tasks?year=${year}&pageSize=100`, email);
      expect(res.status).toBe(200);
      expectQ1(res.body.results.find((t: Row) => t.code === 'Q1'));
    }
    expect((await api('get', `/units/${qldd.id}/tasks?year=${year}`, MT)).status).toBe(404);
  });
});

describe('task reports with linked outputs', () => {
  it("link the unit's items of the task and derive the output count", async () => {
    const res = await api('post', '/task-reports', QLDD, {
      data: {
        planTask: ids.Q1,
        status: 'in_progress',
        results: 'Đã gửi 2 tin, đăng 1 bài, tổ chức 1 buổi tập huấn.',
        articles: [ids['A-pub']],
        submissions: [ids.S6, ids.S2],
        extraOutputCount: 1,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      planTask: { documentId: ids.Q1, code: 'Q1' },
      status: 'in_progress',
      // A-pub, S2 and the training: S6 became A-pub and counts once.
      outputCount: 3,
      extraOutputCount: 1,
      outputs: [
        { type: 'article', documentId: ids['A-pub'], title: 'Bài A-pub' },
        { type: 'submission', documentId: ids.S6, title: 'Tin bài S6' },
        { type: 'submission', documentId: ids.S2, title: 'Tin bài S2' },
      ],
    });
    const listed = await api('get', `/task-reports?task=${ids.Q1}`, OFFICE);
    expect(listed.body.results[0]).toMatchObject({ outputCount: 3, outputs: res.body.data.outputs });
    const my = await api('get', '/my', QLDD);
    expect(my.body.data.tasks.find((t: Row) => t.code === 'Q1').lastReport).toMatchObject({
      status: 'in_progress',
      outputCount: 3,
    });
  });

  it('keep a typed count when nothing is linked', async () => {
    const res = await api('post', '/task-reports', QLDD, {
      data: { planTask: ids.Q3, status: 'done', results: 'Đã hoàn thành.', outputCount: 2 },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ outputCount: 2, outputs: [], extraOutputCount: null });
  });

  it("may be filed by the Office with the unit's items", async () => {
    const res = await api('post', '/task-reports', OFFICE, {
      data: { planTask: ids.Q2, status: 'in_progress', results: 'Theo dõi.', submissions: [ids['S-Q2']] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ unit: { code: 'P-QLDD' }, outputCount: 1 });
  });

  it("refuse another unit's items, items of another task or of none, and a typed count beside links", async () => {
    const before = await count('oversight_task_reports');
    const res = await api('post', '/task-reports', QLDD, {
      data: {
        planTask: ids.Q1,
        status: 'done',
        results: 'x',
        articles: [ids['A-MT'], ids['A-Q2'], ids['A-draft']],
        submissions: [ids['S-MT'], ids['S-Q2'], ids['S-none'], ids.S3],
      },
    });
    expect(fieldsOf(res)).toEqual([
      'articles.0',
      'articles.1',
      'submissions.0',
      'submissions.1',
      'submissions.2',
    ]);
    expect(
      res.body.error.details.errors.find((e: Row) => e.path.join('.') === 'articles.1').messages
    ).toEqual({
      vi: 'Bài viết không gắn với nhiệm vụ này.',
      en: 'The article is not linked to this plan task.',
    });
    expect(
      fieldsOf(
        await api('post', '/task-reports', QLDD, {
          data: { planTask: ids.Q1, status: 'done', results: 'x', submissions: [ids.S3], outputCount: 4 },
        })
      )
    ).toEqual(['outputCount']);
    // Another unit's editor cannot report on the task, links or not.
    expect(
      fieldsOf(
        await api('post', '/task-reports', MT, {
          data: { planTask: ids.Q1, status: 'done', results: 'x', submissions: [ids['S-MT']] },
        })
      )
    ).toEqual(['planTask']);
    expect(await count('oversight_task_reports')).toBe(before);
  });
});

describe("a unit's overdue items", () => {
  const overdue = (email: string, unit = qldd) => api('get', `/units/${unit.id}/overdue`, email);
  const keys = (res: request.Response) => res.body.data.items.map((i: Row) => `${i.type}:${i.documentId}`);

  it('are its tasks past due without a done report and the feedback it owes past its own due date', async () => {
    const res = await overdue(OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.data.unit).toEqual({ id: qldd.id, code: 'P-QLDD', name: qldd.name });
    expect(res.body.data.today).toBe(localDay());
    expect(keys(res)).toEqual(expect.arrayContaining([`task:${ids.Q1}`, `feedback:${ids['F-late']}`]));
    for (const absent of ['Q2', 'Q3', 'M1']) expect(keys(res)).not.toContain(`task:${ids[absent]}`);
    for (const absent of ['F-ahead', 'F-drafted', 'F-mt'])
      expect(keys(res)).not.toContain(`feedback:${ids[absent]}`);
    const items = res.body.data.items;
    expect(items.find((i: Row) => i.documentId === ids.Q1)).toEqual({
      type: 'task',
      documentId: ids.Q1,
      code: 'Q1',
      title: 'Nhiệm vụ Q1',
      dueDate: localDay(-10),
      lateDays: 10,
      lateDaysKind: 'calendar',
      remindedToday: false,
    });
    const late = items.find((i: Row) => i.documentId === ids['F-late']);
    expect(late).toMatchObject({
      type: 'feedback',
      dueDate: localDay(-3),
      lateDaysKind: 'working',
      lateDays: expect.any(Number),
      remindedToday: false,
    });
    // No personal data of the submitter.
    expect(late.title).not.toMatch(/Mai|0987654321/);
    expect(items.map((i: Row) => i.dueDate)).toEqual([...items.map((i: Row) => i.dueDate)].sort());
  });

  it('are read by those who oversee and by the unit itself, not by another unit', async () => {
    const office = await overdue(OFFICE);
    for (const email of [DIRECTOR, IT, QLDD]) expect((await overdue(email)).body).toEqual(office.body);
    expect((await overdue(MT)).status).toBe(404);
    expect(keys(await overdue(MT, mt))).toEqual(
      expect.arrayContaining([`task:${ids.M1}`, `feedback:${ids['F-mt']}`])
    );
  });

  it("are what the Office's reminder lists, as reminder items, with titles and dd/mm/yyyy due dates", async () => {
    const before = (await overdue(OFFICE)).body.data.items;
    const chosen = before.filter((i: Row) => [ids.Q1, ids['F-late']].includes(i.documentId));
    const res = await api('post', '/reminders', OFFICE, {
      data: {
        unit: qldd.id,
        message: 'Đề nghị đơn vị hoàn thành các việc quá hạn được liệt kê dưới đây.',
        items: chosen.map((i: Row) => ({ type: i.type, documentId: i.documentId })),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.items).toEqual(
      chosen.map((i: Row) => ({
        type: i.type,
        documentId: i.documentId,
        ...(i.code ? { code: i.code } : {}),
        title: i.title,
        dueDate: i.dueDate,
      }))
    );
    const stored = await strapi()
      .db.connection('oversight_reminder_items')
      .where({ kind: 'manual', unit_id: qldd.id, day: localDay() })
      .select('item_type', 'item_document_id');
    expect(stored.map((r: Row) => `${r.item_type}:${r.item_document_id}`).sort()).toEqual(
      chosen.map((i: Row) => `${i.type}:${i.documentId}`).sort()
    );
    const [mail] = await strapi()
      .db.connection('email_outbox')
      .where('topic', `oversight.reminder:${res.body.data.documentId}`)
      .select('body');
    for (const item of chosen) {
      expect(mail.body).toContain(item.title);
      expect(mail.body).toContain(`hạn / due ${display(item.dueDate)}) — QUÁ HẠN / OVERDUE`);
    }
    expect(mail.body).not.toMatch(/Trần Thị Mai|0987654321/);
    const after = (await overdue(OFFICE)).body.data.items;
    for (const item of after) {
      expect(item.remindedToday).toBe([ids.Q1, ids['F-late']].includes(item.documentId));
    }
  });

  it("refuse a reminder naming another unit's items, writing nothing", async () => {
    const before = await count('oversight_reminders');
    const res = await api('post', '/reminders', OFFICE, {
      data: {
        unit: qldd.id,
        message: 'Đôn đốc.',
        items: [
          { type: 'task', documentId: ids.M1 },
          { type: 'feedback', documentId: ids['F-mt'] },
          { type: 'task', documentId: ids.Q3 },
        ],
      },
    });
    expect(fieldsOf(res)).toEqual(['items.0', 'items.1']);
    expect(await count('oversight_reminders')).toBe(before);
  });
});
