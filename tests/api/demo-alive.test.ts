/**
 * The demo is alive on the day it is installed (issue 13): on a freshly seeded database, besides the history plan, the
 * current year has its plan with tasks done, overdue and due in the coming weeks; submissions in every workflow state
 * in at least three units, each with a history that leads to its state; feedback with unit deadlines ahead and past,
 * answered on time and late; and every demo role finds something waiting for them on the home page.
 */
import request from 'supertest';
import { addCalendarDays } from '../../src/domain/waiting';
import { EMAIL_OUTBOX_TABLE } from '../../src/infra/models';
import { SUBMISSION_STATES } from '../../src/plugins/unit-submissions/server/src/domain/workflow';
import { demo } from '../setup/demo';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const UNIT_EDITORS = demo('users.json')
  .filter((u: Row) => u.role === 'unit-editor')
  .map((u: Row) => u.email) as string[];
const story = demo('current-year.json');

const tokens: Record<string, string> = {};
let today: string;
let year: number;

const admin = (path: string, email: string) =>
  request(app.server())
    .get(path)
    .set({ Authorization: `Bearer ${tokens[email]}` });

async function waiting(plugin: string, email: string): Promise<Record<string, Row>> {
  const res = await admin(`/${plugin}/waiting`, email);
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.data.items.map((item: Row) => [item.key, item]));
}

beforeAll(async () => {
  for (const email of [IT, OFFICE, DIRECTOR, ...UNIT_EDITORS]) {
    tokens[email] = await adminLogin(app.server(), email);
  }
  // The organization's today, as the oversight dashboard counts it.
  const dashboard = await admin('/oversight/dashboard', OFFICE);
  expect(dashboard.status).toBe(200);
  today = dashboard.body.data.today;
  year = dashboard.body.data.year;
}, 60_000);

describe('the current year', () => {
  it('has its plan beside the history plan, in the year of the seed day', async () => {
    const res = await request(app.server()).get(`/api/plans?filters[year][$eq]=${year}&populate[tasks]=true`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [plan] = res.body.data;
    expect(plan.title).toContain(String(year));
    expect(plan.title).not.toContain('{year}');
    expect(plan.tasks).toHaveLength(story.plan.tasks.length);
    const history = await request(app.server()).get(
      `/api/plans?filters[year][$eq]=${demo('plan.json').year}`
    );
    expect(history.body.data).toHaveLength(1);
  });

  it('has tasks due in the coming weeks and overdue, none years late', async () => {
    const res = await request(app.server()).get(`/api/plans?filters[year][$eq]=${year}&populate[tasks]=true`);
    const dues: string[] = res.body.data[0].tasks.map((t: Row) => t.dueDate);
    expect(dues.filter((d) => d >= today && d <= addCalendarDays(today, 21)).length).toBeGreaterThan(2);
    expect(dues.filter((d) => d < today).length).toBeGreaterThan(2);
    expect(dues.every((d) => d >= addCalendarDays(today, -366))).toBe(true);
  });

  it('counts tasks done, in progress and overdue on the oversight dashboard', async () => {
    const res = await admin('/oversight/dashboard', OFFICE);
    expect(res.body.data.plan.title).toContain(String(year));
    const { tasks } = res.body.data.totals;
    expect(tasks.total).toBe(story.plan.tasks.length);
    expect(tasks.done).toBeGreaterThan(0);
    expect(tasks.inProgress).toBeGreaterThan(0);
    expect(tasks.overdue).toBeGreaterThan(0);
  });
});

describe("the current year's submissions", () => {
  let rows: Row[];
  beforeAll(async () => {
    const titles = new Set(story.submissions.map((s: Row) => s.title));
    const res = await admin('/unit-submissions/submissions?pageSize=100', IT);
    expect(res.status).toBe(200);
    rows = res.body.results.filter((r: Row) => titles.has(r.title));
    expect(rows).toHaveLength(titles.size);
  });

  it('are in every workflow state, across at least three units', () => {
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(SUBMISSION_STATES));
    expect(new Set(rows.map((r) => r.unit.id)).size).toBeGreaterThanOrEqual(3);
  });

  it('each have a history, dated in order and before now, that leads to their state', async () => {
    for (const row of rows) {
      const res = await admin(`/unit-submissions/submissions/${row.documentId}/history`, IT);
      expect(res.status).toBe(200);
      const events: Row[] = res.body.data;
      expect(events[0]).toMatchObject({ action: 'created', toState: 'draft' });
      const moves = events.filter((e) => e.action === 'transitioned');
      expect(moves.at(-1)?.toState ?? 'draft').toBe(row.state);
      for (const [index, move] of moves.entries()) {
        expect(move.fromState).toBe(index === 0 ? 'draft' : moves[index - 1].toState);
      }
      const times = events.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(row.updatedAt)).toBeGreaterThanOrEqual(Math.max(...times) - 1000);
    }
  });

  it('have their article once approved, published with the submission', async () => {
    for (const row of rows.filter((r) => ['approved', 'published'].includes(r.state))) {
      const res = await admin(`/unit-submissions/submissions/${row.documentId}`, IT);
      const { article, publicUrl } = res.body.data;
      expect(article).toMatchObject({ documentId: expect.any(String) });
      const published = row.state === 'published';
      expect(Boolean(publicUrl)).toBe(published);
      const online = await request(app.server()).get(`/api/articles/${article.documentId}`);
      expect(online.status).toBe(published ? 200 : 404);
    }
  });

  it('were moved without a mail: a move dated in the past is no news', async () => {
    const queued = await app
      .strapi()
      .db.connection(EMAIL_OUTBOX_TABLE)
      .where('topic', 'like', 'submission.%')
      .count({ count: '*' });
    expect(Number(queued[0].count)).toBe(0);
  });

  it('wait for review, some past their review date', () => {
    const submitted = rows.filter((r) => r.state === 'submitted');
    expect(submitted.some((r) => r.dueDate < today)).toBe(true);
    expect(submitted.some((r) => r.dueDate >= today)).toBe(true);
  });
});

describe("the current year's feedback", () => {
  const list = async (state: string) => {
    const res = await admin(`/feedback-register/feedbacks?state=${state}&pageSize=100`, OFFICE);
    expect(res.status).toBe(200);
    const since = `${year - 1}-01-01`;
    return (res.body.results as Row[]).filter((r) => r.receivedAt >= since);
  };

  it('is assigned to units with deadlines ahead and past', async () => {
    const assigned = await list('assigned');
    expect(assigned.some((r) => r.currentDueDate >= today)).toBe(true);
    expect(assigned.some((r) => r.currentDueDate < today)).toBe(true);
    expect(new Set(assigned.map((r) => r.handlingUnit.code)).size).toBeGreaterThanOrEqual(3);
  });

  it('waits for classification, approval, sending and publication', async () => {
    for (const state of ['received', 'accepted', 'answer_drafted', 'answer_approved', 'published']) {
      expect((await list(state)).length).toBeGreaterThan(0);
    }
  });

  it('is answered on time and late', async () => {
    const answered = [...(await list('answered')), ...(await list('published'))];
    expect(answered.some((r) => r.onTime === true)).toBe(true);
    expect(answered.some((r) => r.onTime === false)).toBe(true);
  });
});

describe('waiting for each demo role on the first login', () => {
  it.each(UNIT_EDITORS)('a unit editor (%s): changes requested and feedback to answer', async (email) => {
    expect((await waiting('unit-submissions', email)).changes_requested.count).toBeGreaterThan(0);
    expect((await waiting('feedback-register', email)).assigned.count).toBeGreaterThan(0);
  });

  it('the IT Center: submissions to review and in review with them', async () => {
    const lines = await waiting('unit-submissions', IT);
    expect(lines.to_review.count).toBeGreaterThan(0);
    expect(lines.to_review.overdue).toBeGreaterThan(0);
    expect(lines.in_review_mine.count).toBeGreaterThan(0);
  });

  it('the Office: feedback to classify, approve, send and publish, and difficulties', async () => {
    const register = await waiting('feedback-register', OFFICE);
    for (const key of ['to_classify', 'to_approve', 'to_send', 'to_publish']) {
      expect(register[key].count).toBeGreaterThan(0);
    }
    const oversight = await waiting('oversight', OFFICE);
    expect(oversight.difficulties_open.count).toBeGreaterThan(0);
    expect(oversight.difficulties_answered.count).toBeGreaterThan(0);
  });

  it('the Director: escalated difficulties', async () => {
    expect((await waiting('oversight', DIRECTOR)).escalated.count).toBeGreaterThan(0);
  });
});
