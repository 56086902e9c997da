/**
 * Annual reports against a hand-counted fixture: the 2031 report period (15/12/2030 to 14/12/2031 local time, a
 * period no demo data uses) with articles, submissions, procedures, feedback, survey responses and oversight
 * records, including items just inside and just outside both ends of the period in local time (UTC+7). Every
 * figure is asserted, each drill-down's total equals its figure, recompute lists what changed, issuing freezes
 * the report, each role gets what it may, and no personal data appears in any response.
 */
import crypto from 'crypto';
import request from 'supertest';
import { demo } from '../setup/demo';
import { adminLogin, fullAccessToken } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const QLDD = 'qldd@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const tokens: Record<string, string> = {};
let apiToken: string;

const YEAR = 2031;
const FROM = '2030-12-15';
const TO = '2031-12-14';
const ARTICLE = 'api::article.article';
const TASK = 'api::plan-task.plan-task';
const SUBMISSION = 'plugin::unit-submissions.submission';

// The fixture's personal data: none of it may appear in any response.
const PERSON = {
  fullName: 'Trần Thị Bích Ngọc',
  address: 'Số 99 phố Hàng Bạc',
  phone: '0987654321',
  email: 'ngoc.fixture@demo.example',
};
const STAFF_NAME = 'Lê Văn Cán Bộ Fixture';
const PERSONAL = ['Bích Ngọc', 'Ngọc', '0987654321', '098 765 4321', 'ngoc.fixture', 'Hàng Bạc', STAFF_NAME];

const docId = () => crypto.randomBytes(12).toString('hex');
/** A local (UTC+7) date-time of Vietnam as a Date. */
const local = (stamp: string) => new Date(`${stamp}+07:00`);
const utc = (stamp: string) => new Date(stamp);

let A: Entry; // P-QLDD
let B: Entry; // P-MT
const tasks: Record<string, string> = {};
let campaign: string;
let fieldDocumentId: string;
let baseline: Entry;
const articleIds: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const docs = (uid: string) => app.strapi().documents(uid as any) as any;
const db = (uid: string) => app.strapi().db.query(uid as never);
const knex = () => app.strapi().db.connection;

const as = (email: string) => ({ Authorization: `Bearer ${tokens[email]}` });
const get = (path: string, email = OFFICE) =>
  request(app.server()).get(`/annual-report${path}`).set(as(email));
const post = (path: string, body: object, email = OFFICE) =>
  request(app.server()).post(`/annual-report${path}`).set(as(email)).send(body);
const put = (path: string, body: object, email = OFFICE) =>
  request(app.server()).put(`/annual-report${path}`).set(as(email)).send(body);

/** Every response body the test saw, searched for personal data at the end. */
const seen: string[] = [];
const keep = <T extends { body: unknown }>(res: T) => {
  seen.push(JSON.stringify(res.body));
  return res;
};

async function article(
  name: string,
  unit: Entry,
  kind: string,
  channel: string,
  publishedAt: Date | null,
  { task, english, withCampaign }: { task?: string; english?: boolean; withCampaign?: boolean } = {}
) {
  const slug = `bai-${docId()}`;
  const data = {
    title: `Bài ${name}`,
    slug,
    kind,
    channel,
    unit: unit.documentId,
    ...(task ? { planTask: tasks[task] } : {}),
    ...(withCampaign ? { campaign } : {}),
  };
  const created = await docs(ARTICLE).create({ locale: 'vi', data });
  if (english) {
    await docs(ARTICLE).update({
      documentId: created.documentId,
      locale: 'en',
      // The plan task has no English row: the English article links the unit only.
      data: { title: `Article ${name}`, slug: `${slug}-en`, kind, channel, unit: unit.documentId },
    });
  }
  articleIds[name] = created.documentId;
  if (!publishedAt) return;
  await docs(ARTICLE).publish({ documentId: created.documentId, locale: '*' });
  await knex()('articles')
    .where('document_id', created.documentId)
    .whereNotNull('published_at')
    .update({ published_at: publishedAt });
}

async function submission(
  unit: Entry,
  state: string,
  createdAt: Date,
  { submittedAt, articleName }: { submittedAt?: Date; articleName?: string } = {}
) {
  const articleRow = articleName
    ? await db(ARTICLE).findOne({
        where: { documentId: articleIds[articleName], locale: 'vi', publishedAt: null },
      })
    : null;
  const created = await db(SUBMISSION).create({
    data: {
      documentId: docId(),
      title: `Tin bài ${state}`,
      kind: 'news',
      state,
      version: 0,
      unit: unit.id,
      submittedAt: submittedAt ?? null,
      article: articleRow?.id ?? null,
    },
  });
  await knex()(app.strapi().db.metadata.get(SUBMISSION).tableName)
    .where('id', created.id)
    .update({ created_at: createdAt });
}

let feedbackCounter = 0;
async function feedback(fields: Entry) {
  feedbackCounter += 1;
  await db('api::feedback.feedback').create({
    data: {
      documentId: docId(),
      ...PERSON,
      kind: 'impractical_rule',
      subject: `Bà Ngọc phản ánh số ${feedbackCounter}, gọi ${PERSON.phone}`,
      content: `Tôi là ${PERSON.fullName}, ${PERSON.address}`,
      channel: 'phone',
      language: 'vi',
      answerPublished: false,
      version: 0,
      trackingCodeHash: crypto.createHash('sha256').update(docId()).digest('hex'),
      handlingUnit: A.id,
      ...fields,
    },
  });
}

async function procedure(code: string, data: Entry) {
  const res = await request(app.server())
    .post('/api/procedures')
    .set({ Authorization: `Bearer ${apiToken}` })
    .send({
      data: {
        nationalCode: code,
        name: `Thủ tục thử nghiệm ${code}`,
        field: fieldDocumentId,
        levels: [{ level: 'province' }],
        implementingAgency: 'Sở Tài nguyên và Môi trường',
        subjects: 'Tổ chức, cá nhân',
        onlineLevel: 'partly_online',
        legalStatus: 'in_force',
        sampleData: true,
        ...data,
      },
    });
  if (res.status !== 201) throw new Error(`procedure ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
}

const service = () => app.strapi().plugin('annual-report').service('figures');

beforeAll(async () => {
  for (const email of [QLDD, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  apiToken = await fullAccessToken(app.strapi());
  const units = await db('api::unit.unit').findMany();
  A = units.find((u: Entry) => u.code === 'P-QLDD');
  B = units.find((u: Entry) => u.code === 'P-MT');
  baseline = await service().computeFigures({ from: FROM, to: TO });

  // Plan 2031 with a task per unit; a campaign (vi and en titles).
  const plan = await docs('api::plan.plan').create({
    locale: 'vi',
    data: {
      title: 'Kế hoạch truyền thông năm 2031',
      year: YEAR,
      number: 9,
      symbol: '9/KH',
      issuingBody: 'Sở',
    },
  });
  for (const [code, unit, target] of [
    ['T1', A, 5],
    ['T2', B, 3],
  ] as const) {
    const created = await docs(TASK).create({
      locale: 'vi',
      data: {
        code,
        content: `Nhiệm vụ ${code}`,
        form: 'news',
        channel: 'website',
        targetCount: target,
        plan: plan.documentId,
        unit: unit.documentId,
      },
    });
    tasks[code] = created.documentId;
  }
  const c = await docs('api::campaign.campaign').create({
    locale: 'vi',
    data: {
      title: 'Chiến dịch 2031',
      slug: `chien-dich-${docId()}`,
      theme: 'Chủ đề',
      startDate: '2031-01-01',
      endDate: '2031-12-31',
    },
  });
  await docs('api::campaign.campaign').update({
    documentId: c.documentId,
    locale: 'en',
    data: {
      title: 'Campaign 2031',
      slug: `campaign-${docId()}`,
      theme: 'Theme',
      startDate: '2031-01-01',
      endDate: '2031-12-31',
    },
  });
  await docs('api::campaign.campaign').publish({ documentId: c.documentId, locale: '*' });
  campaign = c.documentId;

  // Articles: 1 (first local instant), 2 (vi+en, last local second), 4 counted; 3 (first instant after), 5 (last
  // second before), 6 (never published) not.
  await article('1', A, 'news', 'website', local('2030-12-15T00:00:00'), { task: 'T1', withCampaign: true });
  await article('2', A, 'news', 'website', utc('2031-12-14T16:59:59Z'), { task: 'T1', english: true });
  await article('3', B, 'reportage', 'television', utc('2031-12-14T17:00:00Z'), { task: 'T2' });
  await article('4', B, 'video_clip', 'social_media', local('2031-06-01T08:00:00'), { withCampaign: true });
  await article('5', A, 'news', 'press', utc('2030-12-14T16:59:59Z'));
  await article('6', A, 'news', 'website', null);

  // Submissions: counted S2 (B published), S3 (A published, last second), S5 (B draft, 14/12), S6 (A rejected,
  // first instant); not S1 (created before), S4 (first instant after). Published in the period: S1 (4 days to
  // article 1), S2 (12 days to article 4); S3's article 3 is published after the period.
  await submission(A, 'published', local('2030-12-11T00:00:00'), {
    submittedAt: local('2030-12-11T00:00:00'),
    articleName: '1',
  });
  await submission(B, 'published', local('2031-05-20T08:00:00'), {
    submittedAt: local('2031-05-20T08:00:00'),
    articleName: '4',
  });
  await submission(A, 'published', utc('2031-12-14T16:59:59Z'), {
    submittedAt: utc('2031-12-14T16:59:59Z'),
    articleName: '3',
  });
  await submission(A, 'submitted', utc('2031-12-14T17:00:00Z'), { submittedAt: utc('2031-12-14T17:00:00Z') });
  await submission(B, 'draft', local('2031-12-14T12:00:00'));
  await submission(A, 'rejected', local('2030-12-15T00:00:00'), {
    submittedAt: local('2030-12-15T00:00:00'),
  });

  // Procedures in a new field: P1 added on 14/12 (province, commune); P2 from 15/12 (not listed, not added);
  // P3 (from 2031-03-01, listed, added) amended by P4 from 15/12, so P3 ends 14/12: amended in the period and
  // still in force on its last day; P5 abolished on 2031-06-30; P6 (from 2030-12-14) abolished on 2031-12-15.
  const field = await request(app.server())
    .post('/api/procedure-fields')
    .set({ Authorization: `Bearer ${apiToken}` })
    .send({ data: { name: 'Lĩnh vực thử nghiệm 2031', code: 'lv-2031', sortOrder: 99 } });
  expect(field.status).toBe(201);
  fieldDocumentId = field.body.data.documentId;
  await procedure('9.203101', {
    effectiveFrom: '2031-12-14',
    levels: [{ level: 'province' }, { level: 'commune' }],
  });
  await procedure('9.203102', { effectiveFrom: '2031-12-15' });
  const p3 = await procedure('9.203103', { effectiveFrom: '2031-03-01' });
  await procedure('9.203103', {
    effectiveFrom: '2031-12-15',
    previousVersion: p3,
    announcementType: 'amended',
  });
  const p5 = await procedure('9.203105', { effectiveFrom: '2030-01-01' });
  const p6 = await procedure('9.203106', { effectiveFrom: '2030-12-14' });
  for (const [id, effectiveTo] of [
    [p5, '2031-06-30'],
    [p6, '2031-12-15'],
  ]) {
    const res = await request(app.server())
      .put(`/api/procedures/${id}`)
      .set({ Authorization: `Bearer ${apiToken}` })
      .send({ data: { legalStatus: 'abolished', effectiveTo } });
    expect(res.status).toBe(200);
  }

  // Feedback: received F1 (first instant), F2 (last second), F5, F6; closed F1 (answered, on time),
  // F4 (transferred on 15/12, late), F5 (published, late), F6 (not accepted, on time); F3 outside both.
  await feedback({
    receivedAt: local('2030-12-15T00:00:00'),
    state: 'answered',
    closedAt: utc('2031-01-10T03:00:00Z'),
    answeredAt: utc('2031-01-10T03:00:00Z'),
    onTime: true,
  });
  await feedback({
    receivedAt: utc('2031-12-14T16:59:59Z'),
    channel: 'web',
    kind: 'official_conduct',
    state: 'received',
  });
  await feedback({
    receivedAt: utc('2031-12-14T17:00:00Z'),
    channel: 'email',
    state: 'not_accepted',
    closedAt: utc('2031-12-14T17:00:00Z'),
    onTime: true,
  });
  await feedback({
    receivedAt: utc('2030-12-14T16:59:59Z'),
    state: 'transferred',
    closedAt: local('2030-12-15T09:00:00'),
    onTime: false,
  });
  await feedback({
    receivedAt: local('2031-03-01T09:00:00'),
    channel: 'paper',
    kind: 'other_issue',
    state: 'published',
    closedAt: local('2031-04-01T09:00:00'),
    answeredAt: local('2031-04-01T09:00:00'),
    onTime: false,
    answerPublished: true,
    answerPublishedAt: utc('2031-12-14T16:59:59Z'),
  });
  await feedback({
    receivedAt: local('2031-05-01T09:00:00'),
    channel: 'web',
    kind: 'official_conduct',
    state: 'not_accepted',
    closedAt: local('2031-05-02T09:00:00'),
    onTime: true,
  });

  // Survey responses: three in the period, one just after.
  for (const [submittedAt, ratings] of [
    [utc('2030-12-14T17:00:00Z'), { timeliness: 5, staffAttitude: 4 }],
    [utc('2031-12-14T16:59:59Z'), { timeliness: 4, staffAttitude: 3, lawfulness: 5 }],
    [utc('2031-12-14T17:00:00Z'), { timeliness: 1 }],
    [local('2031-06-01T10:00:00'), { timeliness: 4, staffAttitude: 4 }],
  ] as const) {
    await db('api::survey-response.survey-response').create({
      data: { documentId: docId(), channel: 'web', submittedAt, comment: PERSON.phone, ...ratings },
    });
  }

  // Oversight: 1 reminder in, 1 after; checks on 15/12/2030 and 14/12/2031 in, 15/12/2031 out; difficulties D1
  // (A, resolved on the last second), D3 (B, escalated) raised in the period, D2 raised and escalated after it.
  for (const sentAt of [utc('2030-12-14T17:00:00Z'), utc('2031-12-14T17:00:00Z')]) {
    await db('plugin::oversight.reminder').create({
      data: { documentId: docId(), unit: A.id, kind: 'manual', sentByName: STAFF_NAME, sentAt },
    });
  }
  for (const date of ['2030-12-15', '2031-12-14', '2031-12-15']) {
    await db('plugin::oversight.check').create({
      data: { documentId: docId(), unit: A.id, date, findings: 'Kiểm tra', inspectorName: STAFF_NAME },
    });
  }
  const difficulty = (unit: Entry, fields: Entry) =>
    db('plugin::oversight.difficulty').create({
      data: { documentId: docId(), unit: unit.id, reportedByName: STAFF_NAME, version: 0, ...fields },
    });
  await difficulty(A, {
    what: 'Thiếu kinh phí in ấn',
    proposal: 'Bổ sung kinh phí',
    state: 'resolved',
    reportedAt: local('2031-02-01T09:00:00'),
    resolvedAt: utc('2031-12-14T16:59:59Z'),
  });
  await difficulty(A, {
    what: 'Ngoài kỳ báo cáo',
    state: 'escalated',
    reportedAt: utc('2031-12-14T17:00:00Z'),
    escalatedAt: utc('2031-12-14T17:00:00Z'),
  });
  await difficulty(B, {
    what: 'Thiếu phóng viên',
    proposal: 'Thuê dịch vụ',
    state: 'escalated',
    reportedAt: local('2031-05-01T09:00:00'),
    escalatedAt: local('2031-05-02T09:00:00'),
  });

  // Task reports: T1 in progress, then done (the latest in the period), then one after the period; T2 only
  // before it.
  const report = (task: string, unit: Entry, status: string, reportedAt: Date, results: string) =>
    db('plugin::oversight.task-report').create({
      data: {
        documentId: docId(),
        unit: unit.id,
        planTaskDocumentId: tasks[task],
        status,
        results,
        reportedByName: STAFF_NAME,
        reportedAt,
      },
    });
  await report('T1', A, 'in_progress', local('2031-03-01T09:00:00'), 'Đang viết bài');
  await report('T1', A, 'done', local('2031-11-01T09:00:00'), 'Đã đăng 2 tin');
  await report('T1', A, 'in_progress', utc('2031-12-14T17:00:00Z'), 'Sau kỳ báo cáo');
  await report('T2', B, 'done', utc('2030-12-14T16:59:59Z'), 'Trước kỳ báo cáo');
}, 180_000);

const byKey = (counts: { key: string; count: number }[]) =>
  Object.fromEntries(counts.map((c) => [c.key, c.count]));

describe('annual report routes', () => {
  it('are mounted, for the Office', async () => {
    const res = keep(await get('/reports'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: expect.any(Array),
      pagination: expect.objectContaining({ page: 1 }),
      meta: { canManage: true },
    });
  });

  it('the period had no demo data apart from procedures in force', () => {
    expect(baseline.articles.published).toBe(0);
    expect(baseline.submissions.total).toBe(0);
    expect(baseline.feedback.received).toBe(0);
    expect(baseline.satisfaction.responses).toBe(0);
    expect(baseline.oversight).toEqual({
      remindersSent: 0,
      checks: 0,
      difficultiesRaised: 0,
      difficultiesResolved: 0,
      difficultiesEscalated: 0,
    });
    expect(baseline.taskReports).toEqual([]);
    expect([baseline.procedures.added, baseline.procedures.amended, baseline.procedures.abolished]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('a 2031 draft against the hand-counted fixture', () => {
  let report: Entry;

  beforeAll(async () => {
    const res = keep(await post('/reports', { data: { year: YEAR } }));
    expect(res.status).toBe(201);
    report = res.body.data;
  });

  it('uses the default period and starts as a draft', () => {
    expect(report).toMatchObject({
      year: YEAR,
      periodFrom: FROM,
      periodTo: TO,
      state: 'draft',
      version: 0,
      number: null,
      actions: { canEdit: true, canRecompute: true, canIssue: true },
    });
    expect(report.title).toContain('2031');
    expect(report.snapshot.period).toEqual({ from: FROM, to: TO });
    // "Nơi nhận" is prefilled from the default list of the organization profile in force at the period's end.
    const profiles: { validFrom: string; reportRecipients?: string }[] =
      demo('organization.json').vi.profiles;
    const inForce = profiles
      .filter((p) => p.validFrom <= TO)
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
    expect(inForce.reportRecipients).toBeTruthy();
    expect(report.recipients).toBe(inForce.reportRecipients);
    expect(report.computedAt).toBe(report.snapshot.computedAt);
  });

  it('counts articles by kind, channel, campaign, unit and task', () => {
    const a = report.snapshot.articles;
    expect(a.published).toBe(3);
    expect(byKey(a.byKind)).toEqual({ news: 2, video_clip: 1 });
    expect(byKey(a.byChannel)).toEqual({ website: 2, social_media: 1 });
    expect(a.byCampaign).toEqual([
      { campaign: { documentId: campaign, title: 'Chiến dịch 2031' }, count: 2 },
      { campaign: null, count: 1 },
    ]);
    const order = (u: Entry) => [u.sortOrder ?? 0, u.id];
    const [first, second] = [A, B].sort((x, y) => order(x)[0] - order(y)[0] || order(x)[1] - order(y)[1]);
    const expected: Record<string, Entry> = {
      [A.id]: { unit: { id: A.id, code: 'P-QLDD', name: A.name }, published: 2, target: 5 },
      [B.id]: { unit: { id: B.id, code: 'P-MT', name: B.name }, published: 1, target: 3 },
    };
    expect(a.byUnit).toEqual([expected[first.id], expected[second.id]]);
    expect(a.byTask).toEqual([
      {
        task: { documentId: tasks.T1, code: 'T1', content: 'Nhiệm vụ T1', unitCode: 'P-QLDD' },
        target: 5,
        published: 2,
      },
      {
        task: { documentId: tasks.T2, code: 'T2', content: 'Nhiệm vụ T2', unitCode: 'P-MT' },
        target: 3,
        published: 0,
      },
    ]);
  });

  it('counts submissions by unit and state, and the median days to publication', () => {
    const s = report.snapshot.submissions;
    expect(s.total).toBe(4);
    const units = Object.fromEntries(
      s.byUnit.map((u: Entry) => [u.unit.code, { total: u.total, byState: byKey(u.byState) }])
    );
    expect(units).toEqual({
      'P-QLDD': { total: 2, byState: { published: 1, rejected: 1 } },
      'P-MT': { total: 2, byState: { published: 1, draft: 1 } },
    });
    expect(s.medianDaysToPublication).toBe(8);
  });

  it('counts procedures listed at the end, added, amended and abolished', () => {
    const p = report.snapshot.procedures;
    // Listed: P1, P3 (in force on 14/12), P6 (abolished after the period).
    expect(p.listed).toBe(baseline.procedures.listed + 3);
    const fieldCount = p.byField.find((f: Entry) => f.field.code === 'lv-2031');
    expect(fieldCount).toEqual({ field: { code: 'lv-2031', name: 'Lĩnh vực thử nghiệm 2031' }, count: 3 });
    const levels = byKey(p.byLevel);
    const before = byKey(baseline.procedures.byLevel);
    expect(levels.province).toBe((before.province ?? 0) + 3);
    expect(levels.commune ?? 0).toBe((before.commune ?? 0) + 1);
    expect(p.added).toBe(2); // P1, P3
    expect(p.amended).toBe(1); // P3
    expect(p.abolished).toBe(1); // P5
  });

  it('counts feedback received, closed and published', () => {
    expect(report.snapshot.feedback).toEqual({
      received: 4,
      byChannel: [
        { key: 'web', count: 2 },
        { key: 'paper', count: 1 },
        { key: 'phone', count: 1 },
      ],
      byKind: [
        { key: 'official_conduct', count: 2 },
        { key: 'impractical_rule', count: 1 },
        { key: 'other_issue', count: 1 },
      ],
      notAccepted: 1,
      transferred: 1,
      answered: 2,
      onTime: 2,
      late: 2,
      onTimeRate: 50,
      answersPublished: 1,
    });
  });

  it('averages the satisfaction criteria', () => {
    const s = report.snapshot.satisfaction;
    expect(s.responses).toBe(3);
    const criteria = Object.fromEntries(s.criteria.map((c: Entry) => [c.criterion, c]));
    expect(criteria.timeliness).toEqual({ criterion: 'timeliness', mean: 4.33, responses: 3 });
    expect(criteria.staffAttitude).toEqual({ criterion: 'staffAttitude', mean: 3.67, responses: 3 });
    expect(criteria.lawfulness).toEqual({ criterion: 'lawfulness', mean: 5, responses: 1 });
    expect(criteria.onlineService).toEqual({ criterion: 'onlineService', mean: null, responses: 0 });
    expect(s.criteria).toHaveLength(8);
  });

  it('counts oversight and the latest task reports', () => {
    expect(report.snapshot.oversight).toEqual({
      remindersSent: 1,
      checks: 2,
      difficultiesRaised: 2,
      difficultiesResolved: 1,
      difficultiesEscalated: 1,
    });
    expect(report.snapshot.taskReports).toEqual([
      {
        task: { code: 'T1', content: 'Nhiệm vụ T1' },
        unit: { id: A.id, code: 'P-QLDD', name: A.name },
        status: 'done',
        results: 'Đã đăng 2 tin',
        reportedAt: local('2031-11-01T09:00:00').toISOString(),
      },
    ]);
  });

  it('prefills the narrative from task reports and difficulties', () => {
    const n = report.narrative;
    expect(n.results).toContain('T1 Nhiệm vụ T1 (hoàn thành): Đã đăng 2 tin');
    expect(n.results).not.toContain('Sau kỳ báo cáo');
    expect(n.difficulties).toContain('Thiếu kinh phí in ấn Đề xuất: Bổ sung kinh phí');
    expect(n.difficulties).toContain('Thiếu phóng viên');
    expect(n.difficulties).not.toContain('Ngoài kỳ báo cáo');
    expect(n.limitations).toMatch(/hạn chế/);
    expect(n.proposals).toMatch(/kiến nghị/);
  });

  it('reads it back with the allowed actions, for the Office and the Director', async () => {
    const office = keep(await get(`/reports/${report.documentId}`));
    expect(office.status).toBe(200);
    expect(office.body.data.snapshot).toEqual(report.snapshot);
    const director = keep(await get(`/reports/${report.documentId}`, DIRECTOR));
    expect(director.status).toBe(200);
    expect(director.body.data.actions).toEqual({
      canEdit: false,
      canRecompute: false,
      canIssue: false,
      canExport: false,
    });
    const list = keep(await get(`/reports?year=${YEAR}`, DIRECTOR));
    expect(list.status).toBe(200);
    expect(list.body.results.map((r: Entry) => r.documentId)).toContain(report.documentId);
    expect(list.body.results[0].snapshot).toBeUndefined();
  });

  it('lists the rows behind each figure, as many as the figure says', async () => {
    const f = report.snapshot;
    const checks: [string, string | undefined, number][] = [
      ['articles.published', undefined, f.articles.published],
      ['articles.byKind', 'news', 2],
      ['articles.byKind', 'video_clip', 1],
      ['articles.byChannel', 'website', 2],
      ['articles.byUnit', String(A.id), 2],
      ['articles.byUnit', String(B.id), 1],
      ['articles.byCampaign', campaign, 2],
      ['articles.byCampaign', 'none', 1],
      ['articles.byTask', tasks.T1, 2],
      ['articles.byTask', tasks.T2, 0],
      ['submissions.total', undefined, f.submissions.total],
      ['submissions.byUnit', String(A.id), 2],
      ['submissions.byUnit', `${B.id}:draft`, 1],
      ['submissions.byUnit', `${A.id}:published`, 1],
      ['procedures.listed', undefined, f.procedures.listed],
      ['procedures.added', undefined, f.procedures.added],
      ['procedures.amended', undefined, f.procedures.amended],
      ['procedures.abolished', undefined, f.procedures.abolished],
      ['feedback.received', undefined, f.feedback.received],
      ['feedback.byChannel', 'web', 2],
      ['feedback.byKind', 'official_conduct', 2],
      ['feedback.notAccepted', undefined, f.feedback.notAccepted],
      ['feedback.transferred', undefined, f.feedback.transferred],
      ['feedback.answered', undefined, f.feedback.answered],
      ['feedback.onTime', undefined, f.feedback.onTime],
      ['feedback.late', undefined, f.feedback.late],
      ['feedback.answersPublished', undefined, f.feedback.answersPublished],
    ];
    for (const [figure, key, expected] of checks) {
      const qs = `figure=${figure}${key ? `&key=${encodeURIComponent(key)}` : ''}`;
      const res = keep(await get(`/reports/${report.documentId}/rows?${qs}`, DIRECTOR));
      expect({ figure, key, status: res.status }).toEqual({ figure, key, status: 200 });
      expect({ figure, key, total: res.body.pagination.total }).toEqual({ figure, key, total: expected });
      expect(res.body.results).toHaveLength(Math.min(expected, 25));
    }
    const abolished = keep(await get(`/reports/${report.documentId}/rows?figure=procedures.abolished`));
    expect(abolished.body.results[0]).toMatchObject({
      nationalCode: '9.203105',
      legalStatus: 'abolished',
      effectiveTo: '2031-06-30',
    });
    const feedbackRows = keep(await get(`/reports/${report.documentId}/rows?figure=feedback.received`));
    for (const row of feedbackRows.body.results) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'answerPublishedAt',
          'channel',
          'closedAt',
          'documentId',
          'dueDate',
          'kind',
          'onTime',
          'receivedAt',
          'state',
          'subject',
        ].sort()
      );
      expect(row.subject).toMatch(/^Bà \[người phản ánh\] phản ánh số \d+, gọi \[số điện thoại\]$/);
    }
    const paged = keep(
      await get(`/reports/${report.documentId}/rows?figure=feedback.received&page=2&pageSize=3`)
    );
    expect(paged.body.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
    expect(paged.body.results).toHaveLength(1);
  });

  it('refuses unknown or malformed drill-down parameters', async () => {
    for (const qs of [
      'figure=articles.byKind&key=poem',
      'figure=articles.byKind',
      'figure=feedback.fullName',
      'figure=feedback.received&foo=1',
      'figure=articles.published&page=0',
    ]) {
      const res = keep(await get(`/reports/${report.documentId}/rows?${qs}`));
      expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      expect(res.body.error.details.errors.length).toBeGreaterThan(0);
    }
    expect((await get('/reports?foo=1')).status).toBe(400);
    expect((await get(`/reports/${'z'.repeat(24)}`)).status).toBe(404);
    expect((await get(`/reports/${'z'.repeat(24)}/rows?figure=feedback.received`)).status).toBe(404);
  });

  it('saves the narrative with an optimistic version', async () => {
    const narrative = {
      results: 'Kết quả',
      limitations: 'Hạn chế',
      difficulties: 'Khó khăn',
      proposals: 'Kiến nghị',
    };
    const bad = keep(
      await put(`/reports/${report.documentId}/narrative`, {
        narrative: { ...narrative, results: 'x'.repeat(20_001) },
        number: 5,
        version: 0,
      })
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: Entry) => e.path.join('.')).sort()).toEqual([
      'narrative.results',
      'number',
    ]);
    // The number only: the symbol "/BC-<abbreviation>" is built from the profile, so typing it is refused.
    for (const number of ['12/BC-STNMT', '12/BC', '12a', 'BC-12']) {
      const withSymbol = keep(
        await put(`/reports/${report.documentId}/narrative`, { narrative, number, version: 0 })
      );
      expect({ number, status: withSymbol.status }).toEqual({ number, status: 400 });
      expect(withSymbol.body.error.name).toBe('ValidationError');
      expect(withSymbol.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['number'], message: expect.stringContaining('ví dụ: 125') }),
      ]);
    }
    const english = keep(
      await request(app.server())
        .put(`/annual-report/reports/${report.documentId}/narrative`)
        .set({ ...as(OFFICE), 'Accept-Language': 'en' })
        .send({ narrative, number: '12/BC-STNMT', version: 0 })
    );
    expect(english.status).toBe(400);
    expect(english.body.error.details.errors[0].message).toContain('number only');
    const ok = keep(
      await put(`/reports/${report.documentId}/narrative`, {
        narrative,
        number: '12',
        recipients: 'UBND tỉnh',
        version: 0,
      })
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      narrative,
      number: '12',
      recipients: 'UBND tỉnh',
      version: 1,
    });
    const stale = keep(await put(`/reports/${report.documentId}/narrative`, { narrative, version: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.name).toBe('ConflictError');
    report = ok.body.data;
  });

  it('recomputes and lists every changed number', async () => {
    const unchanged = keep(await post(`/reports/${report.documentId}/recompute`, {}));
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.data.changes).toEqual([]);
    await feedback({ receivedAt: local('2031-07-01T09:00:00'), channel: 'email', kind: 'other_issue' });
    const res = keep(await post(`/reports/${report.documentId}/recompute`, { version: 2 }));
    expect(res.status).toBe(200);
    expect(res.body.data.changes).toEqual([
      { path: 'feedback.received', before: 4, after: 5 },
      { path: 'feedback.byChannel.email', before: null, after: 1 },
      { path: 'feedback.byKind.other_issue', before: 1, after: 2 },
    ]);
    expect(res.body.data.report.snapshot.feedback.received).toBe(5);
    expect(res.body.data.report.version).toBe(3);
    expect(res.body.data.report.narrative.results).toBe('Kết quả');
    const stale = keep(await post(`/reports/${report.documentId}/recompute`, { version: 2 }));
    expect(stale.status).toBe(409);
    report = res.body.data.report;
  });

  it('issues the report; afterwards every write is refused and the snapshot stays', async () => {
    expect((await post(`/reports/${report.documentId}/issue`, { version: report.version })).status).toBe(400);
    const stale = keep(
      await post(`/reports/${report.documentId}/issue`, { version: report.version - 1, number: '12' })
    );
    expect(stale.status).toBe(409);
    const issued = keep(
      await post(`/reports/${report.documentId}/issue`, { version: report.version, number: '12' })
    );
    expect(issued.status).toBe(200);
    expect(issued.body.data).toMatchObject({
      state: 'issued',
      number: '12',
      issuedAt: expect.any(String),
      issuedByName: expect.any(String),
      actions: { canEdit: false, canRecompute: false, canIssue: false },
    });
    const snapshot = issued.body.data.snapshot;

    await feedback({ receivedAt: local('2031-08-01T09:00:00') });
    for (const res of [
      await post(`/reports/${report.documentId}/recompute`, {}),
      await put(`/reports/${report.documentId}/narrative`, {
        narrative: { results: 'x', limitations: '', difficulties: '', proposals: '' },
        version: issued.body.data.version,
      }),
      await post(`/reports/${report.documentId}/issue`, {
        version: issued.body.data.version,
        number: '13',
      }),
    ]) {
      keep(res);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['state']);
    }
    const after = keep(await get(`/reports/${report.documentId}`));
    expect(after.body.data.snapshot).toEqual(snapshot);
    expect(after.body.data.state).toBe('issued');
    expect(after.body.data.number).toBe('12');
  });
});

describe('creating drafts', () => {
  it('takes an explicit period and checks it', async () => {
    const res = keep(
      await post('/reports', { data: { from: '2031-12-14', to: '2031-12-14', title: 'Một ngày' } })
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: 'Một ngày',
      periodFrom: '2031-12-14',
      periodTo: '2031-12-14',
    });
    expect(res.body.data.snapshot.articles.published).toBe(1); // article 2 (last second)
    expect(res.body.data.snapshot.feedback.received).toBe(1); // F2

    for (const [data, path] of [
      [{ from: '2031-12-15', to: '2031-12-14' }, 'data.to'],
      [{ from: '2031-01-01', to: '2032-01-02' }, 'data.to'],
      [{ from: '2031-13-01', to: '2031-12-14' }, 'data.from'],
      [{}, 'data.year'],
      [{ year: 2031, state: 'issued' }, 'data.state'],
    ] as const) {
      const bad = keep(await post('/reports', { data }));
      expect({ data, status: bad.status }).toEqual({ data, status: 400 });
      expect(bad.body.error.details.errors.map((e: Entry) => e.path.join('.'))).toContain(path);
    }
  });

  it('computes the demo year 2021 without error, with the demo counts', async () => {
    const res = keep(await post('/reports', { data: { year: 2021 } }));
    expect(res.status).toBe(201);
    const f = res.body.data.snapshot;
    expect(f.period).toEqual({ from: '2020-12-15', to: '2021-12-14' });
    expect(f.procedures.listed).toBeGreaterThan(0);
    expect(f.feedback.received).toBeGreaterThan(0);
    expect(f.satisfaction.responses).toBeGreaterThan(0);
    expect(f.articles.byTask.length).toBeGreaterThan(0);
    expect(f.articles.byUnit.some((u: Entry) => u.target > 0)).toBe(true);
    // Drill-downs of the demo year match too.
    const rows = keep(await get(`/reports/${res.body.data.documentId}/rows?figure=feedback.received`));
    expect(rows.body.pagination.total).toBe(f.feedback.received);
    const demoPeople = demo('feedbacks.json')
      .flatMap((fb: Entry) => [fb.fullName, fb.phone, fb.email])
      .filter((v: unknown) => typeof v === 'string' && v.length > 5);
    const text = JSON.stringify([res.body, rows.body]);
    for (const value of demoPeople)
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  });
});

describe('permissions', () => {
  it('lets the Director read but not write', async () => {
    const [any] = (await get('/reports')).body.results;
    expect((await post('/reports', { data: { year: 2031 } }, DIRECTOR)).status).toBe(403);
    expect((await put(`/reports/${any.documentId}/narrative`, {}, DIRECTOR)).status).toBe(403);
    expect((await post(`/reports/${any.documentId}/recompute`, {}, DIRECTOR)).status).toBe(403);
    expect((await post(`/reports/${any.documentId}/issue`, {}, DIRECTOR)).status).toBe(403);
    expect((await get(`/reports/${any.documentId}`, DIRECTOR)).status).toBe(200);
  });

  it('refuses unit editors and the IT Center everywhere', async () => {
    const [any] = (await get('/reports')).body.results;
    for (const email of [QLDD, IT]) {
      for (const res of [
        await get('/reports', email),
        await get(`/reports/${any.documentId}`, email),
        await get(`/reports/${any.documentId}/rows?figure=feedback.received`, email),
        await post('/reports', { data: { year: 2031 } }, email),
        await put(`/reports/${any.documentId}/narrative`, {}, email),
        await post(`/reports/${any.documentId}/recompute`, {}, email),
        await post(`/reports/${any.documentId}/issue`, {}, email),
      ]) {
        expect({ email, status: res.status }).toEqual({ email, status: 403 });
      }
    }
    expect((await request(app.server()).get('/annual-report/reports')).status).toBe(401);
  });
});

describe('personal data', () => {
  it('appears in no response', () => {
    const text = seen.join('\n');
    expect(seen.length).toBeGreaterThan(20);
    for (const value of PERSONAL)
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  });
});
