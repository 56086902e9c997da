/**
 * The feedback (PAKN) register, as each role, through the plugin's admin routes: registration, every move of the
 * workflow, deadlines in working days, unit isolation, personal data, publication and the mails.
 */
import request from 'supertest';
import { overrideEnv } from '../setup/env-override';
import { phoneFeedback, SUBMITTER } from '../setup/feedback';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', FEEDBACK_LOOKUP_LIMIT: '1000' });
const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const tokens: Record<string, string> = {};

const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const ZONE = 'Asia/Ho_Chi_Minh';

let units: Record<string, Entry>;

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
});

const api = (method: 'get' | 'post' | 'put', path: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/feedback-register${path}`)
    .set({
      Authorization: `Bearer ${tokens[email]}`,
    });
  return body ? req.send(body) : req;
};

/** Local calendar date (YYYY-MM-DD) in Vietnam, `days` days from now. */
const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

async function registerFeedback(overrides: Entry = {}, email = OFFICE) {
  const res = await api(
    'post',
    '/feedbacks',
    email,
    phoneFeedback({
      subject: 'Ông Khánh đề nghị rút ngắn thời hạn cấp giấy phép',
      content: 'Ông Hoàng Văn Khánh (ĐT 0912.345.678, CCCD 079201001234) đề nghị rút ngắn thời hạn.',
      ...overrides,
    })
  );
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; trackingCode: string };
}

async function move(email: string, documentId: string, to: string, extra: Entry = {}) {
  const current = await api('get', `/feedbacks/${documentId}`, OFFICE);
  return api('post', `/feedbacks/${documentId}/transitions`, email, {
    to,
    version: current.body.data.version,
    ...extra,
  });
}

const expectFieldError = (res: request.Response, field: string) => {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.details.errors.map((e: Entry) => e.path.join('.'))).toContain(field);
};

const outbox = (topic: string) =>
  app
    .strapi()
    .db.connection('email_outbox')
    .where('topic', topic)
    .select('recipient', 'state', 'subject', 'body');

describe('the plugin', () => {
  it('has its routes mounted (a plugin loaded as {} would answer 404)', async () => {
    const office = await api('get', '/options', OFFICE);
    expect(office.status).toBe(200);
    expect(office.body.data.access).toEqual({ canHandle: true, canAnswer: false, readAll: true });
    const unit = await api('get', '/options', QLDD);
    expect(unit.body.data.access).toEqual({ canHandle: false, canAnswer: true, readAll: false });
    expect(unit.body.data.units.map((u: Entry) => u.code)).toEqual(['P-QLDD']);
  });

  it('needs an admin session, and is closed to the IT Center', async () => {
    expect((await request(app.server()).get('/feedback-register/feedbacks')).status).toBe(401);
    expect((await api('get', '/feedbacks', IT)).status).toBe(403);
  });

  it('lists the demo register for the Office, soonest deadline first', async () => {
    const res = await api('get', '/feedbacks?pageSize=100', OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBeGreaterThanOrEqual(22);
    const dues = res.body.results.map((r: Entry) => r.currentDueDate).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    expect(res.body.results[0]).not.toHaveProperty('fullName');
  });

  it('lists each feedback once, even those linked to a procedure with a draft and a published version', async () => {
    const res = await api('get', '/feedbacks?pageSize=100', OFFICE);
    const ids = res.body.results.map((r: Entry) => r.documentId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(res.body.pagination.total).toBe(await app.strapi().db.query('api::feedback.feedback').count());
    const linked = res.body.results.find((r: Entry) => r.procedure);
    expect(linked.procedure.nationalCode).toEqual(expect.any(String));
    const byProcedure = await api('get', `/feedbacks?procedure=${linked.procedure.documentId}`, OFFICE);
    expect(byProcedure.body.results.length).toBeGreaterThan(0);
    expect(
      byProcedure.body.results.every((r: Entry) => r.procedure?.documentId === linked.procedure.documentId)
    ).toBe(true);
  });

  it('sorts on the server by a column, either way, empty values last', async () => {
    const list = async (sort: string) => {
      const res = await api('get', `/feedbacks?pageSize=100&sort=${sort}`, OFFICE);
      expect(res.status).toBe(200);
      return res.body.results as Entry[];
    };
    const received = (await list('receivedAt:asc')).map((r) => r.receivedAt);
    expect(received).toEqual([...received].sort());
    expect((await list('receivedAt:desc')).map((r) => r.receivedAt)).toEqual([...received].reverse());
    const states = (await list('state')).map((r) => r.state);
    expect(states.indexOf('received')).toBeLessThan(states.lastIndexOf('accepted'));
    expect(states.lastIndexOf('received')).toBeLessThan(states.indexOf('published'));
    const units = (await list('unit:desc')).map((r) => r.handlingUnit?.name ?? null);
    const named = units.filter(Boolean) as string[];
    expect(units.slice(0, named.length)).toEqual(named);
    const dues = (await list('dueDate:desc')).map((r) => r.currentDueDate).filter(Boolean);
    expect(dues).toEqual([...dues].sort().reverse());
  });

  it('searches subjects whatever the case of Vietnamese letters', async () => {
    const res = await api('get', `/feedbacks?q=${encodeURIComponent('ĐỀ NGHỊ KHÔNG YÊU CẦU')}`, OFFICE);
    expect(res.body.results.map((r: Entry) => r.subject)).toEqual([
      'Đề nghị không yêu cầu nộp lại bản sao giấy tờ nhân thân khi đăng ký chuyển nhượng',
    ]);
  });

  it('refuses unknown and malformed filters', async () => {
    expectFieldError(await api('get', '/feedbacks?sort=fullName', OFFICE), 'sort');
    expectFieldError(await api('get', '/feedbacks?receivedFrom=2021-02-30', OFFICE), 'receivedFrom');
    expectFieldError(await api('get', '/feedbacks?state=lost', OFFICE), 'state');
  });
});

describe('registration of phone, paper and e-mail feedback', () => {
  it('records it with its deadlines and gives the Office a tracking code', async () => {
    const { documentId, trackingCode } = await registerFeedback();
    expect(trackingCode).toEqual(expect.any(String));
    const res = await api('get', `/feedbacks/${documentId}`, OFFICE);
    expect(res.body.data).toMatchObject({ state: 'received', channel: 'phone', version: 0 });
    expect(res.body.data.classificationDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.data.dueDate > res.body.data.classificationDueDate).toBe(true);
    const status = await request(app.server()).get(`/api/feedbacks/status/${trackingCode}`);
    expect(status.body.data.status).toBe('received');
    const history = await api('get', `/feedbacks/${documentId}/history`, OFFICE);
    expect(history.body.data.map((e: Entry) => e.action)).toEqual(['registered']);
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const before = await app.strapi().db.query('api::feedback.feedback').count();
    const res = await api('post', '/feedbacks', OFFICE, {
      data: {
        channel: 'web',
        receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
        fullName: '',
        address: 'x',
        kind: 'impractical_rule',
        subject: 's',
        content: 'c',
      },
    });
    expectFieldError(res, 'channel');
    expectFieldError(res, 'receivedAt');
    expectFieldError(res, 'fullName');
    expect(await app.strapi().db.query('api::feedback.feedback').count()).toBe(before);
  });

  it('is for the Office only', async () => {
    const res = await api('post', '/feedbacks', QLDD, { data: {} });
    expect(res.status).toBe(403);
  });
});

describe('from receipt to a published answer', () => {
  let id: string;
  let trackingCode: string;

  beforeAll(async () => {
    ({ documentId: id, trackingCode } = await registerFeedback());
  });

  it('is accepted by the Office only', async () => {
    expect((await move(QLDD, id, 'accepted')).status).toBe(404);
    const director = await move(DIRECTOR, id, 'accepted');
    expectFieldError(director, 'to');
    expect(director.body.error.details.errors[0].message).toMatch(/Vai trò/);
    const res = await move(OFFICE, id, 'accepted');
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('accepted');
    expect(res.body.data.allowedTransitions.map((t: Entry) => t.to)).toEqual(['assigned']);
  });

  it('is assigned to a unit, within the answer deadline, and the unit is told', async () => {
    expectFieldError(await move(OFFICE, id, 'assigned'), 'unit');
    expectFieldError(
      await move(OFFICE, id, 'assigned', { unit: units['P-QLDD'].id, unitDueDate: localDay(-3) }),
      'unitDueDate'
    );
    expectFieldError(
      await move(OFFICE, id, 'assigned', { unit: units['P-QLDD'].id, unitDueDate: localDay(400) }),
      'unitDueDate'
    );
    const unitDueDate = localDay(7);
    const res = await move(OFFICE, id, 'assigned', { unit: units['P-QLDD'].id, unitDueDate });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'assigned', unitDueDate, currentDueDate: unitDueDate });
    expect(res.body.data.handlingUnit.code).toBe('P-QLDD');
    const mails = await outbox(`feedback.assigned:${id}`);
    expect(mails.map((m: Entry) => m.recipient)).toContain(QLDD);
    expect(mails.every((m: Entry) => m.state === 'captured')).toBe(true);
  });

  it('is visible to the assigned unit with the submitter, to the Director without, and to no other unit', async () => {
    const unit = await api('get', `/feedbacks/${id}`, QLDD);
    expect(unit.status).toBe(200);
    expect(unit.body.data.submitter).toMatchObject({
      fullName: SUBMITTER.fullName,
      phone: expect.any(String),
    });
    expect(unit.body.data.canEditAnswer).toBe(true);
    const director = await api('get', `/feedbacks/${id}`, DIRECTOR);
    expect(director.status).toBe(200);
    expect(director.body.data.submitter).toBeNull();
    expect(JSON.stringify(director.body.data)).not.toContain(SUBMITTER.email);

    for (const [method, path, body] of [
      ['get', `/feedbacks/${id}`],
      ['get', `/feedbacks/${id}/history`],
      ['put', `/feedbacks/${id}/answer`, { answer: 'x', version: 3 }],
      ['post', `/feedbacks/${id}/transitions`, { to: 'answer_drafted', version: 3, answer: 'x' }],
    ] as const) {
      const res = await api(method, path, MT, body);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(SUBMITTER.fullName);
    }
    const list = await api('get', '/feedbacks?pageSize=100', MT);
    expect(list.body.results.map((r: Entry) => r.documentId)).not.toContain(id);
    expect(list.body.results.every((r: Entry) => r.handlingUnit?.code === 'P-MT')).toBe(true);
    const mine = await api('get', '/feedbacks?pageSize=100', QLDD);
    expect(mine.body.results.map((r: Entry) => r.documentId)).toContain(id);
  });

  it('gets a draft answer from the unit; the Office is told', async () => {
    const version = (await api('get', `/feedbacks/${id}`, QLDD)).body.data.version;
    const saved = await api('put', `/feedbacks/${id}/answer`, QLDD, {
      answer: 'Trả lời ông Khánh: Sở đã rút ngắn thời hạn.',
      version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.answer).toContain('rút ngắn');
    expect((await api('put', `/feedbacks/${id}/answer`, QLDD, { answer: 'x', version })).status).toBe(409);
    const res = await move(QLDD, id, 'answer_drafted');
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('answer_drafted');
    expect((await outbox(`feedback.answer_drafted:${id}`)).map((m: Entry) => m.recipient)).toContain(OFFICE);
  });

  it('goes back to the unit with a comment, and comes back', async () => {
    expectFieldError(await move(OFFICE, id, 'assigned'), 'comment');
    const res = await move(OFFICE, id, 'assigned', { comment: 'Bổ sung căn cứ pháp lý.' });
    expect(res.status).toBe(200);
    expect(res.body.data.handlingUnit.code).toBe('P-QLDD');
    expect((await outbox(`feedback.returned:${id}`)).map((m: Entry) => m.recipient)).toContain(QLDD);
    const again = await move(QLDD, id, 'answer_drafted', {
      answer:
        'Trả lời ông Khánh (ĐT 0912 345 678): theo Nghị định 63/2010/NĐ-CP, Sở đã rút ngắn thời hạn xuống 10 ngày.',
    });
    expect(again.status).toBe(200);
  });

  it('is approved and answered by the Office only; the submitter gets the answer by e-mail', async () => {
    expectFieldError(await move(QLDD, id, 'answer_approved'), 'to');
    expect((await move(OFFICE, id, 'answer_approved')).status).toBe(200);
    expectFieldError(await move(QLDD, id, 'answered'), 'to');
    const res = await move(OFFICE, id, 'answered');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'answered', onTime: true });
    expect(res.body.data.closedAt).toEqual(expect.any(String));
    expect(res.body.data.publicationDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mails = await outbox(`feedback.answered:${id}`);
    expect(mails.map((m: Entry) => m.recipient)).toEqual([SUBMITTER.email]);
    expect(mails[0].body).toContain('10 ngày');
    const status = await request(app.server()).get(`/api/feedbacks/status/${trackingCode}`);
    expect(status.body.data).toMatchObject({ status: 'answered' });
    expect(status.body.data.answer).toContain('10 ngày');
  });

  it('is published without the personal data, and shows in the public answers', async () => {
    const preview = await api('get', `/feedbacks/${id}/publication-preview`, OFFICE);
    expect(preview.status).toBe(200);
    const texts = JSON.stringify(preview.body.data);
    for (const personal of ['Khánh', '0912', '345 678', '079201001234', 'Hoàng Văn']) {
      expect(texts).not.toContain(personal);
    }
    expect(preview.body.data.publicAnswer).toContain('63/2010/NĐ-CP');
    expect((await api('get', `/feedbacks/${id}/publication-preview`, QLDD)).status).toBe(403);

    const res = await move(OFFICE, id, 'published', {
      publicAnswer: 'Ông Khánh hỏi; Sở trả lời: thời hạn còn 10 ngày.',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      state: 'published',
      answerPublished: true,
      publicationOnTime: true,
    });
    expect(res.body.data.publicAnswer).not.toContain('Khánh');

    const publicList = await request(app.server()).get('/api/feedbacks/answered?q=thời hạn&pageSize=50');
    const published = publicList.body.data.find((f: Entry) => f.documentId === id);
    expect(published).toBeDefined();
    const shown = JSON.stringify(published);
    for (const personal of ['Khánh', '0912', 'khanh@', '079201001234']) expect(shown).not.toContain(personal);
    const status = await request(app.server()).get(`/api/feedbacks/status/${trackingCode}`);
    expect(status.body.data.status).toBe('published');
  });

  it('refuses every move out of the published state, and unknown states', async () => {
    for (const to of ['received', 'answered', 'assigned', 'accepted']) {
      const res = await move(OFFICE, id, to);
      expectFieldError(res, 'to');
    }
    expectFieldError(await move(OFFICE, id, 'archived'), 'to');
  });

  it('keeps the whole history, with who, when and why', async () => {
    const res = await api('get', `/feedbacks/${id}/history`, DIRECTOR);
    expect(res.status).toBe(200);
    const steps = res.body.data.map((e: Entry) => [e.action, e.toState]);
    expect(steps).toEqual([
      ['registered', 'received'],
      ['transitioned', 'accepted'],
      ['transitioned', 'assigned'],
      ['answer_saved', null],
      ['transitioned', 'answer_drafted'],
      ['transitioned', 'assigned'],
      ['transitioned', 'answer_drafted'],
      ['transitioned', 'answer_approved'],
      ['transitioned', 'answered'],
      ['transitioned', 'published'],
    ]);
    expect(res.body.data[5]).toMatchObject({
      fromState: 'answer_drafted',
      reason: 'Bổ sung căn cứ pháp lý.',
    });
    expect(res.body.data.every((e: Entry) => e.actorName && e.at)).toBe(true);
  });

  it('keeps the history append-only (a trigger on PostgreSQL)', async () => {
    const knex = app.strapi().db.connection;
    if (app.strapi().db.dialect.client !== 'postgres') return;
    await expect(knex('feedback_events').update({ reason: 'rewritten' })).rejects.toThrow(/append-only/);
    await expect(knex('feedback_events').delete()).rejects.toThrow(/append-only/);
  });
});

describe('a feedback whose answer is already overdue', () => {
  it('is assigned with a unit due date after the answer deadline, and stays late', async () => {
    const { documentId } = await registerFeedback({
      receivedAt: new Date(Date.now() - 200 * 86_400_000).toISOString(),
    });
    expect((await move(OFFICE, documentId, 'accepted')).status).toBe(200);
    const dueDate: string = (await api('get', `/feedbacks/${documentId}`, OFFICE)).body.data.dueDate;
    expect(dueDate < localDay()).toBe(true);
    const shown = dueDate.split('-').reverse().join('/');

    // Left empty: no date the rules give is ahead, so the Office is asked for one, in dd/mm/yyyy.
    const empty = await move(OFFICE, documentId, 'assigned', { unit: units['P-MT'].id });
    expectFieldError(empty, 'unitDueDate');
    expect(empty.body.error.details.errors[0].message).toContain(`quá hạn trả lời (${shown})`);
    expect(empty.body.error.details.errors[0].message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expectFieldError(
      await move(OFFICE, documentId, 'assigned', { unit: units['P-MT'].id, unitDueDate: localDay(-2) }),
      'unitDueDate'
    );

    const unitDueDate = localDay(10);
    const res = await move(OFFICE, documentId, 'assigned', { unit: units['P-MT'].id, unitDueDate });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      state: 'assigned',
      unitDueDate,
      currentDueDate: unitDueDate,
      dueDate,
    });

    expect((await move(MT, documentId, 'answer_drafted', { answer: 'Trả lời.' })).status).toBe(200);
    expect((await move(OFFICE, documentId, 'answer_approved')).status).toBe(200);
    const answered = await move(OFFICE, documentId, 'answered');
    expect(answered.status).toBe(200);
    // Judged against the answer deadline, not the unit's own date.
    expect(answered.body.data.onTime).toBe(false);
  });

  it('shows dates as dd/mm/yyyy when a unit due date falls after a deadline still ahead', async () => {
    const { documentId } = await registerFeedback();
    expect((await move(OFFICE, documentId, 'accepted')).status).toBe(200);
    const res = await move(OFFICE, documentId, 'assigned', {
      unit: units['P-MT'].id,
      unitDueDate: localDay(400),
    });
    expectFieldError(res, 'unitDueDate');
    expect(res.body.error.details.errors[0].message).toMatch(/\(\d{2}\/\d{2}\/\d{4}\)/);
  });
});

describe('classification with corrections', () => {
  it('corrects the kind, procedure and channel with the move, and records old → new', async () => {
    const { documentId } = await registerFeedback({ channel: 'paper', kind: 'other_issue' });
    const procedure = await app
      .strapi()
      .db.query('api::procedure.procedure')
      .findOne({
        where: { publishedAt: { $notNull: true }, locale: 'vi' },
        select: ['documentId', 'nationalCode', 'name'],
      });
    const before = await api('get', `/feedbacks/${documentId}`, OFFICE);
    const offered = before.body.data.allowedTransitions.find((t: Entry) => t.to === 'accepted');
    expect(offered.corrects).toEqual(['kind', 'procedure', 'channel']);

    const res = await move(OFFICE, documentId, 'accepted', {
      kind: 'impractical_rule',
      procedure: procedure.documentId,
      channel: 'email',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      state: 'accepted',
      kind: 'impractical_rule',
      channel: 'email',
      procedure: { documentId: procedure.documentId, nationalCode: procedure.nationalCode },
    });
    const events = (await api('get', `/feedbacks/${documentId}/history`, OFFICE)).body.data as Entry[];
    expect(events[events.length - 1]).toMatchObject({
      toState: 'accepted',
      details: {
        kind: { from: 'other_issue', to: 'impractical_rule' },
        channel: { from: 'paper', to: 'email' },
        procedure: { from: null, to: { documentId: procedure.documentId, name: procedure.name } },
      },
    });
  });

  it('accepts as it is when the corrections change nothing, and unlinks a procedure with null', async () => {
    const procedure = await app
      .strapi()
      .db.query('api::procedure.procedure')
      .findOne({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] });
    const { documentId } = await registerFeedback({ procedure: procedure.documentId });
    const same = await move(OFFICE, documentId, 'accepted', { kind: 'impractical_rule', channel: 'phone' });
    expect(same.status).toBe(200);
    let events = (await api('get', `/feedbacks/${documentId}/history`, OFFICE)).body.data as Entry[];
    expect(events[events.length - 1].details).toBeNull();

    const other = await registerFeedback({ procedure: procedure.documentId });
    const unlinked = await move(OFFICE, other.documentId, 'accepted', { procedure: null });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.data.procedure).toBeNull();
    events = (await api('get', `/feedbacks/${other.documentId}/history`, OFFICE)).body.data as Entry[];
    expect(events[events.length - 1].details.procedure).toMatchObject({
      from: { documentId: procedure.documentId },
      to: null,
    });
  });
});

describe('publication needs consent', () => {
  it('is refused, and not offered, when the submitter did not agree', async () => {
    const { documentId } = await registerFeedback({ consent: { publishAnswer: false } });
    expect((await move(OFFICE, documentId, 'accepted')).status).toBe(200);
    expect((await move(OFFICE, documentId, 'assigned', { unit: units['P-MT'].id })).status).toBe(200);
    expect((await move(MT, documentId, 'answer_drafted', { answer: 'Trả lời.' })).status).toBe(200);
    expect((await move(OFFICE, documentId, 'answer_approved')).status).toBe(200);
    const answered = await move(OFFICE, documentId, 'answered');
    expect(answered.body.data.allowedTransitions).toEqual([]);
    expect(answered.body.data.currentDueDate).toBeNull();
    const res = await move(OFFICE, documentId, 'published');
    expectFieldError(res, 'to');
    expect(res.body.error.details.errors[0].message).toMatch(/không đồng ý/);
  });
});

describe('not accepted, transferred', () => {
  it('needs a reason; the submitter is told', async () => {
    const { documentId } = await registerFeedback({ channel: 'email' });
    expectFieldError(await move(OFFICE, documentId, 'not_accepted'), 'reason');
    const res = await move(OFFICE, documentId, 'not_accepted', {
      reason: 'Không thuộc phạm vi Nghị định 20/2008.',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'not_accepted', onTime: true, allowedTransitions: [] });
    const mails = await outbox(`feedback.not_accepted:${documentId}`);
    expect(mails.map((m: Entry) => m.recipient)).toEqual([SUBMITTER.email]);
    expect(mails[0].body).toContain('Nghị định 20/2008');
  });

  it('needs the receiving agency and the letter number', async () => {
    const { documentId } = await registerFeedback({ channel: 'paper' });
    const missing = await move(OFFICE, documentId, 'transferred', { receivingAgency: 'Sở Tư pháp' });
    expectFieldError(missing, 'letterNumber');
    const res = await move(OFFICE, documentId, 'transferred', {
      receivingAgency: 'Sở Tư pháp',
      letterNumber: '123/VP-TNMT',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      state: 'transferred',
      receivingAgency: 'Sở Tư pháp',
      transferLetterNumber: '123/VP-TNMT',
      onTime: true,
    });
  });
});

describe('deadlines in working days', () => {
  /** The most recent Friday at least two weeks ago, and the Monday after it. */
  const friday = () => {
    const d = new Date(`${localDay(-14)}T00:00:00Z`);
    while (d.getUTCDay() !== 5) d.setUTCDate(d.getUTCDate() - 1);
    return d;
  };
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

  it('skip the weekend and a holiday, and a late closing is not on time', async () => {
    const fri = friday();
    // The Monday after is made a holiday.
    await app
      .strapi()
      .documents('api::holiday.holiday')
      .create({ data: { date: iso(plus(fri, 3)), kind: 'holiday', name: 'Nghỉ bù (kiểm thử)' } as never });
    const { documentId } = await registerFeedback({
      channel: 'paper',
      receivedAt: `${iso(fri)}T03:00:00.000Z`, // 10:00 in Vietnam
    });
    const res = await api('get', `/feedbacks/${documentId}`, OFFICE);
    // Working days after Friday: Mon is a holiday → Tue 1, Wed 2, Thu 3, Fri 4, Mon 5, …, Mon 15.
    expect(res.body.data.classificationDueDate).toBe(iso(plus(fri, 6)));
    expect(res.body.data.transferDueDate).toBe(iso(plus(fri, 10)));
    expect(res.body.data.dueDate).toBe(iso(plus(fri, 24)));
    expect(res.body.data.overdue).toBe(true);
    expect(res.body.data.daysLeft).toBeLessThan(0);

    const overdue = await api('get', '/feedbacks?overdue=true&pageSize=100', OFFICE);
    expect(overdue.body.results.map((r: Entry) => r.documentId)).toContain(documentId);
    expect(overdue.body.results.every((r: Entry) => r.overdue)).toBe(true);

    const late = await move(OFFICE, documentId, 'not_accepted', { reason: 'Nặc danh.' });
    expect(late.body.data).toMatchObject({ state: 'not_accepted', onTime: false, overdue: false });
  });

  it('filters by received date in the organization’s days', async () => {
    const fri = iso(friday());
    const res = await api('get', `/feedbacks?receivedFrom=${fri}&receivedTo=${fri}`, OFFICE);
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(
      res.body.results.every(
        (r: Entry) =>
          new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(r.receivedAt)) === fri
      )
    ).toBe(true);
  });
});

describe('concurrency', () => {
  it('lets one of two simultaneous moves win; the other gets 409', async () => {
    const { documentId } = await registerFeedback();
    const body = { to: 'accepted', version: 0 };
    const results = await Promise.all([
      api('post', `/feedbacks/${documentId}/transitions`, OFFICE, body),
      api('post', `/feedbacks/${documentId}/transitions`, OFFICE, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await api('get', `/feedbacks/${documentId}/history`, OFFICE);
    expect(history.body.data.filter((e: Entry) => e.toState === 'accepted')).toHaveLength(1);
  });
});

describe('other paths', () => {
  it('closes the Content Manager to writes, and to unit editors', async () => {
    const cm = '/content-manager/collection-types/api::feedback.feedback';
    const mine = await request(app.server())
      .get(cm)
      .set({ Authorization: `Bearer ${tokens[QLDD]}` });
    expect(mine.status).toBe(403);
    const [row] = await app.strapi().db.query('api::feedback.feedback').findMany({ limit: 1 });
    // The Office may only read there; even a super admin, who may do anything else, cannot edit feedback.
    for (const token of [tokens[OFFICE], await adminLogin(app.server(), 'admin@demo.example')]) {
      const write = await request(app.server())
        .put(`${cm}/${row.documentId}`)
        .set({ Authorization: `Bearer ${token}` })
        .send({ state: 'published' });
      expect(write.status).toBe(403);
    }
    expect(
      (
        await app
          .strapi()
          .db.query('api::feedback.feedback')
          .findOne({ where: { id: row.id } })
      ).state
    ).toBe(row.state);
  });

  it('exports the register as CSV without personal data, scoped like the list', async () => {
    const office = await api('get', '/feedbacks/export.csv', OFFICE)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(office.status).toBe(200);
    expect(office.headers['content-type']).toContain('text/csv');
    const text = office.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    const total = (await api('get', '/feedbacks', OFFICE)).body.pagination.total;
    expect(lines).toHaveLength(total + 1);
    for (const personal of ['Khánh', 'khanh@', '0912', 'Nguyễn Thị Mai', 'nguyenthimai@']) {
      expect(text).not.toContain(personal);
    }
    const unit = await api('get', '/feedbacks/export.csv', MT)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    const unitTotal = (await api('get', '/feedbacks', MT)).body.pagination.total;
    expect((unit.body as string).trim().split('\r\n')).toHaveLength(unitTotal + 1);
    expect(unitTotal).toBeLessThan(total);
  });
});
