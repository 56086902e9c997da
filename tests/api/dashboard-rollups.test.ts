/**
 * The dashboard's rollups are exact: after each move of a feedback through the register's admin routes, after a
 * submission's and an article's changes (back-dated with raw SQL, as a bulk load would), after a concurrent burst
 * of 200 moves in two units, and after a rebuild, the drift check (which recomputes every counter from the rows)
 * finds nothing; a counter corrupted on purpose is found and repaired. The dashboard's figures agree with the
 * drill-downs throughout, and the annual report's feedback figures (whole months from the rollups, edge days from
 * the rows) with what its rows count.
 */
import request from 'supertest';
import { overrideEnv } from '../setup/env-override';
import { phoneFeedback } from '../setup/feedback';
import { adminLogin } from '../setup/http';
import { startServerNode } from '../setup/server-node';
import { useStrapi } from '../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', FEEDBACK_LOOKUP_LIMIT: '1000' });
const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const OFFICE = 'vanphong@demo.example';
const ZONE = 'Asia/Ho_Chi_Minh';
const PORT = 21000 + ((process.pid + 13) % 20000);
const tokens: Record<string, string> = {};
let units: Record<string, Entry>;

const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));
const YEAR = Number(localDay().slice(0, 4));

const rollups = () => app.strapi().plugin('oversight').service('rollups');
/** Nothing waits to be taken in (each write's lifecycle took its changes in), and no counter differs from its rows. */
async function drift(): Promise<Entry[]> {
  const [{ n }] = await app.strapi().db.connection('rollup_dirty').count({ n: '*' });
  expect(Number(n)).toBe(0);
  return rollups().checkDrift();
}

const register = (method: 'get' | 'post' | 'put', path: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/feedback-register${path}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};
const oversight = (path: string) =>
  request(app.server())
    .get(`/oversight${path}`)
    .set({ Authorization: `Bearer ${tokens[OFFICE]}` });

async function newFeedback(subject: string) {
  const res = await register('post', '/feedbacks', OFFICE, phoneFeedback({ subject }));
  expect({ status: res.status, error: res.body.error }).toEqual({ status: 201, error: undefined });
  return res.body.data.documentId as string;
}

/** One move at the version the caller knows (the answer gives the next one). */
async function move(email: string, documentId: string, version: number, to: string, extra: Entry = {}) {
  const res = await register('post', `/feedbacks/${documentId}/transitions`, email, {
    to,
    version,
    ...extra,
  });
  expect({ to, status: res.status, error: res.body.error?.message }).toEqual({
    to,
    status: 200,
    error: undefined,
  });
  return res.body.data.version as number;
}

const dashboard = async () => {
  const res = await oversight(`/dashboard?year=${YEAR}`);
  expect(res.status).toBe(200);
  return res.body.data;
};

/** Each feedback figure of a unit equals the number of rows its drill-down lists. */
async function expectFeedbackAgrees(unitId: number) {
  const row = (await dashboard()).units.find((r: Entry) => r.unit.id === unitId);
  const filters = {
    assigned: 'assigned',
    answered: 'answered',
    answeredOnTime: 'on_time',
    overdue: 'overdue',
  };
  for (const [figure, filter] of Object.entries(filters)) {
    const res = await oversight(`/units/${unitId}/feedback?year=${YEAR}&filter=${filter}&pageSize=1`);
    expect({ figure, total: res.body.pagination.total }).toEqual({ figure, total: row.feedback[figure] });
  }
  return row;
}

beforeAll(async () => {
  for (const email of [QLDD, MT, OFFICE]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
});

describe('the rollups', () => {
  it('match the rows of the demo as seeded', async () => {
    expect(await drift()).toEqual([]);
  });

  it('stay exact after every move of a feedback', async () => {
    const unit = units['P-QLDD'];
    const before = await expectFeedbackAgrees(unit.id);
    const id = await newFeedback('Phản ánh theo dõi từng bước');
    expect(await drift()).toEqual([]);
    let version = await move(OFFICE, id, 0, 'accepted');
    expect(await drift()).toEqual([]);
    version = await move(OFFICE, id, version, 'assigned', { unit: unit.id, unitDueDate: localDay(1) });
    expect(await drift()).toEqual([]);
    const assigned = await expectFeedbackAgrees(unit.id);
    expect(assigned.feedback.assigned).toBe(before.feedback.assigned + 1);
    version = await move(QLDD, id, version, 'answer_drafted', { answer: 'Sở đã rút ngắn thời hạn.' });
    expect(await drift()).toEqual([]);
    version = await move(OFFICE, id, version, 'assigned', { comment: 'Bổ sung căn cứ.' });
    expect(await drift()).toEqual([]);
    version = await move(QLDD, id, version, 'answer_drafted', { answer: 'Theo Nghị định 63/2010/NĐ-CP.' });
    version = await move(OFFICE, id, version, 'answer_approved');
    expect(await drift()).toEqual([]);
    await move(OFFICE, id, version, 'answered');
    expect(await drift()).toEqual([]);
    const answered = await expectFeedbackAgrees(unit.id);
    expect(answered.feedback.answered).toBe(before.feedback.answered + 1);
  });

  it('take in writes made outside Strapi (raw SQL), by the next read', async () => {
    const strapi = app.strapi();
    const submission = await strapi.db.query('plugin::unit-submissions.submission').findOne({
      where: { unit: { id: { $notNull: true } } },
    });
    const article = await strapi.db.query('api::article.article').findOne({
      where: { publishedAt: { $notNull: true }, unit: { id: { $notNull: true } } },
    });
    const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
    await strapi.db
      .connection(table('plugin::unit-submissions.submission'))
      .where('id', submission.id)
      .update({ created_at: new Date(`${YEAR}-03-15T08:00:00+07:00`), state: 'rejected' });
    await strapi.db
      .connection(table('api::article.article'))
      .where('document_id', article.documentId)
      .whereNotNull('published_at')
      .update({ published_at: new Date(`${YEAR}-01-01T00:30:00+07:00`) });
    const [{ n }] = await strapi.db.connection('rollup_dirty').count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(0);
    const data = await dashboard();
    expect(data.charts.publicationsByMonth[0].count).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });

  it('stay exact after a concurrent burst of 200 moves in two units', async () => {
    const handlers = [
      { unit: units['P-QLDD'], editor: QLDD },
      { unit: units['P-MT'], editor: MT },
    ];
    const items: { id: string; version: number; unit: Entry; editor: string }[] = [];
    for (let i = 0; i < 50; i += 1) {
      items.push({ id: await newFeedback(`Phản ánh loạt ${i + 1}`), version: 0, ...handlers[i % 2] });
    }
    const wave = (step: (item: (typeof items)[number]) => Promise<number>) =>
      Promise.all(
        items.map(async (item) => {
          item.version = await step(item);
        })
      );
    // 4 waves of 50 concurrent moves: accepted, assigned (two units, some due in the past), drafted, approved.
    await wave((item) => move(OFFICE, item.id, item.version, 'accepted'));
    await wave((item) =>
      move(OFFICE, item.id, item.version, 'assigned', {
        unit: item.unit.id,
        unitDueDate: localDay(items.indexOf(item) % 3),
      })
    );
    await wave((item) => move(item.editor, item.id, item.version, 'answer_drafted', { answer: 'Đã xử lý.' }));
    await wave((item) => move(OFFICE, item.id, item.version, 'answer_approved'));
    expect(await drift()).toEqual([]);
    for (const { unit } of handlers) await expectFeedbackAgrees(unit.id);
  });

  // The report's own period (whole half months) and one whose edge days are read from the rows.
  const periods = [
    { from: `${YEAR - 1}-12-15`, to: `${YEAR}-12-14` },
    { from: `${YEAR - 1}-12-20`, to: `${YEAR}-12-10` },
  ];
  const boundsOf = (period: { from: string; to: string }) => {
    const end = new Date(`${period.to}T00:00:00+07:00`);
    return [new Date(`${period.from}T00:00:00+07:00`), new Date(end.getTime() + 86_400_000)];
  };
  const computeFigures = (period: { from: string; to: string }) =>
    app.strapi().plugin('annual-report').service('figures').computeFigures(period);
  const asMap = (list: { key: string; count: number }[]) =>
    Object.fromEntries(list.map((c) => [c.key, c.count]));

  it("give the annual report the feedback figures of its rows, assigned or not, at the period's edges", async () => {
    const strapi = app.strapi();
    const knex = strapi.db.connection;
    const [start, end] = boundsOf(periods[0]);
    // Unassigned feedback back-dated with raw SQL to the first and last instants of the period, and just outside.
    const ids = [await newFeedback('Phản ánh đầu kỳ'), await newFeedback('Phản ánh cuối kỳ')];
    const outside = await newFeedback('Phản ánh ngoài kỳ');
    const at = async (documentId: string, fields: Entry) =>
      knex('feedbacks').where('document_id', documentId).update(fields);
    await at(ids[0], { received_at: start, channel: 'email', kind: 'other_issue' });
    await at(ids[1], {
      received_at: new Date(end.getTime() - 1),
      closed_at: new Date(end.getTime() - 1),
      state: 'not_accepted',
    });
    await at(outside, { received_at: new Date(start.getTime() - 1), closed_at: new Date(end.getTime()) });

    /** The feedback figures counted from the rows. */
    const fromRows = async (period: { from: string; to: string }) => {
      const [from, to] = boundsOf(period);
      const inPeriod = (column: string) => knex('feedbacks').where(column, '>=', from).where(column, '<', to);
      const countBy = async (column: string) =>
        Object.fromEntries(
          (await inPeriod('received_at').groupBy(column).select(`${column} as k`).count({ n: '*' })).map(
            (r: Entry) => [r.k, Number(r.n)]
          )
        );
      const closedIn = async (where: (q: Entry) => Entry) =>
        Number((await where(inPeriod('closed_at')).count({ n: '*' }))[0].n);
      return {
        received: Number((await inPeriod('received_at').count({ n: '*' }))[0].n),
        byChannel: await countBy('channel'),
        byKind: await countBy('kind'),
        notAccepted: await closedIn((q) => q.where('state', 'not_accepted')),
        answered: await closedIn((q) => q.whereIn('state', ['answered', 'published'])),
        onTime: await closedIn((q) => q.where('on_time', true)),
        late: await closedIn((q) => q.where('on_time', false)),
        answersPublished: Number((await inPeriod('answer_published_at').count({ n: '*' }))[0].n),
      };
    };
    const figures = async (period: { from: string; to: string }) => {
      const { feedback } = await computeFigures(period);
      const { received, notAccepted, answered, onTime, late, answersPublished } = feedback;
      return {
        received,
        byChannel: asMap(feedback.byChannel),
        byKind: asMap(feedback.byKind),
        notAccepted,
        answered,
        onTime,
        late,
        answersPublished,
      };
    };
    const expectAgree = async () => {
      for (const period of periods)
        expect({ period, ...(await figures(period)) }).toEqual({ period, ...(await fromRows(period)) });
    };
    const expected = await fromRows(periods[0]);
    expect(expected.received).toBeGreaterThan(2);
    expect(expected.notAccepted).toBeGreaterThan(0);
    await expectAgree();
    expect(await drift()).toEqual([]);
    // The unassigned feedback gets a unit: its counters move from no unit's slice to the unit's, the figures stay.
    const { joinTable } = strapi.db.metadata.get('api::feedback.feedback').attributes.handlingUnit as Entry;
    await knex(joinTable.name).insert({
      [joinTable.joinColumn.name]: (await knex('feedbacks').where('document_id', ids[0]).first('id')).id,
      [joinTable.inverseJoinColumn.name]: units['P-MT'].id,
    });
    await expectAgree();
    await rollups().rebuild();
    await expectAgree();
    expect(await drift()).toEqual([]);
  });

  it('give the annual report each published article once, whatever months its locales were published in', async () => {
    const knex = app.strapi().db.connection;
    const [start] = boundsOf(periods[0]);
    const published = () => knex('articles').whereNotNull('published_at');
    const [twice, other] = await published()
      .groupBy('document_id')
      .havingRaw('COUNT(*) > 1')
      .select('document_id')
      .limit(2);
    expect(other).toBeDefined();
    const localeAt = (documentId: string, locale: string, at: Date) =>
      published().where({ document_id: documentId, locale }).update({ published_at: at });
    // One document's Vietnamese row in a whole month and its English row on an edge day of the second period;
    // another's straddles the first period's start (one row before it, one in it); each counts once.
    await localeAt(twice.document_id, 'vi', new Date(`${YEAR}-03-10T09:00:00+07:00`));
    await localeAt(twice.document_id, 'en', new Date(`${YEAR - 1}-12-20T09:00:00+07:00`));
    await localeAt(other.document_id, 'vi', new Date(start.getTime() - 1));
    await localeAt(other.document_id, 'en', start);

    const fromRows = async (period: { from: string; to: string }) => {
      const [from, to] = boundsOf(period);
      const inPeriod = () => published().where('published_at', '>=', from).where('published_at', '<', to);
      const distinctBy = async (column: string) =>
        Object.fromEntries(
          (await inPeriod().groupBy(column).select(`${column} as k`).countDistinct({ n: 'document_id' })).map(
            (r: Entry) => [r.k, Number(r.n)]
          )
        );
      return {
        published: Number((await inPeriod().countDistinct({ n: 'document_id' }))[0].n),
        byKind: await distinctBy('kind'),
        byChannel: await distinctBy('channel'),
      };
    };
    const figures = async (period: { from: string; to: string }) => {
      const { articles } = await computeFigures(period);
      return {
        published: articles.published,
        byKind: asMap(articles.byKind),
        byChannel: asMap(articles.byChannel),
      };
    };
    const expectAgree = async () => {
      for (const period of periods)
        expect({ period, ...(await figures(period)) }).toEqual({ period, ...(await fromRows(period)) });
    };
    expect((await fromRows(periods[0])).published).toBeGreaterThan(1);
    await expectAgree();
    expect(await drift()).toEqual([]);
    await rollups().rebuild();
    await expectAgree();
  });

  it('give the same figures after a rebuild', async () => {
    const before = await dashboard();
    const progress: Entry[] = [];
    await rollups().rebuild({ onProgress: (p: Entry) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1].done).toBe(progress[progress.length - 1].total);
    expect(await dashboard()).toEqual(before);
    expect(await drift()).toEqual([]);
  });

  it('find a counter corrupted on purpose, and repair it', async () => {
    const before = await dashboard();
    const knex = app.strapi().db.connection;
    const victim = await knex('rollup_counts')
      .where({ source: 'submission', counter: 'n' })
      .where('month', 'like', `${YEAR}-%`)
      .first();
    await knex('rollup_counts')
      .where('id', victim.id)
      .update({ value: Number(victim.value) + 5 });
    const corrupted = await dashboard();
    expect(corrupted.totals.submissions.total).toBe(before.totals.submissions.total + 5);

    const found = await drift();
    expect(found).toEqual([
      {
        source: 'submission',
        unitId: Number(victim.unit_id),
        month: victim.month,
        dims: victim.dims,
        counter: 'n',
        stored: Number(victim.value) + 5,
        actual: Number(victim.value),
      },
    ]);
    expect(await dashboard()).toEqual(before);
    expect(await drift()).toEqual([]);
  });
});

describe('the daily drift check', () => {
  it('runs once a day across nodes, and reports what it repaired', async () => {
    const knex = app.strapi().db.connection;
    const victim = await knex('rollup_counts').where({ source: 'feedback', counter: 'assigned' }).first();
    await knex('rollup_counts')
      .where('id', victim.id)
      .update({ value: Number(victim.value) - 1 });
    const day = new Date('2031-05-06T01:00:00Z');
    const first = await rollups().runDaily(day);
    expect(first).toMatchObject({ ran: true, result: { drifted: 1 } });
    expect(first.result.counters).toEqual([
      expect.objectContaining({
        source: 'feedback',
        unitId: Number(victim.unit_id),
        month: victim.month,
        counter: 'assigned',
        stored: Number(victim.value) - 1,
        actual: Number(victim.value),
      }),
    ]);
    expect(await rollups().runDaily(day)).toEqual({ ran: false });
    expect(await drift()).toEqual([]);
  });

  it('is scheduled every night, Vietnam time, unless switched off', () => {
    const saved = process.env.OVERSIGHT_ROLLUPS_CHECK_CRON;
    const jobs = () => app.strapi().cron.jobs.filter((j: Entry) => j.name === 'rollupsDriftCheck');
    try {
      delete process.env.OVERSIGHT_ROLLUPS_CHECK_CRON;
      rollups().schedule();
      expect(jobs()).toHaveLength(1);
      expect(jobs()[0].options).toEqual({ rule: '30 3 * * *', tz: 'Asia/Ho_Chi_Minh' });
      process.env.OVERSIGHT_ROLLUPS_CHECK_CRON = 'off';
      rollups().schedule();
      expect(jobs()).toHaveLength(0);
    } finally {
      if (saved === undefined) delete process.env.OVERSIGHT_ROLLUPS_CHECK_CRON;
      else process.env.OVERSIGHT_ROLLUPS_CHECK_CRON = saved;
      app.strapi().cron.remove('rollupsDriftCheck');
    }
  });
});

describe('start-up', () => {
  it('rebuilds the rollups when their definition changed and rows have none', async () => {
    const before = await dashboard();
    const knex = app.strapi().db.connection;
    const [{ definition }] = await knex('rollup_state')
      .where({ name: 'definition' })
      .select('value as definition');
    await knex('rollup_state')
      .where({ name: 'definition' })
      .update({ value: `0:${ZONE}` });
    await knex('rollup_counts').delete();
    expect((await dashboard()).totals.submissions.total).toBe(0);

    const node = await startServerNode(PORT);
    const exited = new Promise((resolve) => node.once('exit', resolve));
    node.kill('SIGTERM');
    await exited;
    expect(await knex('rollup_state').where({ name: 'definition' }).first('value')).toEqual({
      value: definition,
    });
    expect(await dashboard()).toEqual(before);
    expect(await drift()).toEqual([]);
  });
});
