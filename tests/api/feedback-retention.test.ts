/**
 * The retention job of the feedback register (Decree 13/2023): closed feedback past the organization's retention
 * period loses its submitter's personal data, once, on one node; statistics stay. Also the run-once lock it uses.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { runExclusively, STALE_MS } from '../../src/infra/job-lock';
import { JOB_RUNS_TABLE, SEARCH_TERMS_TABLE } from '../../src/infra/models';
import { organizationSettings } from '../../src/infra/organization-settings';
import { storePrivateFile } from '../../src/infra/private-files';
import { privateStore } from '../../src/infra/storage';
import type { ResponseCache } from '../../src/infra/response-cache';
import { reindexFeedback } from '../../src/infra/search-index';
import { REDACTED } from '../../src/plugins/feedback-register/server/src/domain/redaction';
import { retentionCutoff } from '../../src/plugins/feedback-register/server/src/domain/retention';
import { ROOT } from '../setup/env';
import { overrideEnv } from '../setup/env-override';
import { useJobNodes } from '../setup/job-nodes';
import { PDF } from '../setup/files';
import { useStrapi } from '../setup/strapi';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-retention-'));
overrideEnv({ PRIVATE_UPLOAD_DIR: privateDir });
afterAll(() => fs.rmSync(privateDir, { recursive: true, force: true }));

const app = useStrapi();
const strapi = () => app.strapi();

const FEEDBACK = 'api::feedback.feedback';
const ATTACHMENT = 'api::feedback.feedback-attachment';
const JOB = 'feedback-retention';
const CLOSED = ['not_accepted', 'transferred', 'answered', 'published'];
const DAY = 24 * 60 * 60 * 1000;
// 10:00 in Hanoi on 15 June 2030: the run of 2030-06-15.
const NOW = new Date('2030-06-15T03:00:00Z');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

interface RetentionService {
  run(now?: Date): Promise<{ ran: boolean; anonymised: number }>;
  schedule(): void;
}

const retention = (): RetentionService => strapi().plugin('feedback-register').service('retention');

const SUBMITTER = {
  fullName: 'Lưu Quang Vĩnh',
  address: '27 Nguyễn Trãi, phường Xuân Khánh',
  phone: '0987 654 321',
  email: 'vinh.luu@example.vn',
};
const SECRETS = ['Vĩnh', 'Nguyễn Trãi', '654', 'example.vn'];
const TEXTS = {
  subject: 'Ông Vĩnh hỏi về thời hạn cấp giấy chứng nhận',
  content:
    'Tôi là Lưu Quang Vĩnh, địa chỉ 27 Nguyễn Trãi, phường Xuân Khánh, điện thoại 0987.654.321, ' +
    'thư vinh.luu@example.vn. Hồ sơ cấp giấy chứng nhận của tôi đã quá hạn.',
};

let unitId: number;
let procedureId: number;
let settings: { retentionMonths: number; timeZone: string };
const cutoffOn = (now: Date) => retentionCutoff(now, settings.retentionMonths, settings.timeZone);

/** The rows the rule takes on the day of `now`, decided here row by row. */
async function dueOn(now: Date): Promise<number[]> {
  const cutoff = cutoffOn(now);
  const all = (await strapi()
    .db.query(FEEDBACK)
    .findMany({ select: ['id', 'state', 'closedAt', 'anonymizedAt'] })) as Row[];
  return all
    .filter(
      (r) =>
        CLOSED.includes(r.state) &&
        r.closedAt != null &&
        new Date(r.closedAt).getTime() < cutoff.getTime() &&
        r.anonymizedAt == null
    )
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

/** The rows anonymised at `at`. */
async function anonymisedAt(at: Date): Promise<number[]> {
  const rows = (await strapi()
    .db.query(FEEDBACK)
    .findMany({ where: { anonymizedAt: { $notNull: true } }, select: ['id', 'anonymizedAt'] })) as Row[];
  return rows
    .filter((r) => new Date(r.anonymizedAt).getTime() === at.getTime())
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

async function createFeedback(fields: Row): Promise<Row> {
  return strapi()
    .db.query(FEEDBACK)
    .create({
      data: {
        ...SUBMITTER,
        ...TEXTS,
        kind: 'impractical_rule',
        channel: 'email',
        language: 'vi',
        receivedAt: new Date('2019-03-04T02:00:00Z'),
        classificationDueDate: '2019-03-07',
        transferDueDate: '2019-03-11',
        dueDate: '2019-03-25',
        handlingUnit: unitId,
        procedure: procedureId,
        ...fields,
      },
    });
}

async function attachFile(feedbackId: number): Promise<Row> {
  const storedName = await storePrivateFile(privateStore(ROOT), PDF, '.pdf');
  return strapi()
    .db.query(ATTACHMENT)
    .create({
      data: {
        feedback: feedbackId,
        originalName: 'Đơn của ông Vĩnh.pdf',
        storedName,
        kind: 'pdf',
        mime: 'application/pdf',
        size: PDF.length,
        sha256: '0'.repeat(64),
      },
    });
}

const fileExists = (storedName: string) => fs.existsSync(path.join(privateDir, storedName));

/** Every column of every feedback and attachment row, as stored. */
async function snapshot() {
  const knex = strapi().db.connection;
  const table = (uid: string) => strapi().db.metadata.get(uid as never).tableName;
  return {
    feedback: await knex(table(FEEDBACK)).select('*').orderBy('id'),
    attachments: await knex(table(ATTACHMENT)).select('*').orderBy('id'),
  };
}

/** What the statistics count, with the relations. */
async function statistics(ids: number[]) {
  const rows = (await strapi()
    .db.query(FEEDBACK)
    .findMany({
      where: { id: { $in: ids } },
      populate: { handlingUnit: { select: ['id'] }, procedure: { select: ['id'] } },
      orderBy: { id: 'asc' },
    })) as Row[];
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    kind: r.kind,
    channel: r.channel,
    language: r.language,
    receivedAt: r.receivedAt,
    classificationDueDate: r.classificationDueDate,
    transferDueDate: r.transferDueDate,
    dueDate: r.dueDate,
    answeredAt: r.answeredAt,
    answerPublished: r.answerPublished,
    closedAt: r.closedAt,
    onTime: r.onTime,
    receivingAgency: r.receivingAgency,
    handlingUnit: r.handlingUnit?.id,
    procedure: r.procedure?.id,
  }));
}

async function countsByStateAndKind() {
  const rows = await strapi()
    .db.connection(strapi().db.metadata.get(FEEDBACK as never).tableName)
    .select('state', 'kind')
    .count({ n: '*' })
    .groupBy('state', 'kind')
    .orderBy(['state', 'kind']);
  return rows.map((r: Row) => ({ state: r.state, kind: r.kind, n: Number(r.n) }));
}

const jobRuns = (job: string, runKey: string) =>
  strapi().db.connection(JOB_RUNS_TABLE).where({ job, run_key: runKey }).select('*');

/** How many times the history says each of these feedback was anonymised. */
async function anonymisedEvents(ids: number[]): Promise<number[]> {
  const rows = (await strapi()
    .db.query(FEEDBACK)
    .findMany({
      where: { id: { $in: ids } },
      select: ['id', 'documentId'],
      orderBy: { id: 'asc' },
    })) as Row[];
  const events = (await strapi()
    .db.query('plugin::feedback-register.history-entry')
    .findMany({
      where: { action: 'anonymised', feedbackDocumentId: { $in: rows.map((r) => r.documentId) } },
      select: ['feedbackDocumentId', 'actorId', 'actorName'],
    })) as Row[];
  for (const event of events) expect(event).toMatchObject({ actorId: null, actorName: expect.any(String) });
  return rows.map((r) => events.filter((e) => e.feedbackDocumentId === r.documentId).length);
}

const cacheGeneration = () => (strapi().get('response-cache') as ResponseCache).generation('feedback');

async function termsOf(documentId: string): Promise<string[]> {
  const rows = await strapi()
    .db.connection(SEARCH_TERMS_TABLE)
    .where({ model: 'feedback', document_id: documentId })
    .select('term');
  return rows.map((r: Row) => r.term);
}

beforeAll(async () => {
  unitId = (
    await strapi()
      .db.query('api::unit.unit')
      .findOne({ select: ['id'] })
  ).id;
  procedureId = (
    await strapi()
      .db.query('api::procedure.procedure')
      .findOne({ select: ['id'] })
  ).id;
  settings = await organizationSettings(strapi());
});

describe('the feedback retention job', () => {
  let cutoff: Date;
  const due: Record<string, Row> = {};
  const kept: Record<string, Row> = {};
  const files: Record<string, Row> = {};
  let expectedIds: number[];
  let before: { stats: Awaited<ReturnType<typeof statistics>>; counts: Row[]; kept: Row[] };

  beforeAll(async () => {
    cutoff = cutoffOn(NOW);
    const longAgo = new Date('2020-02-03T04:00:00Z');

    due.notAccepted = await createFeedback({
      state: 'not_accepted',
      notAcceptedReason: 'Ông Vĩnh không ghi rõ quy định hành chính được phản ánh.',
      closedAt: longAgo,
      onTime: true,
    });
    due.transferred = await createFeedback({
      state: 'transferred',
      receivingAgency: 'Ủy ban nhân dân tỉnh',
      transferLetterNumber: '12/STNMT-VP',
      closedAt: longAgo,
      onTime: false,
    });
    due.answered = await createFeedback({
      state: 'answered',
      kind: 'official_conduct',
      channel: 'web',
      answer: 'Sở trả lời ông Vĩnh (0987654321) như sau: hồ sơ đã được giải quyết.',
      answeredAt: longAgo,
      closedAt: longAgo,
      onTime: true,
    });
    files.due = await attachFile(due.answered.id);
    due.published = await createFeedback({
      state: 'published',
      answer: 'Sở trả lời ông Vĩnh: hồ sơ cấp giấy chứng nhận đã được giải quyết.',
      answeredAt: longAgo,
      closedAt: longAgo,
      onTime: true,
      answerPublished: true,
      answerPublishedAt: longAgo,
      publicSubject: 'Hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất',
      // What slipped into the published text is redacted too, and the search index forgets it.
      publicContent: 'Ông Vĩnh hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất.',
      publicAnswer: 'Trả lời ông Lưu Quang Vĩnh: hồ sơ đã được giải quyết.',
    });
    // Closed one second before the cutoff: due.
    due.lastSecond = await createFeedback({
      state: 'answered',
      answer: 'Đã trả lời.',
      closedAt: new Date(cutoff.getTime() - 1000),
    });

    // Closed exactly at the cutoff, or recently: kept.
    kept.atCutoff = await createFeedback({ state: 'answered', answer: 'Đã trả lời.', closedAt: cutoff });
    kept.recent = await createFeedback({
      state: 'published',
      answer: 'Đã trả lời.',
      closedAt: new Date(NOW.getTime() - 30 * DAY),
      answerPublished: true,
    });
    files.kept = await attachFile(kept.recent.id);
    // Still being handled, however old: kept.
    kept.received = await createFeedback({ state: 'received' });
    kept.assigned = await createFeedback({ state: 'assigned', assignedAt: new Date('2019-03-06T02:00:00Z') });
    kept.approvedWithOldDate = await createFeedback({ state: 'answer_approved', closedAt: longAgo });
    // Closed but without a closing date: kept.
    kept.undated = await createFeedback({ state: 'answered', closedAt: null });
    // Anonymised already: never touched again.
    kept.anonymised = await createFeedback({
      state: 'answered',
      closedAt: longAgo,
      anonymizedAt: new Date('2026-01-01T00:00:00Z'),
      fullName: null,
      address: null,
    });

    await reindexFeedback(strapi(), [due.published.documentId]);

    // Every row the rule takes, the demo's included.
    expectedIds = await dueOn(NOW);
    const dueIds = Object.values(due).map((r) => r.id);
    expect(expectedIds).toEqual(expect.arrayContaining(dueIds));
    for (const row of Object.values(kept)) expect(expectedIds).not.toContain(row.id);

    const keptIds = Object.values(kept).map((r) => r.id);
    before = {
      stats: await statistics(expectedIds),
      counts: await countsByStateAndKind(),
      kept: (await snapshot()).feedback.filter((r: Row) => keptIds.includes(r.id)),
    };
  });

  let firstRun: { ran: boolean; anonymised: number };
  let generationBefore: number;

  it('anonymises exactly the closed feedback past the retention period', async () => {
    expect(fileExists(files.due.storedName)).toBe(true);
    expect(await termsOf(due.published.documentId)).toContain('vinh');
    generationBefore = cacheGeneration();

    firstRun = await retention().run(NOW);

    expect(firstRun).toEqual({ ran: true, anonymised: expectedIds.length });
    expect(await anonymisedAt(NOW)).toEqual(expectedIds);
    expect(await anonymisedEvents(expectedIds)).toEqual(expectedIds.map(() => 1));
  });

  it('empties the personal fields and redacts them from the texts', async () => {
    const rows = (await strapi()
      .db.query(FEEDBACK)
      .findMany({ where: { id: { $in: expectedIds } } })) as Row[];
    for (const row of rows) {
      expect(row).toMatchObject({ fullName: null, address: null, phone: null, email: null });
      expect(new Date(row.anonymizedAt).toISOString()).toBe(NOW.toISOString());
      const texts = JSON.stringify([
        row.subject,
        row.content,
        row.answer,
        row.notAcceptedReason,
        row.publicSubject,
        row.publicContent,
        row.publicAnswer,
      ]);
      for (const secret of SECRETS) expect(texts).not.toContain(secret);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(due.answered.id)).toMatchObject({
      subject: `Ông ${REDACTED.name} hỏi về thời hạn cấp giấy chứng nhận`,
      content:
        `Tôi là ${REDACTED.name}, địa chỉ ${REDACTED.address}, điện thoại ${REDACTED.phone}, ` +
        `thư ${REDACTED.email}. Hồ sơ cấp giấy chứng nhận của tôi đã quá hạn.`,
      answer: `Sở trả lời ông ${REDACTED.name} (${REDACTED.phone}) như sau: hồ sơ đã được giải quyết.`,
    });
    expect(byId.get(due.notAccepted.id)!.notAcceptedReason).toBe(
      `Ông ${REDACTED.name} không ghi rõ quy định hành chính được phản ánh.`
    );
    expect(byId.get(due.published.id)).toMatchObject({
      publicSubject: 'Hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất',
      publicContent: `Ông ${REDACTED.name} hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất.`,
      publicAnswer: `Trả lời ông ${REDACTED.name}: hồ sơ đã được giải quyết.`,
    });
  });

  it('deletes the attachments, rows and files, of anonymised feedback only', async () => {
    expect(
      await strapi()
        .db.query(ATTACHMENT)
        .findOne({ where: { id: files.due.id } })
    ).toBeNull();
    expect(fileExists(files.due.storedName)).toBe(false);
    const link = (
      strapi().db.metadata.get(ATTACHMENT as never).attributes as Record<string, { joinTable?: Row }>
    ).feedback.joinTable!;
    const links = await strapi().db.connection(link.name).where(link.joinColumn.name, files.due.id);
    expect(links).toEqual([]);

    expect(
      await strapi()
        .db.query(ATTACHMENT)
        .findOne({ where: { id: files.kept.id } })
    ).not.toBeNull();
    expect(fileExists(files.kept.storedName)).toBe(true);
  });

  it('keeps what the statistics count, and leaves every other feedback as it was', async () => {
    expect(await statistics(expectedIds)).toEqual(before.stats);
    expect(await countsByStateAndKind()).toEqual(before.counts);
    const keptIds = Object.values(kept).map((r) => r.id);
    expect((await snapshot()).feedback.filter((r: Row) => keptIds.includes(r.id))).toEqual(before.kept);
    expect(await anonymisedEvents(keptIds)).toEqual(keptIds.map(() => 0));
  });

  it('reindexes the published answers and invalidates the cached feedback responses', async () => {
    const terms = await termsOf(due.published.documentId);
    expect(terms).toEqual(expect.arrayContaining(['giay', 'chung', 'nhan']));
    expect(terms).not.toContain('vinh');
    expect(cacheGeneration()).toBeGreaterThan(generationBefore);
  });

  it('records the run, once for the day', async () => {
    const runs = await jobRuns(JOB, '2030-06-15');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done' });
    expect(runs[0].finished_at).not.toBeNull();
    expect(JSON.parse(runs[0].result)).toMatchObject({ anonymised: expectedIds.length });
  });

  it('does nothing when run again the same day, even with new feedback due', async () => {
    kept.late = await createFeedback({ state: 'answered', closedAt: new Date('2020-05-05T00:00:00Z') });
    const state = await snapshot();
    const generation = cacheGeneration();

    // 23:00 in Hanoi, the same local day.
    expect(await retention().run(new Date('2030-06-15T16:00:00Z'))).toEqual({ ran: false, anonymised: 0 });

    expect(await snapshot()).toEqual(state);
    expect(cacheGeneration()).toBe(generation);
    expect(await jobRuns(JOB, '2030-06-15')).toHaveLength(1);
  });

  it('runs the next day, on what became due since', async () => {
    // 00:30 on 16 June in Hanoi: the cutoff moves by a day, past the one closed at the old cutoff.
    const nextDay = new Date('2030-06-15T17:30:00Z');
    const expected = await dueOn(nextDay);
    expect(expected).toEqual([kept.atCutoff.id, kept.late.id].sort((a, b) => a - b));

    expect(await retention().run(nextDay)).toEqual({ ran: true, anonymised: 2 });

    expect(await anonymisedAt(nextDay)).toEqual(expected);
    expect(await jobRuns(JOB, '2030-06-16')).toHaveLength(1);
  });

  it('changes nothing, not even the cache, on a day nothing is due', async () => {
    const day = new Date('2030-06-20T03:00:00Z');
    expect(await dueOn(day)).toEqual([]);
    const state = await snapshot();
    const generation = cacheGeneration();

    expect(await retention().run(day)).toEqual({ ran: true, anonymised: 0 });

    expect(await snapshot()).toEqual(state);
    expect(cacheGeneration()).toBe(generation);
    expect(await jobRuns(JOB, '2030-06-20')).toHaveLength(1);
  });

  it('is scheduled daily at 02:30 Vietnam time', () => {
    const saved = process.env.FEEDBACK_RETENTION_CRON;
    delete process.env.FEEDBACK_RETENTION_CRON;
    try {
      retention().schedule();
      retention().schedule();
    } finally {
      if (saved !== undefined) process.env.FEEDBACK_RETENTION_CRON = saved;
    }
    const jobs = strapi().cron.jobs.filter((j) => j.name === 'feedbackRetention');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].options).toEqual({ rule: '30 2 * * *', tz: 'Asia/Ho_Chi_Minh' });
    const next = jobs[0].job.nextRun()!;
    expect(next.toISOString().slice(11)).toBe('19:30:00.000Z');
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
    strapi().cron.remove('feedbackRetention');
  });
});

describe('the feedback retention job on two nodes', () => {
  const { runOnTwoNodes } = useJobNodes();

  it('runs on exactly one of them and anonymises each row once', async () => {
    const longAgo = new Date('2020-05-05T00:00:00Z');
    const rows: Row[] = [];
    for (const state of ['answered', 'published', 'not_accepted']) {
      rows.push(await createFeedback({ state, closedAt: longAgo, answer: 'Trả lời ông Vĩnh.' }));
    }
    const file = await attachFile(rows[0].id);
    const ids = rows.map((r) => r.id);
    // 10:00 on 17 June 2030 in Hanoi.
    const now = new Date('2030-06-17T03:00:00Z');
    const expected = await dueOn(now);
    expect(expected).toEqual(expect.arrayContaining(ids));
    const { outcomes, exitCodes } = await runOnTwoNodes(now, JOB);

    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { ran: true, anonymised: expected.length },
        { ran: false, anonymised: 0 },
      ])
    );
    expect(exitCodes).toEqual([0, 0]);

    const runs = await jobRuns(JOB, '2030-06-17');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done' });
    expect(await anonymisedAt(now)).toEqual(expected);
    expect(await anonymisedEvents(expected)).toEqual(expected.map(() => 1));
    const after = (await strapi()
      .db.query(FEEDBACK)
      .findMany({ where: { id: { $in: ids } }, orderBy: { id: 'asc' } })) as Row[];
    for (const row of after) {
      expect(row).toMatchObject({ fullName: null, address: null, phone: null, email: null, version: 1 });
      expect(new Date(row.anonymizedAt).toISOString()).toBe(now.toISOString());
      expect(row.answer).toBe(`Trả lời ông ${REDACTED.name}.`);
    }
    expect(
      await strapi()
        .db.query(ATTACHMENT)
        .findOne({ where: { id: file.id } })
    ).toBeNull();
    expect(fileExists(file.storedName)).toBe(false);
  }, 180_000);
});

describe('runExclusively', () => {
  const knex = () => strapi().db.connection;
  let sequence = 0;
  const freshKey = () => `key-${Date.now()}-${++sequence}`;

  it('runs a job once per key', async () => {
    const key = freshKey();
    const work = jest.fn(async () => 42);
    expect(await runExclusively(strapi(), 'test-job', key, work)).toEqual({ ran: true, result: 42 });
    expect(await runExclusively(strapi(), 'test-job', key, work)).toEqual({ ran: false });
    expect(await runExclusively(strapi(), 'other-job', key, work)).toEqual({ ran: true, result: 42 });
    expect(work).toHaveBeenCalledTimes(2);
    const [row] = await jobRuns('test-job', key);
    expect(row).toMatchObject({ status: 'done', result: '42', node: os.hostname(), pid: process.pid });
  });

  it('lets one of many simultaneous claims run', async () => {
    const key = freshKey();
    const work = jest.fn(async () => {
      await new Promise((r) => setTimeout(r, 50));
      return 'done';
    });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => runExclusively(strapi(), 'test-job', key, work))
    );
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: 'done' }]);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('records a failure, rethrows it, and lets the run be claimed again', async () => {
    const key = freshKey();
    await expect(
      runExclusively(strapi(), 'test-job', key, async () => {
        throw new Error('disk full');
      })
    ).rejects.toThrow('disk full');
    const [failed] = await jobRuns('test-job', key);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(JSON.parse(failed.result)).toEqual({ error: 'disk full' });

    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => runExclusively(strapi(), 'test-job', key, async () => 'second'))
    );
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: 'second' }]);
    const [done] = await jobRuns('test-job', key);
    expect(done).toMatchObject({ status: 'done', attempts: 2, result: '"second"' });
  });

  it('takes over a run left running for more than an hour, not a younger one', async () => {
    const key = freshKey();
    const claim = (startedAt: Date) =>
      knex()(JOB_RUNS_TABLE).insert({
        job: 'test-job',
        run_key: key,
        status: 'running',
        claim_token: 'dead-node',
        node: 'elsewhere',
        pid: 1,
        attempts: 1,
        started_at: startedAt,
      });
    await claim(new Date(Date.now() - STALE_MS + 60_000));
    const work = jest.fn(async () => 'taken over');
    expect(await runExclusively(strapi(), 'test-job', key, work)).toEqual({ ran: false });

    await knex()(JOB_RUNS_TABLE)
      .where({ job: 'test-job', run_key: key })
      .update({ started_at: new Date(Date.now() - STALE_MS - 60_000) });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => runExclusively(strapi(), 'test-job', key, work))
    );
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: 'taken over' }]);
    expect(work).toHaveBeenCalledTimes(1);
    const [row] = await jobRuns('test-job', key);
    expect(row).toMatchObject({ status: 'done', attempts: 2, pid: process.pid });
  });

  it('leaves the record of a run taken over to the node that took it', async () => {
    const key = freshKey();
    let release!: () => void;
    const slow = runExclusively(strapi(), 'test-job', key, async () => {
      await new Promise<void>((r) => (release = r));
      return 'slow';
    });
    await new Promise((r) => setTimeout(r, 100));
    await knex()(JOB_RUNS_TABLE)
      .where({ job: 'test-job', run_key: key })
      .update({ started_at: new Date(Date.now() - STALE_MS - 60_000) });
    expect(await runExclusively(strapi(), 'test-job', key, async () => 'fast')).toEqual({
      ran: true,
      result: 'fast',
    });
    release();
    expect(await slow).toEqual({ ran: true, result: 'slow' });
    const [row] = await jobRuns('test-job', key);
    expect(row).toMatchObject({ status: 'done', result: '"fast"' });
  });
});
