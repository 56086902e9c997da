/**
 * "Waiting for me" (issue 13): each plugin's GET /waiting as each role. Every count must equal what the plugin's own
 * list route returns to the same user for the same filter; a unit editor's counts hold only their units' items; the
 * routes need a session, are closed to a role without the plugin, and refuse unknown parameters.
 */
import request from 'supertest';
import { dueStatus } from '../../src/domain/waiting';
import { overrideEnv } from '../setup/env-override';
import { phoneFeedback } from '../setup/feedback';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', FEEDBACK_LOOKUP_LIMIT: '1000' });
const app = useStrapi();
const strapi = () => app.strapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
type Plugin = 'unit-submissions' | 'feedback-register' | 'oversight';

const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const ZONE = 'Asia/Ho_Chi_Minh';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FEEDBACK = 'api::feedback.feedback';
const PLUGINS: Plugin[] = ['unit-submissions', 'feedback-register', 'oversight'];

const tokens: Record<string, string> = {};
let units: Record<string, Row>;
let itUserId: number;

const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

const api = (plugin: Plugin, method: 'get' | 'post', path: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/${plugin}${path}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};

/** The user's waiting lines of one plugin, by key. */
async function waiting(plugin: Plugin, email: string): Promise<Record<string, Row>> {
  const res = await api(plugin, 'get', '/waiting', email);
  expect(res.status).toBe(200);
  expect(Array.isArray(res.body.data.items)).toBe(true);
  return Object.fromEntries(res.body.data.items.map((item: Row) => [item.key, item]));
}

/** The plugin's own list for a filter, as the user: every row (at most 100) and the total. */
async function list(plugin: Plugin, path: string, email: string) {
  const res = await api(plugin, 'get', `${path}${path.includes('?') ? '&' : '?'}pageSize=100`, email);
  expect(res.status).toBe(200);
  expect(res.body.pagination.total).toBeLessThanOrEqual(100);
  return { rows: res.body.results as Row[], total: res.body.pagination.total as number };
}

/** How many of the rows are overdue and due soon on a date field, by the same rule as the routes. */
const dated = (rows: Row[], field: string) => ({
  overdue: rows.filter((r) => dueStatus(r[field], localDay()) === 'overdue').length,
  dueSoon: rows.filter((r) => dueStatus(r[field], localDay()) === 'dueSoon').length,
});

// Submissions: created and moved through the routes, by their unit and the IT Center.
async function submission(email: string, unit: string, to: 'submitted' | 'in_review' | 'changes_requested') {
  const created = await api('unit-submissions', 'post', '/submissions', email, {
    data: { title: `Tin bài chờ ${Math.random()}`, kind: 'news', unit: units[unit].id },
  });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  const move = async (actor: string, state: string, extra: Row = {}) => {
    const current = await api('unit-submissions', 'get', `/submissions/${documentId}`, actor);
    const res = await api('unit-submissions', 'post', `/submissions/${documentId}/transitions`, actor, {
      to: state,
      version: current.body.data.version,
      ...extra,
    });
    expect(res.status).toBe(200);
  };
  await move(email, 'submitted');
  if (to !== 'submitted') await move(IT, 'in_review', { assignee: itUserId });
  if (to === 'changes_requested') await move(IT, 'changes_requested', { comment: 'Bổ sung ảnh.' });
  return documentId;
}

// Feedback: registered by the Office, accepted and assigned to a unit.
async function feedback(unit?: string, unitDueDate = localDay(1)) {
  const registered = await api('feedback-register', 'post', '/feedbacks', OFFICE, phoneFeedback());
  expect(registered.status).toBe(201);
  const documentId = registered.body.data.documentId as string;
  const move = async (to: string, extra: Row = {}) => {
    const current = await api('feedback-register', 'get', `/feedbacks/${documentId}`, OFFICE);
    const res = await api('feedback-register', 'post', `/feedbacks/${documentId}/transitions`, OFFICE, {
      to,
      version: current.body.data.version,
      ...extra,
    });
    expect(res.status).toBe(200);
  };
  if (unit) {
    await move('accepted');
    await move('assigned', { unit: units[unit].id, unitDueDate });
  }
  return documentId;
}

async function difficulty(email: string, unit: string, escalate = false) {
  const res = await api('oversight', 'post', '/difficulties', email, {
    data: { unit: units[unit].id, what: 'Thiếu kinh phí sản xuất phóng sự.' },
  });
  expect(res.status).toBe(201);
  if (escalate) {
    const moved = await api(
      'oversight',
      'post',
      `/difficulties/${res.body.data.documentId}/transitions`,
      OFFICE,
      {
        to: 'escalated',
        version: res.body.data.version,
      }
    );
    expect(moved.status).toBe(200);
  }
}

const dbCount = (uid: string, where: Row) => strapi().db.query(uid).count({ where });

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Row) => [u.code, u]));
  itUserId = (
    await strapi()
      .db.query('admin::user')
      .findOne({ where: { email: IT } })
  ).id;

  // One item of each kind for each of two units, so that each unit's count could include the other's.
  for (const [email, unit] of [
    [QLDD, 'P-QLDD'],
    [MT, 'P-MT'],
  ]) {
    await submission(email, unit, 'changes_requested');
    await submission(email, unit, 'submitted');
    await feedback(unit);
    await difficulty(email, unit, unit === 'P-MT');
  }
  await submission(QLDD, 'P-QLDD', 'in_review');
  await feedback();
  // An assignment already late: the unit's deadline has passed.
  const late = await feedback('P-QLDD', localDay(1));
  await strapi()
    .db.query(FEEDBACK)
    .updateMany({ where: { documentId: late }, data: { unitDueDate: localDay(-2) } });
}, 180_000);

describe('GET /waiting', () => {
  it('needs an admin session, on every plugin', async () => {
    for (const plugin of PLUGINS) {
      expect((await request(app.server()).get(`/${plugin}/waiting`)).status).toBe(401);
    }
  });

  it('is closed to a role without the plugin (the IT Center has no register)', async () => {
    expect((await api('feedback-register', 'get', '/waiting', IT)).status).toBe(403);
  });

  it('refuses parameters it does not know, like the plugins’ other routes', async () => {
    for (const plugin of PLUGINS) {
      for (const query of ['state=assigned', 'unit=1', 'x[$ne]=1']) {
        const res = await api(plugin, 'get', `/waiting?${query}`, OFFICE);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('ValidationError');
      }
    }
  });
});

describe.each([
  [QLDD, 'P-QLDD', 'P-MT'],
  [MT, 'P-MT', 'P-QLDD'],
])('a unit editor (%s)', (email, mine, other) => {
  it('counts the changes requested of their units only, as their list shows them', async () => {
    const lines = await waiting('unit-submissions', email);
    expect(Object.keys(lines)).toEqual(['changes_requested']);
    const { total } = await list('unit-submissions', '/submissions?state=changes_requested', email);
    expect(lines.changes_requested.count).toBe(total);
    const ofMine = await dbCount(SUBMISSION, { state: 'changes_requested', unit: { id: units[mine].id } });
    const ofOther = await dbCount(SUBMISSION, { state: 'changes_requested', unit: { id: units[other].id } });
    expect(ofOther).toBeGreaterThan(0);
    expect(lines.changes_requested.count).toBe(ofMine);
  });

  it('counts the feedback assigned to their units, with the overdue and those due soon', async () => {
    const lines = await waiting('feedback-register', email);
    expect(Object.keys(lines)).toEqual(['assigned']);
    const { rows, total } = await list('feedback-register', '/feedbacks?state=assigned', email);
    const overdue = await list('feedback-register', '/feedbacks?state=assigned&overdue=true', email);
    expect(lines.assigned).toEqual({ key: 'assigned', count: total, ...dated(rows, 'currentDueDate') });
    // The register's own overdue filter agrees.
    expect(lines.assigned.overdue).toBe(overdue.total);
    expect(rows.every((r) => r.handlingUnit?.code === mine)).toBe(true);
    expect(
      await dbCount(FEEDBACK, { state: 'assigned', handlingUnit: { id: units[other].id } })
    ).toBeGreaterThan(0);
    expect(lines.assigned.count).toBe(
      await dbCount(FEEDBACK, { state: 'assigned', handlingUnit: { id: units[mine].id } })
    );
    // Each unit has one assignment due tomorrow; P-QLDD also one already late.
    expect(lines.assigned.dueSoon).toBeGreaterThan(0);
    if (mine === 'P-QLDD') expect(lines.assigned.overdue).toBeGreaterThan(0);
  });

  it('has nothing waiting in the oversight', async () => {
    expect(await waiting('oversight', email)).toEqual({});
  });

  it("moves with their own unit's items, never with another unit's", async () => {
    const before = (await waiting('unit-submissions', email)).changes_requested.count;
    await submission(other === 'P-MT' ? MT : QLDD, other, 'changes_requested');
    expect((await waiting('unit-submissions', email)).changes_requested.count).toBe(before);
    await submission(email, mine, 'changes_requested');
    expect((await waiting('unit-submissions', email)).changes_requested.count).toBe(before + 1);
  });
});

describe('the IT Center', () => {
  it('counts the untaken submissions and those in review with this user, as the list shows them', async () => {
    const lines = await waiting('unit-submissions', IT);
    expect(Object.keys(lines)).toEqual(['to_review', 'in_review_mine']);
    const submitted = await list('unit-submissions', '/submissions?state=submitted', IT);
    const mine = await list('unit-submissions', `/submissions?state=in_review&assignee=${itUserId}`, IT);
    expect(lines.to_review).toEqual({
      key: 'to_review',
      count: submitted.total,
      ...dated(submitted.rows, 'dueDate'),
    });
    expect(lines.in_review_mine).toEqual({
      key: 'in_review_mine',
      count: mine.total,
      ...dated(mine.rows, 'dueDate'),
    });
    expect(lines.to_review.count).toBeGreaterThanOrEqual(2);
    expect(lines.in_review_mine.count).toBeGreaterThanOrEqual(1);
  });

  it('has nothing waiting in the oversight', async () => {
    expect(await waiting('oversight', IT)).toEqual({});
  });
});

describe('the Office', () => {
  it('counts the feedback to classify, approve, send and publish, as the register shows it', async () => {
    const lines = await waiting('feedback-register', OFFICE);
    expect(Object.keys(lines)).toEqual(['to_classify', 'to_approve', 'to_send', 'to_publish']);
    for (const [key, state] of [
      ['to_classify', 'received'],
      ['to_approve', 'answer_drafted'],
      ['to_send', 'answer_approved'],
    ]) {
      const { rows, total } = await list('feedback-register', `/feedbacks?state=${state}`, OFFICE);
      const overdue = await list('feedback-register', `/feedbacks?state=${state}&overdue=true`, OFFICE);
      expect(lines[key]).toEqual({ key, count: total, ...dated(rows, 'currentDueDate') });
      expect(lines[key].overdue).toBe(overdue.total);
    }
    expect(lines.to_classify.count).toBeGreaterThanOrEqual(1);
    // To publish: the answered feedback whose submitter agreed to publication, the only ones with a deadline.
    const answered = (await list('feedback-register', '/feedbacks?state=answered', OFFICE)).rows.filter(
      (r) => r.currentDueDate
    );
    expect(lines.to_publish).toEqual({
      key: 'to_publish',
      count: answered.length,
      ...dated(answered, 'currentDueDate'),
    });
  });

  it('counts the open difficulties and those the Director answered', async () => {
    const lines = await waiting('oversight', OFFICE);
    expect(Object.keys(lines)).toEqual(['difficulties_open', 'difficulties_answered']);
    expect(lines.difficulties_open.count).toBe(
      (await list('oversight', '/difficulties?state=open', OFFICE)).total
    );
    expect(lines.difficulties_open.count).toBeGreaterThanOrEqual(1);
    expect(lines.difficulties_answered.count).toBe(
      (await list('oversight', '/difficulties?state=answered', OFFICE)).total
    );
  });

  it('has no submission waiting (it reads them, the units and the IT Center move them)', async () => {
    expect(await waiting('unit-submissions', OFFICE)).toEqual({});
  });
});

describe('the Director', () => {
  it('counts the escalated difficulties waiting for an answer', async () => {
    const lines = await waiting('oversight', DIRECTOR);
    expect(Object.keys(lines)).toEqual(['escalated']);
    const { total } = await list('oversight', '/difficulties?state=escalated', DIRECTOR);
    expect(lines.escalated.count).toBe(total);
    expect(total).toBeGreaterThanOrEqual(1);
  });

  it('has nothing waiting in the submissions and the register', async () => {
    expect(await waiting('unit-submissions', DIRECTOR)).toEqual({});
    expect(await waiting('feedback-register', DIRECTOR)).toEqual({});
  });
});
