/**
 * Reminders (đôn đốc) of the oversight plugin: those the Office sends a unit, who may send and read them, and the
 * daily digest of what each unit has due soon or overdue — once per item and day, on one node.
 */
import request from 'supertest';
import { JOB_RUNS_TABLE } from '../../src/infra/models';
import { demo } from '../setup/demo';
import { adminLogin } from '../setup/http';
import { useJobNodes } from '../setup/job-nodes';
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
const JOB = 'oversight-reminders';
const TASK = 'api::plan-task.plan-task';
const FEEDBACK = 'api::feedback.feedback';
const REMINDER = 'plugin::oversight.reminder';
const ITEMS = 'oversight_reminder_items';

const tokens: Record<string, string> = {};
let units: Record<string, Row>;
let planDocumentId: string;

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Row) => [u.code, u]));
  const plan = await strapi()
    .db.query('api::plan.plan')
    .findOne({ where: { locale: 'vi', publishedAt: { $notNull: true } } });
  planDocumentId = plan.documentId;
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

const outboxLike = (prefix: string) =>
  strapi().db.connection('email_outbox').where('topic', 'like', `${prefix}%`).select('recipient', 'topic');

const demoTaskOf = async (unitCode: string) => {
  const code = demo('plan.json').tasks.find((t: Row) => t.unit === unitCode).code;
  return strapi()
    .db.query(TASK)
    .findOne({ where: { code, locale: 'vi' } });
};

let sequence = 0;
async function createTask(unitCode: string, dueDate: string): Promise<Row> {
  sequence += 1;
  return strapi()
    .documents(TASK as never)
    .create({
      locale: 'vi',
      data: {
        code: `T-${sequence}`,
        content: `Nhiệm vụ thử ${sequence} của ${unitCode}`,
        form: 'news',
        targetCount: 1,
        dueDate,
        plan: planDocumentId,
        unit: units[unitCode].documentId,
      } as never,
    }) as Promise<Row>;
}

async function createFeedback(unitCode: string, fields: Row): Promise<Row> {
  sequence += 1;
  return strapi()
    .db.query(FEEDBACK)
    .create({
      data: {
        fullName: 'Người thử',
        email: 'nguoi.thu@example.vn',
        kind: 'impractical_rule',
        channel: 'web',
        language: 'vi',
        subject: `Phản ánh thử ${sequence}`,
        content: 'Nội dung thử.',
        receivedAt: new Date('2021-09-01T02:00:00Z'),
        handlingUnit: units[unitCode].id,
        version: 0,
        ...fields,
      },
    });
}

async function reportDone(task: Row) {
  await strapi()
    .db.query('plugin::oversight.task-report')
    .create({
      data: {
        unit: task.unit?.id,
        planTaskDocumentId: task.documentId,
        status: 'done',
        results: 'Đã hoàn thành.',
        reportedByName: 'Thử',
        reportedAt: new Date('2021-09-21T02:00:00Z'),
      },
    });
}

const count = async (table: string) => Number((await strapi().db.connection(table).count({ n: '*' }))[0].n);

describe('manual reminders', () => {
  let qlddTask: Row;
  let qlddFeedback: Row;
  let created: Row;

  beforeAll(async () => {
    qlddTask = await demoTaskOf('P-QLDD');
    qlddFeedback = await strapi()
      .db.query(FEEDBACK)
      .findOne({ where: { handlingUnit: { id: units['P-QLDD'].id }, state: 'answer_drafted' } });
  });

  it('are recorded and mailed to the unit', async () => {
    const res = await api('post', '/reminders', OFFICE, {
      data: {
        unit: units['P-QLDD'].id,
        message: 'Đề nghị Phòng khẩn trương thực hiện và báo cáo kết quả.',
        items: [
          { type: 'task', documentId: qlddTask.documentId },
          { type: 'feedback', documentId: qlddFeedback.documentId },
        ],
      },
    });
    expect(res.status).toBe(201);
    created = res.body.data;
    expect(created).toEqual({
      documentId: expect.any(String),
      unit: { id: units['P-QLDD'].id, code: 'P-QLDD', name: units['P-QLDD'].name },
      kind: 'manual',
      message: 'Đề nghị Phòng khẩn trương thực hiện và báo cáo kết quả.',
      items: [
        {
          type: 'task',
          documentId: qlddTask.documentId,
          code: qlddTask.code,
          title: qlddTask.content,
          dueDate: qlddTask.dueDate,
        },
        {
          type: 'feedback',
          documentId: qlddFeedback.documentId,
          title: qlddFeedback.subject,
          dueDate: qlddFeedback.unitDueDate ?? qlddFeedback.dueDate,
        },
      ],
      sentByName: 'Phạm Thị Thu Hà',
      sentAt: expect.any(String),
      recipientCount: 1,
    });
    expect(JSON.stringify(created)).not.toContain(qlddFeedback.email ?? '@@none');

    // The unit's editor and the unit's own address are the same mailbox here: one mail.
    const mails = await outbox(`oversight.reminder:${created.documentId}`);
    expect(mails.map((m: Row) => m.recipient)).toEqual(['qldd@demo.example']);
    expect(mails[0].body).toContain('Kính gửi Phòng Quản lý đất đai');
    expect(mails[0].body).toContain(qlddTask.code);
    expect(mails[0].body).toContain(qlddFeedback.subject);
    expect(mails[0].body).toContain('/plugins/oversight/my');
    expect(mails[0].body).toMatch(/Reminder|asks your unit/);

    const items = await strapi()
      .db.connection(ITEMS)
      .where('reminder_id', (await reminderRow(created)).id);
    expect(items.map((i: Row) => `${i.kind}:${i.item_type}:${i.item_document_id}`).sort()).toEqual(
      [`manual:feedback:${qlddFeedback.documentId}`, `manual:task:${qlddTask.documentId}`].sort()
    );
  });

  const reminderRow = (view: Row) =>
    strapi()
      .db.query(REMINDER)
      .findOne({ where: { documentId: view.documentId } });

  it('are visible to their unit and to those who oversee, not to another unit', async () => {
    const mine = await api('get', '/reminders', QLDD);
    expect(mine.status).toBe(200);
    expect(mine.body.results.map((r: Row) => r.documentId)).toContain(created.documentId);
    expect(mine.body.results.every((r: Row) => r.unit.code === 'P-QLDD')).toBe(true);
    expect(mine.body.pagination).toMatchObject({ page: 1, pageSize: 20 });

    const other = await api('get', '/reminders', MT);
    expect(other.status).toBe(200);
    expect(other.body.results.map((r: Row) => r.documentId)).not.toContain(created.documentId);
    const asked = await api('get', `/reminders?unit=${units['P-QLDD'].id}`, MT);
    expect(asked.body.results).toEqual([]);

    for (const email of [OFFICE, DIRECTOR, IT]) {
      const res = await api('get', `/reminders?unit=${units['P-QLDD'].id}`, email);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: Row) => r.documentId)).toContain(created.documentId);
    }
  });

  it('refuses the same item twice the same day, writing nothing', async () => {
    const before = [await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')];
    const res = await api('post', '/reminders', OFFICE, {
      data: {
        unit: units['P-QLDD'].id,
        message: 'Nhắc lại.',
        items: [{ type: 'task', documentId: qlddTask.documentId }],
      },
    });
    expect(fieldsOf(res)).toEqual(['items.0']);
    expect([await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')]).toEqual(
      before
    );
  });

  it('may be sent by the Office only', async () => {
    const body = { data: { unit: units['P-QLDD'].id, message: 'Thử.', items: [] } };
    for (const email of [QLDD, DIRECTOR, IT]) {
      expect((await api('post', '/reminders', email, body)).status).toBe(403);
    }
    expect((await request(app.server()).post('/oversight/reminders').send(body)).status).toBe(401);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const before = [await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')];
    const mtTask = await demoTaskOf('P-MT');
    const mtFeedback = await strapi()
      .db.query(FEEDBACK)
      .findOne({ where: { handlingUnit: { id: units['P-MT'].id } } });

    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, {
          data: { unit: 'P-QLDD', message: ' ', items: [{ type: 'article', documentId: 'x' }], extra: 1 },
        })
      )
    ).toEqual(['extra', 'items.0', 'message', 'unit']);
    expect(fieldsOf(await api('post', '/reminders', OFFICE, { unit: 1 }))).toEqual(['data']);
    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, {
          data: { unit: units['P-QLDD'].id, message: 'x'.repeat(5001), items: 'all' },
        })
      )
    ).toEqual(['items', 'message']);
    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, {
          data: {
            unit: units['P-QLDD'].id,
            message: 'Thử.',
            items: Array.from({ length: 51 }, (_, i) => ({
              type: 'task',
              documentId: `a${i}`.padEnd(24, 'x'),
            })),
          },
        })
      )
    ).toEqual(['items']);
    // Another unit's task and feedback, and a task listed twice.
    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, {
          data: {
            unit: units['P-QLDD'].id,
            message: 'Thử.',
            items: [
              { type: 'task', documentId: mtTask.documentId },
              { type: 'feedback', documentId: mtFeedback.documentId },
              { type: 'task', documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz' },
            ],
          },
        })
      )
    ).toEqual(['items.0', 'items.1', 'items.2']);
    expect(
      fieldsOf(
        await api('post', '/reminders', OFFICE, {
          data: {
            unit: units['P-MT'].id,
            message: 'Thử.',
            items: [
              { type: 'task', documentId: mtTask.documentId },
              { type: 'task', documentId: mtTask.documentId },
            ],
          },
        })
      )
    ).toEqual(['items.1']);
    expect(
      fieldsOf(await api('post', '/reminders', OFFICE, { data: { unit: 999999, message: 'Thử.' } }))
    ).toEqual(['unit']);
    expect(fieldsOf(await api('get', '/reminders?sort=unit&page=0', OFFICE))).toEqual(['page', 'sort']);
    expect([await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')]).toEqual(
      before
    );
  });

  it('may be sent without items', async () => {
    const res = await api('post', '/reminders', OFFICE, {
      data: { unit: units['P-MT'].id, message: 'Đề nghị Phòng gửi báo cáo quý III.' },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ kind: 'manual', items: [], recipientCount: 1 });
    const mails = await outbox(`oversight.reminder:${res.body.data.documentId}`);
    expect(mails.map((m: Row) => m.recipient)).toEqual(['moitruong@demo.example']);
  });
});

// 08:00 on Monday 27 September 2021 in Hanoi; three working days ahead is Thursday 30 September.
const NOW = new Date('2021-09-27T01:00:00Z');
const DAY = '2021-09-27';
const LAST_DAY = '2021-09-30';

describe('the daily digest', () => {
  const fixtures: Record<string, Row> = {};
  /** What each unit's digest must list: "task:<code>" or "feedback:<documentId>". */
  let expected: Map<string, string[]>;

  const keyOf = (item: Row) => (item.type === 'task' ? `task:${item.code}` : `feedback:${item.documentId}`);

  beforeAll(async () => {
    fixtures.qlddTomorrow = await createTask('P-QLDD', '2021-09-28');
    fixtures.qlddOverdue = await createTask('P-QLDD', '2021-09-10');
    fixtures.qlddDone = await createTask('P-QLDD', '2021-09-20');
    fixtures.qlddFar = await createTask('P-QLDD', '2021-10-29');
    fixtures.mtSoon = await createTask('P-MT', LAST_DAY);
    fixtures.mtAfter = await createTask('P-MT', '2021-10-01');
    await reportDone({ ...fixtures.qlddDone, unit: units['P-QLDD'] });
    // The unit's own due date counts first.
    fixtures.qlddFeedback = await createFeedback('P-QLDD', {
      state: 'assigned',
      dueDate: '2021-10-15',
      unitDueDate: '2021-09-29',
    });
    fixtures.mtDrafted = await createFeedback('P-MT', { state: 'answer_drafted', dueDate: '2021-09-24' });
    fixtures.mtFar = await createFeedback('P-MT', {
      state: 'assigned',
      dueDate: '2021-10-20',
      unitDueDate: '2021-10-08',
    });
    fixtures.mtAnswered = await createFeedback('P-MT', { state: 'answered', dueDate: '2021-09-01' });
    fixtures.mtAccepted = await createFeedback('P-MT', { state: 'accepted', dueDate: '2021-09-01' });

    // The demo plan's tasks due by then and not reported done, and no demo feedback (their deadlines are in
    // December).
    expected = new Map();
    const add = (unit: string, key: string) => expected.set(unit, [...(expected.get(unit) ?? []), key]);
    const doneInDemo = new Set(
      demo('oversight.json')
        .taskReports.filter((r: Row) => r.status === 'done')
        .map((r: Row) => r.task)
    );
    for (const task of demo('plan.json').tasks)
      if (task.dueDate <= LAST_DAY && !doneInDemo.has(task.code)) add(task.unit, `task:${task.code}`);
    for (const key of ['qlddTomorrow', 'qlddOverdue']) add('P-QLDD', `task:${fixtures[key].code}`);
    add('P-QLDD', `feedback:${fixtures.qlddFeedback.documentId}`);
    add('P-MT', `task:${fixtures.mtSoon.code}`);
    add('P-MT', `feedback:${fixtures.mtDrafted.documentId}`);
  });

  const digests = async (day: string) =>
    (await strapi()
      .db.query(REMINDER)
      .findMany({
        where: { kind: 'scheduled', sentAt: { $gte: new Date(`${day}T00:00:00+07:00`) } },
        populate: { unit: true },
      })) as Row[];

  const scheduledItems = (day: string) => strapi().db.connection(ITEMS).where({ kind: 'scheduled', day });

  const jobRuns = (key: string) => strapi().db.connection(JOB_RUNS_TABLE).where({ job: JOB, run_key: key });

  const reminders = () => strapi().plugin('oversight').service('digest');

  it('sends one digest per unit with exactly its due items', async () => {
    const total = [...expected.values()].reduce((n, keys) => n + keys.length, 0);
    const outcome = await reminders().runDaily(NOW);
    expect(outcome).toEqual({ ran: true, reminders: expected.size, items: total });

    const sent = await digests(DAY);
    expect(sent.map((r) => r.unit.code).sort()).toEqual([...expected.keys()].sort());
    for (const reminder of sent) {
      expect(reminder).toMatchObject({ sentByName: 'Hệ thống', sentById: null });
      expect(reminder.items.map(keyOf).sort()).toEqual([...expected.get(reminder.unit.code)!].sort());
    }
    const qldd = sent.find((r) => r.unit.code === 'P-QLDD')!;
    expect(qldd.items.map((i: Row) => i.dueDate)).toEqual([...qldd.items.map((i: Row) => i.dueDate)].sort());

    const items = await scheduledItems(DAY);
    expect(items).toHaveLength(total);

    const qlddMail = await outbox(`oversight.digest:P-QLDD:${DAY}`);
    expect(qlddMail.map((m: Row) => m.recipient)).toEqual(['qldd@demo.example']);
    expect(qlddMail[0].body).toContain(fixtures.qlddTomorrow.code);
    expect(qlddMail[0].body).toContain(fixtures.qlddFeedback.subject);
    expect(qlddMail[0].body).not.toContain(fixtures.qlddFar.code);
    expect(qlddMail[0].body).not.toContain(fixtures.qlddDone.code);
    expect(qlddMail[0].body).toContain('QUÁ HẠN');
    expect(qlddMail[0].body).toContain('/plugins/oversight/my');
    const mtMail = await outbox(`oversight.digest:P-MT:${DAY}`);
    expect(mtMail.map((m: Row) => m.recipient)).toEqual(['moitruong@demo.example']);
    expect(mtMail[0].body).not.toContain(fixtures.mtFar.subject);
    expect(mtMail[0].body).not.toContain(fixtures.mtAnswered.subject);
    expect(mtMail[0].body).not.toContain(fixtures.mtAfter.code);
    // Mail to every unit with a digest, to its editors and its address.
    const topics = new Set((await outboxLike('oversight.digest:')).map((m: Row) => m.topic));
    expect([...topics].sort()).toEqual(
      [...expected.keys()].map((code) => `oversight.digest:${code}:${DAY}`).sort()
    );

    const [run] = await jobRuns(DAY);
    expect(run).toMatchObject({ status: 'done' });
  });

  it('shows the digest to the unit', async () => {
    const res = await api('get', '/reminders', QLDD);
    const digest = res.body.results.find((r: Row) => r.kind === 'scheduled');
    expect(digest).toMatchObject({ unit: { code: 'P-QLDD' }, sentByName: 'Hệ thống' });
    expect(digest.items.map(keyOf).sort()).toEqual([...expected.get('P-QLDD')!].sort());
  });

  it('does nothing when run again the same day', async () => {
    const before = [await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')];
    // 17:00 in Hanoi, the same day.
    expect(await reminders().runDaily(new Date('2021-09-27T10:00:00Z'))).toEqual({
      ran: false,
      reminders: 0,
      items: 0,
    });
    expect([await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')]).toEqual(
      before
    );
  });

  it('never reminds an item twice the same day, even when the job runs under another key', async () => {
    // As if the day's run were claimed again (another key, or the run taken over): only what is new goes out.
    await strapi().db.connection(JOB_RUNS_TABLE).where({ job: JOB, run_key: DAY }).delete();
    const before = [await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')];
    expect(await reminders().runDaily(NOW)).toEqual({ ran: true, reminders: 0, items: 0 });
    expect([await count('oversight_reminders'), await count(ITEMS), await count('email_outbox')]).toEqual(
      before
    );

    await strapi().db.connection(JOB_RUNS_TABLE).where({ job: JOB, run_key: DAY }).delete();
    const late = await createTask('P-QLDD', '2021-09-29');
    expect(await reminders().runDaily(NOW)).toEqual({ ran: true, reminders: 1, items: 1 });
    const sent = (await digests(DAY)).filter((r) => r.unit.code === 'P-QLDD');
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.items.map(keyOf))).toContainEqual([`task:${late.code}`]);
    const items = await scheduledItems(DAY);
    const keys = items.map((i: Row) => `${i.item_type}:${i.item_document_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expected.set('P-QLDD', [...expected.get('P-QLDD')!, `task:${late.code}`]);
  });

  it('reminds again on the next day, once', async () => {
    // Tuesday: three working days ahead is Friday 1 October.
    const next = new Date('2021-09-28T01:00:00Z');
    const outcome = await reminders().runDaily(next);
    const mt = [...expected.get('P-MT')!, `task:${fixtures.mtAfter.code}`];
    expect(outcome.ran).toBe(true);
    const sent = await digests('2021-09-28');
    expect(sent.map((r) => r.unit.code).sort()).toEqual([...expected.keys()].sort());
    expect(
      sent
        .find((r) => r.unit.code === 'P-MT')!
        .items.map(keyOf)
        .sort()
    ).toEqual(mt.sort());
    const items = await scheduledItems('2021-09-28');
    expect(items).toHaveLength(outcome.items);
    expect(await reminders().runDaily(new Date('2021-09-28T02:00:00Z'))).toMatchObject({ ran: false });
  });

  it('is scheduled on weekday mornings, Vietnam time, unless switched off', () => {
    const saved = process.env.OVERSIGHT_REMINDER_CRON;
    try {
      delete process.env.OVERSIGHT_REMINDER_CRON;
      reminders().schedule();
      reminders().schedule();
      const jobs = strapi().cron.jobs.filter((j) => j.name === 'oversightReminders');
      expect(jobs).toHaveLength(1);
      expect(jobs[0].options).toEqual({ rule: '0 7 * * 1-5', tz: 'Asia/Ho_Chi_Minh' });
      process.env.OVERSIGHT_REMINDER_CRON = 'off';
      reminders().schedule();
      expect(strapi().cron.jobs.filter((j) => j.name === 'oversightReminders')).toHaveLength(0);
    } finally {
      if (saved === undefined) delete process.env.OVERSIGHT_REMINDER_CRON;
      else process.env.OVERSIGHT_REMINDER_CRON = saved;
      strapi().cron.remove('oversightReminders');
    }
  });
});

describe('the daily digest on two nodes', () => {
  const { runOnTwoNodes } = useJobNodes();

  it('runs on exactly one of them: one digest per unit', async () => {
    // Wednesday 29 September 2021, 07:00 in Hanoi.
    const now = new Date('2021-09-29T00:00:00Z');
    const { outcomes } = await runOnTwoNodes(now, JOB);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes).toContainEqual({ ran: false, reminders: 0, items: 0 });
    const ran = outcomes.find((o) => o.ran);
    expect(ran.reminders).toBeGreaterThan(1);

    const sent = (await strapi()
      .db.query(REMINDER)
      .findMany({ where: { kind: 'scheduled', sentAt: now }, populate: { unit: true } })) as Row[];
    const codes = sent.map((r) => r.unit.code);
    expect(codes).toHaveLength(ran.reminders);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      const mails = await outbox(`oversight.digest:${code}:2021-09-29`);
      expect(new Set(mails.map((m: Row) => m.recipient)).size).toBe(mails.length);
    }
    const items = await strapi().db.connection(ITEMS).where({ kind: 'scheduled', day: '2021-09-29' });
    expect(items).toHaveLength(ran.items);
    const runs = await strapi().db.connection(JOB_RUNS_TABLE).where({ job: JOB, run_key: '2021-09-29' });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done' });
  }, 180_000);
});
