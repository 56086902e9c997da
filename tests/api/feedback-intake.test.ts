import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { issueFormToken } from '../../src/domain/form-token';
import { fingerprintOf } from '../../src/infra/idempotency';
import {
  deterministicTrackingCode,
  hashTrackingCode,
  normalizeTrackingCode,
} from '../../src/domain/tracking-code';
import { localDate, WorkingCalendar, type CalendarEntry } from '../../src/domain/working-days';
import { demo } from '../setup/demo';
import { overrideEnv } from '../setup/env-override';
import { HTML, PDF, png, SVG } from '../setup/files';
import { useStrapi } from '../setup/strapi';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-files-'));
overrideEnv({
  FEEDBACK_MIN_FILL_SECONDS: '0',
  FEEDBACK_MAX_FILE_MB: '1',
  FEEDBACK_SUBMIT_LIMIT: '1000',
  FEEDBACK_LOOKUP_LIMIT: '1000',
  PRIVATE_UPLOAD_DIR: privateDir,
});

const app = useStrapi();
const UID = 'api::feedback.feedback';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const formToken = async () =>
  (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken as string;

const valid = async (overrides: Entry = {}): Promise<Entry> => ({
  fullName: 'Trần Thị Bình',
  address: '12 Lê Lợi, phường 1',
  phone: '0909 123 456',
  email: 'binh@demo.example',
  kind: 'impractical_rule',
  subject: 'Thời hạn giải quyết thủ tục quá dài',
  content: 'Đề nghị rút ngắn thời hạn giải quyết thủ tục đăng ký biến động đất đai.',
  consent: { processing: true, publishAnswer: true },
  formToken: await formToken(),
  website: '',
  ...overrides,
});

const post = (body: Entry, headers: Record<string, string> = {}) =>
  request(app.server()).post('/api/feedbacks').set(headers).send(body);

const feedbackCount = () => app.strapi().db.query(UID).count();
const storedFiles = () => fs.readdirSync(privateDir);

async function expectRefused(res: request.Response, fieldPath: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  const error = res.body.error.details.errors.find((e: Entry) => e.path.join('.') === fieldPath);
  expect(error).toBeDefined();
  expect(error.messages.vi.length).toBeGreaterThan(0);
  expect(error.messages.en.length).toBeGreaterThan(0);
}

describe('GET /api/feedbacks/form', () => {
  it('gives a token, the eight kinds, the processing notice and the limits', async () => {
    const res = await request(app.server()).get('/api/feedbacks/form');
    expect(res.status).toBe(200);
    const { data } = res.body;
    expect(data.formToken).toEqual(expect.any(String));
    expect(data.kinds.map((k: Entry) => k.value)).toEqual([
      'official_conduct',
      'impractical_rule',
      'inconsistent_rules',
      'unlawful_rule',
      'treaty_conflict',
      'other_issue',
      'proposed_solution',
      'new_rule_initiative',
    ]);
    for (const kind of data.kinds)
      expect(kind.label).toEqual({ vi: expect.any(String), en: expect.any(String) });
    const notice = demo('organization.json').vi.privacyNotice;
    expect(data.notice.version).toBe(notice.version);
    expect(data.notice.text.vi.purpose).toBe(notice.purpose);
    expect(data.notice.text.en.retention).toEqual(expect.any(String));
    expect(data.limits).toMatchObject({ maxFiles: 5, maxFileBytes: 1024 * 1024, content: 10000 });
  });
});

describe('POST /api/feedbacks', () => {
  it('stores a feedback and answers with its tracking code and due date', async () => {
    const before = await feedbackCount();
    const res = await post(await valid());
    expect(res.status).toBe(201);
    const { trackingCode, status, receivedAt, dueDate } = res.body.data;
    expect(trackingCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(status).toBe('received');
    expect(await feedbackCount()).toBe(before + 1);

    const holidays = (await app.strapi().db.query('api::holiday.holiday').findMany()) as CalendarEntry[];
    const deadlines = demo('organization.json').feedbackDeadlines;
    expect(dueDate).toBe(
      new WorkingCalendar(holidays).addWorkingDays(
        localDate(new Date(receivedAt), 'Asia/Ho_Chi_Minh'),
        deadlines.handlingDays
      )
    );

    const row = await app
      .strapi()
      .db.query(UID)
      .findOne({
        where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(trackingCode)!) },
        populate: ['consent'],
      });
    expect(row).toMatchObject({
      state: 'received',
      channel: 'web',
      fullName: 'Trần Thị Bình',
      phone: '0909123456',
    });
    expect(row.consent).toMatchObject({ noticeVersion: '2021-01', processing: true, publishAnswer: true });
    expect(JSON.stringify(row)).not.toContain(normalizeTrackingCode(trackingCode));
  });

  it('counts the due date in working days, skipping the managed holidays', async () => {
    const first = (await post(await valid())).body.data;
    const calendar = new WorkingCalendar([]);
    const start = localDate(new Date(first.receivedAt), 'Asia/Ho_Chi_Minh');
    // Three working days right after today become holidays: the due date moves by three working days.
    const added = [1, 2, 3].map((n) => calendar.addWorkingDays(start, n));
    const holidays = app.strapi().documents('api::holiday.holiday');
    const created = [];
    for (const date of added) {
      if (!(await app.strapi().db.query('api::holiday.holiday').findOne({ where: { date } }))) {
        created.push(
          await holidays.create({ data: { date, kind: 'holiday', name: 'Ngày nghỉ thử nghiệm' } as never })
        );
      }
    }
    const second = (await post(await valid())).body.data;
    const all = (await app.strapi().db.query('api::holiday.holiday').findMany()) as CalendarEntry[];
    expect(second.dueDate).toBe(
      new WorkingCalendar(all).addWorkingDays(start, demo('organization.json').feedbackDeadlines.handlingDays)
    );
    expect(second.dueDate > first.dueDate).toBe(created.length > 0);
    for (const holiday of created) await holidays.delete({ documentId: holiday.documentId });
  });

  it.each([
    ['a missing name', { fullName: '' }, 'fullName'],
    ['an oversized content', { content: 'x'.repeat(10001) }, 'content'],
    ['a malformed phone', { phone: '12345' }, 'phone'],
    ['a malformed email', { email: 'binh@' }, 'email'],
    ['neither phone nor email', { phone: null, email: null }, 'phone'],
    ['a kind outside the eight', { kind: 'complaint' }, 'kind'],
    ['a missing consent', { consent: undefined }, 'consent.processing'],
    ['a refused consent', { consent: { processing: false, publishAnswer: false } }, 'consent.processing'],
    ['a filled honeypot', { website: 'http://spam.example' }, 'website'],
    ['a garbage token', { formToken: 'abc.def' }, 'formToken'],
    ['an unknown procedure', { procedure: 'zzzzzzzzzzzzzzzzzzzzzzzz' }, 'procedure'],
  ])('refuses %s and stores nothing', async (_label, overrides, fieldPath) => {
    const before = await feedbackCount();
    const res = await post(await valid(overrides));
    await expectRefused(res, fieldPath);
    expect(await feedbackCount()).toBe(before);
  });

  it('reports every problem at once, in Vietnamese by default and English on request', async () => {
    const body = await valid({ fullName: '', kind: 'x', phone: 'abc' });
    const vi = await post(body);
    expect(vi.body.error.details.errors.map((e: Entry) => e.path[0]).sort()).toEqual([
      'fullName',
      'kind',
      'phone',
    ]);
    expect(vi.body.error.details.errors[0].message).toBe(vi.body.error.details.errors[0].messages.vi);
    const en = await post({ ...body, formToken: await formToken() }, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(en.body.error.details.errors[0].message).toBe(en.body.error.details.errors[0].messages.en);
  });

  it('refuses an expired token, a token used twice and a form filled too fast', async () => {
    const config = app.strapi().config.get('feedback') as Entry;
    const old = issueFormToken(
      config.formTokenSecret,
      'feedback',
      Date.now() - (config.formTokenTtlSeconds + 60) * 1000
    );
    await expectRefused(await post(await valid({ formToken: old })), 'formToken');

    const body = await valid();
    expect((await post(body)).status).toBe(201);
    await expectRefused(await post(body), 'formToken');

    app.strapi().config.set('feedback.minFillSeconds', 60);
    try {
      await expectRefused(await post(await valid()), 'formToken');
    } finally {
      app.strapi().config.set('feedback.minFillSeconds', 0);
    }

    const survey = issueFormToken(config.formTokenSecret, 'survey');
    await expectRefused(await post(await valid({ formToken: survey })), 'formToken');
  });

  it('refuses a body that is not a JSON object', async () => {
    const res = await request(app.server())
      .post('/api/feedbacks')
      .set('Content-Type', 'application/json')
      .send('[1,2]');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});

describe('attachments', () => {
  const multipart = async (
    data: Entry,
    files: [Buffer, string, string][],
    headers: Record<string, string> = {}
  ) => {
    let req = request(app.server()).post('/api/feedbacks').set(headers).field('data', JSON.stringify(data));
    for (const [bytes, filename, contentType] of files)
      req = req.attach('files', bytes, { filename, contentType });
    return req;
  };

  it('stores accepted files privately, under generated names, re-encoding images', async () => {
    const image = await png(8, 8);
    const before = storedFiles().length;
    const res = await multipart(await valid(), [
      [image, 'anh chup.png', 'image/png'],
      [PDF, 'to trinh.pdf', 'application/pdf'],
    ]);
    expect(res.status).toBe(201);
    const feedback = await app
      .strapi()
      .db.query(UID)
      .findOne({
        where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(res.body.data.trackingCode)!) },
        populate: ['attachments'],
      });
    const attachments = feedback.attachments.sort((a: Entry, b: Entry) => a.kind.localeCompare(b.kind));
    expect(attachments.map((a: Entry) => [a.kind, a.mime, a.originalName])).toEqual([
      ['pdf', 'application/pdf', 'to trinh.pdf'],
      ['png', 'image/png', 'anh chup.png'],
    ]);
    expect(storedFiles()).toHaveLength(before + 2);
    for (const a of attachments) {
      expect(a.storedName).toMatch(/^[0-9a-f]{32}\.(pdf|png)$/);
      expect(fs.existsSync(path.join(privateDir, a.storedName))).toBe(true);
      expect(fs.existsSync(path.join(app.strapi().dirs.static.public, 'uploads', a.storedName))).toBe(false);
    }
  });

  it.each([
    ['an SVG renamed to .png', SVG, 'logo.png', 'image/png'],
    ['an HTML page declared as an image', HTML, 'photo.png', 'image/png'],
    ['an SVG declared as such', SVG, 'logo.svg', 'image/svg+xml'],
    ['a script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.pdf', 'application/pdf'],
  ])('refuses %s and keeps no file', async (_label, bytes, filename, contentType) => {
    const before = storedFiles().length;
    const count = await feedbackCount();
    const res = await multipart(await valid(), [[bytes, filename, contentType]]);
    await expectRefused(res, 'files.0');
    expect(storedFiles()).toHaveLength(before);
    expect(await feedbackCount()).toBe(count);
  });

  it('refuses more than five files, and a file over the size limit', async () => {
    const image = await png();
    const six = Array.from(
      { length: 6 },
      (_, i) => [image, `${i}.png`, 'image/png'] as [Buffer, string, string]
    );
    await expectRefused(await multipart(await valid(), six), 'files');
    const big = Buffer.concat([
      PDF.subarray(0, 9),
      Buffer.alloc(1024 * 1024 + 10, 32),
      Buffer.from('\n%%EOF\n'),
    ]);
    await expectRefused(await multipart(await valid(), [[big, 'big.pdf', 'application/pdf']]), 'files.0');
  });

  it('is all or nothing: a failure after the files were written leaves no file behind', async () => {
    const body = await valid();
    const { nonce } = JSON.parse(Buffer.from(body.formToken.split('.')[0], 'base64url').toString());
    // Another node used this token a moment ago: the transaction fails after the files were stored.
    await app.strapi().db.connection('form_token_uses').insert({ nonce, used_at: new Date() });
    const before = storedFiles().length;
    const count = await feedbackCount();
    const res = await multipart(body, [[await png(), 'a.png', 'image/png']]);
    await expectRefused(res, 'formToken');
    expect(storedFiles()).toHaveLength(before);
    expect(await feedbackCount()).toBe(count);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const body = await valid();
    const key = `key-${Date.now()}-replay`;
    const first = await post(body, { 'Idempotency-Key': key });
    const second = await post(body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await app
      .strapi()
      .db.query(UID)
      .count({
        where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(first.body.data.trackingCode)!) },
      });
    expect(rows).toBe(1);
    const stored = await app.strapi().db.connection('idempotency_keys').select('*');
    expect(JSON.stringify(stored)).not.toContain(normalizeTrackingCode(first.body.data.trackingCode));
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('answers 422 to the same key with another body', async () => {
    const key = `key-${Date.now()}-mismatch`;
    expect((await post(await valid(), { 'Idempotency-Key': key })).status).toBe(201);
    const other = await post(await valid({ subject: 'Một nội dung khác' }), { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.name).toBe('UnprocessableEntityError');
  });

  it('answers 409 to a concurrent duplicate, leaving exactly one feedback', async () => {
    const service = app.strapi().service(UID) as unknown as Entry;
    const receive = service.receive;
    service.receive = async (...args: unknown[]) => {
      await new Promise((r) => setTimeout(r, 400));
      return receive.apply(service, args);
    };
    try {
      const body = await valid();
      const key = `key-${Date.now()}-concurrent`;
      const before = await feedbackCount();
      const [a, b] = await Promise.all([
        post(body, { 'Idempotency-Key': key }),
        post(body, { 'Idempotency-Key': key }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(await feedbackCount()).toBe(before + 1);
    } finally {
      service.receive = receive;
    }
  });

  it('lets a client retry with the same key after a refused request', async () => {
    const key = `key-${Date.now()}-retry`;
    expect((await post(await valid({ fullName: '' }), { 'Idempotency-Key': key })).status).toBe(400);
    expect((await post(await valid(), { 'Idempotency-Key': key })).status).toBe(201);
  });

  it('lets a retry take over a key left pending by a node that died, once its lease is over', async () => {
    const body = await valid();
    const key = `key-${Date.now()}-orphaned`;
    // What a node killed mid-request leaves: its claim, pending, and nothing else (its transaction rolled back).
    await app
      .strapi()
      .db.connection('idempotency_keys')
      .insert({
        key_hash: createHash('sha256').update(`feedback:${key}`).digest('hex'),
        fingerprint: fingerprintOf(body, []),
        state: 'pending',
        created_at: new Date(Date.now() - 31_000),
      });
    const before = await feedbackCount();
    const retry = await post(body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    const again = await post(body, { 'Idempotency-Key': key });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect(await feedbackCount()).toBe(before + 1);
  });

  it('rolls back a request that outlived its lease once a retry took its key over', async () => {
    const service = app.strapi().service(UID) as unknown as Entry;
    const receive = service.receive;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let calls = 0;
    service.receive = async (...args: unknown[]) => {
      if (calls++ === 0) await gate;
      return receive.apply(service, args);
    };
    try {
      const body = await valid();
      const key = `key-${Date.now()}-outlived`;
      const before = await feedbackCount();
      const slow = post(body, { 'Idempotency-Key': key }).then((res) => res);
      const keys = () => app.strapi().db.connection('idempotency_keys').where({ state: 'pending' });
      while ((await keys()).length === 0) await new Promise((r) => setTimeout(r, 20));
      await keys().update({ created_at: new Date(Date.now() - 31_000) });
      const retry = await post(body, { 'Idempotency-Key': key });
      expect(retry.status).toBe(201);
      open();
      // Refused, whichever check sees it first: the token the retry spent, or the claim it took over.
      expect([400, 409]).toContain((await slow).status);
      expect(await feedbackCount()).toBe(before + 1);
      const again = await post(body, { 'Idempotency-Key': key });
      expect(again.body).toEqual(retry.body);
    } finally {
      service.receive = receive;
    }
  });

  it('refuses a malformed key', async () => {
    await expectRefused(await post(await valid(), { 'Idempotency-Key': 'short' }), 'Idempotency-Key');
  });
});

describe('GET /api/feedbacks/status/:trackingCode', () => {
  const lookup = (code: string) =>
    request(app.server()).get(`/api/feedbacks/status/${encodeURIComponent(code)}`);

  it('tells the sender the status and dates, however the code is typed, and nothing personal', async () => {
    const { trackingCode } = (await post(await valid())).body.data;
    for (const typed of [trackingCode, trackingCode.toLowerCase(), trackingCode.replace(/-/g, ' ')]) {
      const res = await lookup(typed);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.data).toMatchObject({ status: 'received', answer: null });
      expect(Object.keys(res.body.data).sort()).toEqual([
        'answer',
        'answeredAt',
        'dueDate',
        'receivedAt',
        'status',
      ]);
    }
  });

  it('gives the same 404 for an unknown and a malformed code', async () => {
    const unknown = await lookup(deterministicTrackingCode('nobody'));
    const malformed = await lookup('not-a-code');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(unknown.body).toEqual(malformed.body);
  });

  it('shows the answer once it is published, with contacts masked', async () => {
    const feedbacks = demo('feedbacks.json');
    const index = feedbacks.findIndex((f: Entry) => f.state === 'published');
    // The 2021 history is closed; the current year's demo has feedback in progress.
    const inProgress = demo('current-year.json').feedbacks.findIndex((f: Entry) => f.state === 'assigned');
    const published = await lookup(deterministicTrackingCode(`demo-${index}`));
    expect(published.body.data.status).toBe('published');
    expect(published.body.data.answer).toEqual(expect.any(String));
    const pending = await lookup(deterministicTrackingCode(`demo-current-${inProgress}`));
    expect(pending.body.data).toMatchObject({ status: 'in_progress', answer: null });
  });

  it('never writes a tracking code to the logs', async () => {
    const { trackingCode } = (await post(await valid())).body.data;
    const log = app.strapi().log as unknown as Record<string, (...args: unknown[]) => void>;
    const lines: string[] = [];
    const originals = Object.fromEntries(['http', 'info', 'warn', 'error', 'debug'].map((l) => [l, log[l]]));
    for (const level of Object.keys(originals))
      log[level] = (...args: unknown[]) => lines.push(args.join(' '));
    // The suite logs at `warn`; the request log is written from `http` on.
    const enabled = jest.spyOn(app.strapi().log, 'isLevelEnabled').mockReturnValue(true);
    try {
      await lookup(trackingCode);
      await lookup('garbage-code');
    } finally {
      Object.assign(log, originals);
      enabled.mockRestore();
    }
    expect(lines.some((l) => l.includes('/api/feedbacks/status/[redacted]'))).toBe(true);
    const normalized = normalizeTrackingCode(trackingCode)!;
    expect(lines.join('\n')).not.toContain(trackingCode);
    expect(lines.join('\n')).not.toContain(normalized);
    expect(lines.join('\n')).not.toContain('garbage-code');
  });
});

describe('GET /api/feedbacks/answered', () => {
  it('lists only published answers, without the sender, with contacts masked', async () => {
    const strapi = app.strapi();
    await strapi.documents(UID).create({
      data: {
        fullName: 'Lê Văn Cường',
        address: 'Số 1 đường A',
        phone: '0912345678',
        email: 'cuong@demo.example',
        kind: 'proposed_solution',
        subject: 'Đề nghị niêm yết bảng phí',
        content:
          'Tôi là Cường, số 0912 345 678, thư cuong@demo.example, đề nghị niêm yết công khai bảng phí.',
        channel: 'web',
        state: 'published',
        receivedAt: new Date('2021-06-01T02:00:00Z'),
        answer: 'Sở đã niêm yết bảng phí; liên hệ 0912345678 nếu cần.',
        answeredAt: new Date('2021-06-10T02:00:00Z'),
        answerPublished: true,
        // What the register publishes: the name removed; contacts left in are masked on the way out.
        publicSubject: 'Đề nghị niêm yết bảng phí',
        publicContent:
          'Tôi là [người phản ánh], số 0912 345 678, thư cuong@demo.example, đề nghị niêm yết công khai bảng phí.',
        publicAnswer: 'Sở đã niêm yết bảng phí; liên hệ 0912345678 nếu cần.',
      } as never,
    });
    const res = await request(app.server()).get('/api/feedbacks/answered?pageSize=50');
    expect(res.status).toBe(200);
    const publishedCount = await strapi.db
      .query(UID)
      .count({ where: { state: 'published', answerPublished: true } });
    expect(res.body.meta.pagination.total).toBe(publishedCount);
    const text = JSON.stringify(res.body);
    for (const secret of [
      'Lê Văn Cường',
      'Số 1 đường A',
      '0912345678',
      '0912 345 678',
      'cuong@demo.example',
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const item of res.body.data) {
      expect(Object.keys(item).sort()).toEqual(
        ['answer', 'answeredAt', 'content', 'documentId', 'kind', 'procedure', 'receivedAt', 'subject'].sort()
      );
    }
    const mine = res.body.data.find((f: Entry) => f.subject === 'Đề nghị niêm yết bảng phí');
    expect(mine.content).toContain('[số điện thoại]');
    expect(mine.content).toContain('[email]');
  });

  it('searches without diacritics and filters by kind and procedure', async () => {
    const res = await request(app.server()).get(
      `/api/feedbacks/answered?q=${encodeURIComponent('NIEM YET bang phi')}`
    );
    expect(res.body.data.map((f: Entry) => f.subject)).toContain('Đề nghị niêm yết bảng phí');
    const kind = await request(app.server()).get(
      '/api/feedbacks/answered?kind=proposed_solution&pageSize=50'
    );
    expect(kind.body.data.every((f: Entry) => f.kind === 'proposed_solution')).toBe(true);
    const withProcedure = await app
      .strapi()
      .db.query(UID)
      .findOne({
        where: { state: 'published', procedure: { id: { $notNull: true } } },
        populate: ['procedure'],
      });
    if (withProcedure) {
      const byProcedure = await request(app.server()).get(
        `/api/feedbacks/answered?procedure=${withProcedure.procedure.documentId}&pageSize=50`
      );
      expect(byProcedure.body.data.length).toBeGreaterThan(0);
      expect(
        byProcedure.body.data.every(
          (f: Entry) => f.procedure.documentId === withProcedure.procedure.documentId
        )
      ).toBe(true);
    }
    await expectRefused(await request(app.server()).get('/api/feedbacks/answered?kind=spam'), 'kind');
    await expectRefused(await request(app.server()).get('/api/feedbacks/answered?populate=*'), 'populate');
  });
});
