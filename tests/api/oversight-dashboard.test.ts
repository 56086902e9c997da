/**
 * The oversight dashboard against a hand-counted fixture: a 2019 plan (a year no demo data uses, and past, so that
 * every unfinished task due in 2019 is overdue) with tasks, task reports, submissions, articles, feedback,
 * reminders and difficulties of two units, including rows just outside the year in local time (UTC+7). Every
 * figure is asserted, every drill-down's count equals its figure, and each role sees what it may.
 */
import crypto from 'crypto';
import request from 'supertest';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const QLDD = 'qldd@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const tokens: Record<string, string> = {};

const YEAR = 2019;
const SUBMISSION = 'plugin::unit-submissions.submission';
const ARTICLE = 'api::article.article';
const TASK = 'api::plan-task.plan-task';

const docId = () => crypto.randomBytes(12).toString('hex');
/** A local (UTC+7) date-time of Vietnam as a Date. */
const local = (stamp: string) => new Date(`${stamp}+07:00`);

let units: Record<string, Entry>;
let A: Entry; // P-QLDD
let B: Entry; // P-MT
const tasks: Record<string, string> = {};
/** Reminders and difficulties are not counted by year: the demo's own, before the fixture, by unit code. */
let baseline: Record<string, { lastReminderAt: string | null; openDifficulties: number }>;
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const docs = (uid: string) => app.strapi().documents(uid as any) as any;

async function createTask(
  code: string,
  unit: Entry,
  dueDate: string | null,
  targetCount: number,
  plan: string
) {
  const created = await docs(TASK).create({
    locale: 'vi',
    data: {
      code,
      content: `Nhiệm vụ ${code}`,
      form: 'news',
      channel: 'website',
      targetCount,
      dueDate,
      plan,
      unit: unit.documentId,
    },
  });
  tasks[code] = created.documentId;
  return created.documentId as string;
}

async function report(code: string, unit: Entry, status: string, reportedAt: Date) {
  await app
    .strapi()
    .db.query('plugin::oversight.task-report')
    .create({
      data: {
        documentId: docId(),
        unit: unit.id,
        planTaskDocumentId: tasks[code],
        status,
        results: `Kết quả ${code}`,
        reportedByName: 'Cán bộ đơn vị',
        reportedAt,
      },
    });
}

async function submission(unit: Entry, state: string, createdAt: Date, task?: string) {
  const taskRow = task
    ? await app
        .strapi()
        .db.query(TASK)
        .findOne({ where: { documentId: tasks[task], locale: 'vi' } })
    : null;
  const created = await app
    .strapi()
    .db.query(SUBMISSION)
    .create({
      data: {
        documentId: docId(),
        title: `Tin bài ${state}`,
        kind: 'news',
        state,
        version: 0,
        unit: unit.id,
        planTask: taskRow?.id ?? null,
        submittedAt: state === 'draft' ? null : createdAt,
      },
    });
  // The created time is set by Strapi: backdate it.
  await app
    .strapi()
    .db.connection(app.strapi().db.metadata.get(SUBMISSION).tableName)
    .where('id', created.id)
    .update({ created_at: createdAt });
}

async function article(
  unit: Entry,
  kind: string,
  channel: string,
  publishedAt: Date | null,
  { task, english }: { task?: string; english?: boolean } = {}
) {
  const slug = `bai-${docId()}`;
  const data = { title: `Bài ${kind} ${channel}`, slug, kind, channel, unit: unit.documentId };
  const created = await docs(ARTICLE).create({
    locale: 'vi',
    data: { ...data, ...(task ? { planTask: tasks[task] } : {}) },
  });
  if (english) {
    await docs(ARTICLE).update({
      documentId: created.documentId,
      locale: 'en',
      data: { ...data, title: `Article ${kind}`, slug: `${slug}-en` },
    });
  }
  if (!publishedAt) return created.documentId;
  await docs(ARTICLE).publish({ documentId: created.documentId, locale: '*' });
  // Strapi dates a publication now: move it to the fixture's date.
  await app
    .strapi()
    .db.connection('articles')
    .where('document_id', created.documentId)
    .whereNotNull('published_at')
    .update({ published_at: publishedAt });
  return created.documentId;
}

let feedbackCounter = 0;
async function feedback(unit: Entry, fields: Entry) {
  feedbackCounter += 1;
  await app
    .strapi()
    .db.query('api::feedback.feedback')
    .create({
      data: {
        documentId: docId(),
        fullName: 'Nguyễn Văn Ánh',
        address: 'Số 12 đường Lê Lợi',
        phone: '0912345678',
        email: 'anh@demo.example',
        kind: 'impractical_rule',
        subject: `Ông Ánh phản ánh số ${feedbackCounter}, gọi 0912345678`,
        content: 'Nội dung',
        channel: 'phone',
        language: 'vi',
        answerPublished: false,
        version: 0,
        trackingCodeHash: crypto.createHash('sha256').update(docId()).digest('hex'),
        handlingUnit: unit.id,
        ...fields,
      },
    });
}

const api = (path: string, email: string) =>
  request(app.server())
    .get(`/oversight${path}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });

beforeAll(async () => {
  for (const email of [QLDD, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
  A = units['P-QLDD'];
  B = units['P-MT'];
  const before = await api(`/dashboard?year=${YEAR}`, OFFICE);
  baseline = Object.fromEntries(
    before.body.data.units.map((r: Entry) => [
      r.unit.code,
      { lastReminderAt: r.lastReminderAt, openDifficulties: r.openDifficulties },
    ])
  );

  const plan = await docs('api::plan.plan').create({
    locale: 'vi',
    data: {
      title: 'Kế hoạch truyền thông năm 2019',
      year: YEAR,
      number: 7,
      symbol: '7/KH-STNMT',
      issuingBody: 'Sở',
    },
  });
  await docs('api::plan.plan').update({
    documentId: plan.documentId,
    locale: 'en',
    data: { title: 'Communication plan 2019', year: YEAR, issuingBody: 'Department' },
  });
  await docs('api::plan.plan').publish({ documentId: plan.documentId, locale: '*' });

  // Tasks. A: A1 done, A2 overdue, A3 in progress, A4 overdue (done, then reopened); B: B1 in progress, B2 done.
  await createTask('A1', A, '2019-03-31', 3, plan.documentId);
  await docs(TASK).update({
    documentId: tasks.A1,
    locale: 'en',
    data: { code: 'A1', content: 'Task A1', form: 'news', plan: plan.documentId, unit: A.documentId },
  });
  await createTask('A2', A, '2019-06-30', 2, plan.documentId);
  await createTask('A3', A, '2099-12-31', 1, plan.documentId);
  await createTask('A4', A, '2019-05-01', 4, plan.documentId);
  await createTask('B1', B, null, 5, plan.documentId);
  await createTask('B2', B, '2019-02-01', 0, plan.documentId);
  await report('A1', A, 'in_progress', local('2019-02-01T09:00:00'));
  await report('A1', A, 'done', local('2019-03-30T09:00:00'));
  await report('A2', A, 'in_progress', local('2019-05-01T09:00:00'));
  await report('A4', A, 'done', local('2019-04-01T09:00:00'));
  await report('A4', A, 'in_progress', local('2019-04-20T09:00:00'));
  await report('B2', B, 'done', local('2019-01-20T09:00:00'));

  // Submissions. A: 5 in 2019 (draft, submitted, published, rejected, approved) and 2 just outside; B: 1.
  await submission(A, 'draft', local('2019-02-01T08:00:00'), 'A1');
  await submission(A, 'submitted', local('2019-02-02T08:00:00'), 'A1');
  await submission(A, 'published', local('2019-05-02T08:00:00'), 'A2');
  await submission(A, 'rejected', local('2019-01-01T00:00:00'));
  await submission(A, 'approved', local('2019-12-31T23:30:00'));
  await submission(A, 'draft', local('2018-12-31T23:59:59'), 'A1');
  await submission(A, 'submitted', local('2020-01-01T00:00:00'), 'A1');
  await submission(B, 'in_review', local('2019-08-08T08:00:00'));

  // Articles. A: R1 (vi and en, counted once), R2, R3 in 2019; one in 2020, one never published. B: one at the
  // first local minute of 2019, one at the first of 2020.
  await article(A, 'news', 'website', local('2019-03-10T10:00:00'), { task: 'A1', english: true });
  await article(A, 'news', 'press', local('2019-07-01T10:00:00'), { task: 'A1' });
  await article(A, 'reportage', 'television', local('2019-07-15T10:00:00'), { task: 'A2' });
  await article(A, 'news', 'website', local('2020-01-05T10:00:00'), { task: 'A1' });
  await article(A, 'news', 'website', null, { task: 'A1' });
  await article(B, 'video_clip', 'social_media', local('2019-01-01T00:00:00'));
  await article(B, 'video_clip', 'social_media', local('2020-01-01T00:30:00'));

  // Feedback. A: 6 received in 2019 — answered on time, answered late, assigned past the unit's due date,
  // assigned not yet due, drafted past due, accepted not yet due — and one in 2020; B: one answered on time.
  const received = local('2019-04-10T09:00:00');
  await feedback(A, {
    state: 'answered',
    receivedAt: received,
    answeredAt: local('2019-04-20T09:00:00'),
    onTime: true,
    dueDate: '2019-05-01',
    closedAt: local('2019-04-20T09:00:00'),
  });
  await feedback(A, {
    state: 'published',
    receivedAt: received,
    answeredAt: local('2019-06-20T09:00:00'),
    onTime: false,
    dueDate: '2019-05-01',
    closedAt: local('2019-06-20T09:00:00'),
  });
  await feedback(A, {
    state: 'assigned',
    receivedAt: received,
    unitDueDate: '2019-05-01',
    dueDate: '2099-01-01',
  });
  await feedback(A, { state: 'assigned', receivedAt: received, unitDueDate: null, dueDate: '2099-12-31' });
  await feedback(A, {
    state: 'answer_drafted',
    receivedAt: local('2019-12-31T23:59:00'),
    dueDate: '2019-06-01',
  });
  await feedback(A, { state: 'accepted', receivedAt: local('2019-01-01T00:00:00'), dueDate: '2099-01-01' });
  await feedback(A, { state: 'assigned', receivedAt: local('2020-01-01T00:00:00'), dueDate: '2019-01-01' });
  await feedback(B, {
    state: 'answered',
    receivedAt: received,
    answeredAt: received,
    onTime: true,
    dueDate: '2019-05-01',
  });

  // Reminders and difficulties of A.
  for (const sentAt of ['2019-09-01T10:00:00.000Z', '2019-04-01T02:00:00.000Z']) {
    await app
      .strapi()
      .db.query('plugin::oversight.reminder')
      .create({
        data: {
          documentId: docId(),
          unit: A.id,
          kind: 'manual',
          sentByName: 'Văn phòng',
          sentAt: new Date(sentAt),
        },
      });
  }
  for (const [state, task] of [
    ['open', 'A2'],
    ['escalated', null],
    ['resolved', 'A2'],
    ['answered', null],
  ]) {
    await app
      .strapi()
      .db.query('plugin::oversight.difficulty')
      .create({
        data: {
          documentId: docId(),
          unit: A.id,
          planTaskDocumentId: task ? tasks[task] : null,
          what: 'Thiếu kinh phí',
          state,
          reportedByName: 'Cán bộ đơn vị',
          reportedAt: local('2019-05-05T09:00:00'),
          version: 0,
        },
      });
  }
}, 120_000);

const states = (counts: Entry) => ({
  draft: 0,
  submitted: 0,
  in_review: 0,
  changes_requested: 0,
  approved: 0,
  published: 0,
  rejected: 0,
  withdrawn: 0,
  ...counts,
});
const kinds = (counts: Entry) => ({
  news: 0,
  article: 0,
  reportage: 0,
  documentary: 0,
  video_clip: 0,
  photo_story: 0,
  ...counts,
});
const channels = (counts: Entry) => ({
  website: 0,
  press: 0,
  television: 0,
  radio: 0,
  social_media: 0,
  ...counts,
});

const EXPECTED: Record<string, Entry> = {
  'P-QLDD': {
    tasks: { total: 4, done: 1, inProgress: 1, overdue: 2 },
    submissions: {
      total: 5,
      byState: states({ draft: 1, submitted: 1, published: 1, rejected: 1, approved: 1 }),
    },
    articles: {
      published: 3,
      target: 10,
      byKind: kinds({ news: 2, reportage: 1 }),
      byChannel: channels({ website: 1, press: 1, television: 1 }),
    },
    feedback: { assigned: 6, answered: 2, answeredOnTime: 1, overdue: 3 },
    lastReminderAt: '2019-09-01T10:00:00.000Z',
    openDifficulties: 2,
  },
  'P-MT': {
    tasks: { total: 2, done: 1, inProgress: 1, overdue: 0 },
    submissions: { total: 1, byState: states({ in_review: 1 }) },
    articles: {
      published: 1,
      target: 5,
      byKind: kinds({ video_clip: 1 }),
      byChannel: channels({ social_media: 1 }),
    },
    feedback: { assigned: 1, answered: 1, answeredOnTime: 1, overdue: 0 },
    lastReminderAt: null,
    openDifficulties: 0,
  },
};

describe('the plugin', () => {
  it('has its routes mounted (a plugin loaded as {} would answer 404)', async () => {
    const res = await api('/options', OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.data.access).toEqual({
      canDashboard: true,
      canManage: true,
      canUnit: false,
      canEscalations: false,
    });
    expect(res.body.data.units.map((u: Entry) => u.code)).toEqual(expect.arrayContaining(['VP', 'P-QLDD']));
    expect(res.body.data.units[0]).toEqual({
      id: units.VP.id,
      documentId: units.VP.documentId,
      code: 'VP',
      name: units.VP.name,
    });
    // The demo's plan of the current year (the dashboard's default year), its 2021 plan, and this file's.
    const currentYear = (await api('/dashboard', OFFICE)).body.data.year;
    expect(res.body.data.years).toEqual([currentYear, 2021, 2019]);
  });

  it('offers a unit editor their own unit only', async () => {
    const res = await api('/options', QLDD);
    expect(res.status).toBe(200);
    expect(res.body.data.access).toEqual({
      canDashboard: false,
      canManage: false,
      canUnit: true,
      canEscalations: false,
    });
    expect(res.body.data.units.map((u: Entry) => u.code)).toEqual(['P-QLDD']);
  });

  it('needs an admin session', async () => {
    expect((await request(app.server()).get('/oversight/dashboard')).status).toBe(401);
  });
});

describe('the dashboard', () => {
  let data: Entry;
  beforeAll(async () => {
    const res = await api(`/dashboard?year=${YEAR}`, OFFICE);
    expect(res.status).toBe(200);
    data = res.body.data;
  });

  it('names the year, today and the plan', () => {
    expect(data.year).toBe(YEAR);
    expect(data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.plan).toEqual({
      documentId: expect.any(String),
      title: 'Kế hoạch truyền thông năm 2019',
      number: 7,
      symbol: '7/KH-STNMT',
    });
  });

  it('lists every active unit in order, with exact figures', () => {
    expect(data.units.map((r: Entry) => r.unit.code)).toEqual([
      'VP',
      'TTRA',
      'P-KHTC',
      'P-QLDD',
      'P-MT',
      'P-TNN',
      'P-BDVT',
      'CC-BVMT',
      'TTCNTT',
      'VPDKDD',
      'TTQT',
      'TTPTQD',
    ]);
    for (const row of data.units) {
      const fixture = EXPECTED[row.unit.code] ?? {
        tasks: { total: 0, done: 0, inProgress: 0, overdue: 0 },
        submissions: { total: 0, byState: states({}) },
        articles: { published: 0, target: 0, byKind: kinds({}), byChannel: channels({}) },
        feedback: { assigned: 0, answered: 0, answeredOnTime: 0, overdue: 0 },
        lastReminderAt: null,
        openDifficulties: 0,
      };
      const demo = baseline[row.unit.code];
      const expected = {
        ...fixture,
        lastReminderAt: later(fixture.lastReminderAt, demo.lastReminderAt),
        openDifficulties: fixture.openDifficulties + demo.openDifficulties,
      };
      expect({ code: row.unit.code, ...row, unit: undefined }).toEqual({
        code: row.unit.code,
        unit: undefined,
        ...expected,
      });
    }
    expect(data.units.find((r: Entry) => r.unit.code === 'P-QLDD').unit).toEqual({
      id: A.id,
      code: 'P-QLDD',
      name: A.name,
    });
  });

  it('adds the units up', () => {
    expect(data.totals).toEqual({
      tasks: { total: 6, done: 2, inProgress: 2, overdue: 2 },
      submissions: {
        total: 6,
        byState: states({ draft: 1, submitted: 1, published: 1, rejected: 1, approved: 1, in_review: 1 }),
      },
      articles: {
        published: 4,
        target: 15,
        byKind: kinds({ news: 2, reportage: 1, video_clip: 1 }),
        byChannel: channels({ website: 1, press: 1, television: 1, social_media: 1 }),
      },
      feedback: { assigned: 7, answered: 3, answeredOnTime: 2, overdue: 3 },
      lastReminderAt: Object.values(baseline).reduce(
        (last: string | null, r) => later(last, r.lastReminderAt),
        '2019-09-01T10:00:00.000Z'
      ),
      openDifficulties: 2 + Object.values(baseline).reduce((n, r) => n + r.openDifficulties, 0),
    });
  });

  it('charts progress, publications by month and answers on time', () => {
    const progress = Object.fromEntries(data.charts.progressByUnit.map((c: Entry) => [c.code, c]));
    expect(progress['P-QLDD']).toEqual({
      unitId: A.id,
      code: 'P-QLDD',
      name: A.name,
      published: 3,
      target: 10,
      percent: 30,
    });
    expect(progress['P-MT']).toMatchObject({ published: 1, target: 5, percent: 20 });
    expect(progress.VP).toMatchObject({ published: 0, target: 0, percent: null });
    expect(data.charts.publicationsByMonth).toEqual(
      Array.from({ length: 12 }, (_, i) => ({
        month: `2019-${String(i + 1).padStart(2, '0')}`,
        count: { 0: 1, 2: 1, 6: 2 }[i] ?? 0,
      }))
    );
    const onTime = Object.fromEntries(data.charts.feedbackOnTime.map((c: Entry) => [c.code, c]));
    expect(onTime['P-QLDD']).toEqual({
      unitId: A.id,
      code: 'P-QLDD',
      name: A.name,
      answered: 2,
      onTime: 1,
      rate: 50,
    });
    expect(onTime['P-MT']).toMatchObject({ answered: 1, onTime: 1, rate: 100 });
    expect(onTime.VP).toMatchObject({ answered: 0, onTime: 0, rate: null });
  });

  it('answers a year without a plan with zero tasks', async () => {
    const res = await api('/dashboard?year=2018', OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.data.plan).toBeNull();
    expect(res.body.data.totals.tasks).toEqual({ total: 0, done: 0, inProgress: 0, overdue: 0 });
  });

  it('defaults to the current local year', async () => {
    const res = await api('/dashboard', OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.data.year).toBe(Number(res.body.data.today.slice(0, 4)));
  });

  it('refuses invalid parameters with field errors', async () => {
    for (const query of ['year=abc', 'year=1999', 'year=2019&year=2020']) {
      const res = await api(`/dashboard?${query}`, OFFICE);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors.map((e: Entry) => e.path)).toEqual([['year']]);
    }
    const unknown = await api('/dashboard?unit=1', OFFICE);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors.map((e: Entry) => e.path)).toEqual([['unit']]);
  });

  it('is read by the Office, the Director and the IT Center, not by a unit editor', async () => {
    for (const email of [DIRECTOR, IT]) {
      const res = await api(`/dashboard?year=${YEAR}`, email);
      expect(res.status).toBe(200);
      expect(res.body.data.totals).toEqual(data.totals);
    }
    expect((await api(`/dashboard?year=${YEAR}`, QLDD)).status).toBe(403);
  });
});

describe('the drill-downs', () => {
  let data: Entry;
  beforeAll(async () => {
    data = (await api(`/dashboard?year=${YEAR}`, OFFICE)).body.data;
  });
  const total = async (path: string) => {
    const res = await api(`${path}${path.includes('?') ? '&' : '?'}year=${YEAR}&pageSize=100`, OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(Math.min(res.body.pagination.total, 100));
    return res.body.pagination.total;
  };

  it('count exactly what each figure counts', async () => {
    for (const row of data.units.filter((r: Entry) => ['P-QLDD', 'P-MT', 'VP'].includes(r.unit.code))) {
      const u = `/units/${row.unit.id}`;
      expect(await total(`${u}/tasks`)).toBe(row.tasks.total);
      expect(await total(`${u}/tasks?status=done`)).toBe(row.tasks.done);
      expect(await total(`${u}/tasks?status=in_progress`)).toBe(row.tasks.inProgress);
      expect(await total(`${u}/tasks?status=overdue`)).toBe(row.tasks.overdue);
      expect(await total(`${u}/submissions`)).toBe(row.submissions.total);
      for (const [state, n] of Object.entries(row.submissions.byState))
        expect(await total(`${u}/submissions?state=${state}`)).toBe(n);
      expect(await total(`${u}/articles`)).toBe(row.articles.published);
      for (const [kind, n] of Object.entries(row.articles.byKind))
        expect(await total(`${u}/articles?kind=${kind}`)).toBe(n);
      for (const [channel, n] of Object.entries(row.articles.byChannel))
        expect(await total(`${u}/articles?channel=${channel}`)).toBe(n);
      expect(await total(`${u}/feedback`)).toBe(row.feedback.assigned);
      expect(await total(`${u}/feedback?filter=assigned`)).toBe(row.feedback.assigned);
      expect(await total(`${u}/feedback?filter=answered`)).toBe(row.feedback.answered);
      expect(await total(`${u}/feedback?filter=on_time`)).toBe(row.feedback.answeredOnTime);
      expect(await total(`${u}/feedback?filter=overdue`)).toBe(row.feedback.overdue);
    }
  });

  it("show each task's status, articles, submissions, latest report and open difficulties", async () => {
    const res = await api(`/units/${A.id}/tasks?year=${YEAR}`, OFFICE);
    const byCode = Object.fromEntries(res.body.results.map((t: Entry) => [t.code, t]));
    expect(res.body.results.map((t: Entry) => t.code)).toEqual(['A1', 'A4', 'A2', 'A3']);
    expect(byCode.A1).toEqual({
      documentId: tasks.A1,
      code: 'A1',
      content: 'Nhiệm vụ A1',
      form: 'news',
      channel: 'website',
      targetCount: 3,
      dueDate: '2019-03-31',
      status: 'done',
      publishedArticles: 2,
      submissions: 2,
      lastReport: {
        status: 'done',
        reportedAt: local('2019-03-30T09:00:00').toISOString(),
        results: 'Kết quả A1',
        reportedByName: 'Cán bộ đơn vị',
      },
      openDifficulties: 0,
      linked: expect.any(Object),
    });
    // Everything linked to the task, not only the year's: the latest first (a draft by its last edit), one
    // entry per document (R1 has an English version), titled in Vietnamese.
    const iso = (stamp: string) => local(stamp).toISOString();
    expect(byCode.A1.linked.articles.total).toBe(4);
    expect(byCode.A1.linked.articles.latest.map((a: Entry) => [a.title, a.published, a.publishedAt])).toEqual(
      [
        ['Bài news website', false, null],
        ['Bài news website', true, iso('2020-01-05T10:00:00')],
        ['Bài news press', true, iso('2019-07-01T10:00:00')],
        ['Bài news website', true, iso('2019-03-10T10:00:00')],
      ]
    );
    expect(byCode.A1.linked.articles.latest[2]).toEqual({
      documentId: expect.any(String),
      title: 'Bài news press',
      published: true,
      publishedAt: iso('2019-07-01T10:00:00'),
      updatedAt: expect.any(String),
    });
    expect(byCode.A1.linked.submissions.total).toBe(4);
    expect(byCode.A1.linked.submissions.latest.map((s: Entry) => [s.state, s.createdAt])).toEqual([
      ['submitted', iso('2020-01-01T00:00:00')],
      ['submitted', iso('2019-02-02T08:00:00')],
      ['draft', iso('2019-02-01T08:00:00')],
      ['draft', iso('2018-12-31T23:59:59')],
    ]);
    expect(byCode.A2.linked).toEqual({
      articles: { total: 1, latest: [expect.objectContaining({ title: 'Bài reportage television' })] },
      submissions: { total: 1, latest: [expect.objectContaining({ state: 'published' })] },
    });
    expect(byCode.A3.linked).toEqual({
      articles: { total: 0, latest: [] },
      submissions: { total: 0, latest: [] },
    });
    expect(byCode.A2).toMatchObject({
      status: 'overdue',
      publishedArticles: 1,
      submissions: 1,
      openDifficulties: 1,
    });
    expect(byCode.A3).toMatchObject({ status: 'in_progress', lastReport: null, publishedArticles: 0 });
    expect(byCode.A4).toMatchObject({ status: 'overdue', lastReport: { status: 'in_progress' } });
    const paged = await api(`/units/${A.id}/tasks?year=${YEAR}&pageSize=3&page=2`, OFFICE);
    expect(paged.body.results.map((t: Entry) => t.code)).toEqual(['A3']);
    expect(paged.body.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
  });

  it('give every listing the same total on each page, and on a page past the last one', async () => {
    for (const path of ['submissions', 'articles', 'feedback', 'feedback?filter=overdue']) {
      const join = path.includes('?') ? '&' : '?';
      const all = await api(`/units/${A.id}/${path}${join}year=${YEAR}`, OFFICE);
      const { total } = all.body.pagination;
      expect({ path, total: total > 0 }).toEqual({ path, total: true });
      const pages = [];
      for (let page = 1; page <= total + 1; page += 1) {
        const res = await api(`/units/${A.id}/${path}${join}year=${YEAR}&pageSize=1&page=${page}`, OFFICE);
        expect({ path, page, status: res.status, total: res.body.pagination.total }).toEqual({
          path,
          page,
          status: 200,
          total,
        });
        pages.push(...res.body.results);
      }
      // One item a page, in the listing's order, then none past the last page.
      expect(pages).toEqual(all.body.results.slice(0, total));
    }
  });

  it('filter submissions and articles by task', async () => {
    const subs = await api(`/units/${A.id}/submissions?year=${YEAR}&task=${tasks.A1}`, OFFICE);
    expect(subs.body.pagination.total).toBe(2);
    expect(subs.body.results[0]).toEqual({
      documentId: expect.any(String),
      title: 'Tin bài submitted',
      kind: 'news',
      state: 'submitted',
      submittedAt: local('2019-02-02T08:00:00').toISOString(),
      dueDate: null,
      planTask: { documentId: tasks.A1, code: 'A1' },
    });
    const articles = await api(`/units/${A.id}/articles?year=${YEAR}&task=${tasks.A1}`, OFFICE);
    expect(articles.body.pagination.total).toBe(2);
    expect(articles.body.results).toEqual([
      {
        documentId: expect.any(String),
        title: 'Bài news press',
        kind: 'news',
        channel: 'press',
        publishedAt: local('2019-07-01T10:00:00').toISOString(),
        planTask: { documentId: tasks.A1, code: 'A1' },
      },
      expect.objectContaining({
        title: 'Bài news website',
        publishedAt: local('2019-03-10T10:00:00').toISOString(),
      }),
    ]);
  });

  it('show feedback without personal data', async () => {
    const res = await api(`/units/${A.id}/feedback?year=${YEAR}&filter=overdue`, OFFICE);
    expect(res.body.results).toHaveLength(3);
    for (const r of res.body.results) {
      expect(Object.keys(r).sort()).toEqual(
        ['answeredAt', 'documentId', 'dueDate', 'kind', 'onTime', 'receivedAt', 'state', 'subject'].sort()
      );
    }
    const text = JSON.stringify(res.body);
    for (const personal of ['Ánh', '0912345678', 'Lê Lợi', 'anh@demo.example'])
      expect(text).not.toContain(personal);
    expect(res.body.results.map((r: Entry) => [r.state, r.dueDate, r.onTime])).toEqual([
      ['answer_drafted', '2019-06-01', null],
      ['assigned', '2019-05-01', null],
      ['published', '2019-05-01', false],
    ]);
  });

  it("are a unit editor's for their own units only", async () => {
    for (const kind of ['tasks', 'submissions', 'articles', 'feedback']) {
      expect((await api(`/units/${A.id}/${kind}?year=${YEAR}`, QLDD)).status).toBe(200);
      expect((await api(`/units/${B.id}/${kind}?year=${YEAR}`, QLDD)).status).toBe(404);
    }
    expect((await api(`/units/${B.id}/tasks?year=${YEAR}`, DIRECTOR)).status).toBe(200);
    expect((await api(`/units/${B.id}/tasks?year=${YEAR}`, IT)).status).toBe(200);
    expect((await api('/units/999999/tasks', OFFICE)).status).toBe(404);
    expect((await api('/units/abc/tasks', OFFICE)).status).toBe(404);
  });

  it('refuse invalid parameters', async () => {
    for (const [path, field] of [
      ['tasks?status=late', 'status'],
      ['tasks?state=draft', 'state'],
      ['submissions?state=lost', 'state'],
      ['submissions?task=x', 'task'],
      ['articles?kind=poem', 'kind'],
      ['articles?channel=fax', 'channel'],
      ['feedback?filter=late', 'filter'],
      ['feedback?pageSize=101', 'pageSize'],
      ['feedback?year=19', 'year'],
    ]) {
      const res = await api(`/units/${A.id}/${path}`, OFFICE);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: Entry) => e.path.join('.'))).toEqual([field]);
    }
  });
});
