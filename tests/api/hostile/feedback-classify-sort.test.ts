/**
 * The register's sort and the corrections of a classification, as an attacker would send them: every shape that is
 * not a whitelisted column or a valid correction answers a ValidationError at its path, nothing is written, and
 * only the Office may correct (the unit does not see the item, the Director may not move it).
 */
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', FEEDBACK_LOOKUP_LIMIT: '1000' });
const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const OFFICE = 'vanphong@demo.example';
const QLDD = 'qldd@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of [OFFICE, QLDD, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
});

const api = (method: 'get' | 'post', path: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/feedback-register${path}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};

const expectErrorAt = (res: request.Response, field: string) => {
  expect({ status: res.status, name: res.body.error?.name }).toEqual({
    status: 400,
    name: 'ValidationError',
  });
  expect(res.body.error.details.errors.map((e: Entry) => e.path.join('.'))).toContain(field);
};

describe('GET /feedbacks?sort=, hostile', () => {
  it('refuses anything but a whitelisted column and direction', async () => {
    for (const query of [
      'sort=fullName:asc',
      'sort=email',
      'sort=subject:DESC',
      'sort=subject:asc,state:desc',
      `sort=${encodeURIComponent('received_at; drop table feedbacks')}`,
      `sort=${encodeURIComponent('(select 1)')}`,
      'sort[]=subject',
      'sort=subject&sort=state',
      'sort[subject]=asc',
      'sort[$ne]=x',
    ]) {
      const res = await api('get', `/feedbacks?${query}`, OFFICE);
      expectErrorAt(res, 'sort');
    }
    // Empty is no sort, like every other empty parameter.
    expect((await api('get', '/feedbacks?sort=', OFFICE)).status).toBe(200);
    // The export reads the same filters: a bad sort is no way around them.
    expectErrorAt(await api('get', '/feedbacks/export.csv?sort=phone', OFFICE), 'sort');
  });

  it('sorts a unit editor’s list within their unit only', async () => {
    const mine = await api('get', '/feedbacks?pageSize=100', QLDD);
    const sorted = await api('get', '/feedbacks?pageSize=100&sort=unit:desc', QLDD);
    expect(sorted.status).toBe(200);
    expect(sorted.body.pagination.total).toBe(mine.body.pagination.total);
    expect(sorted.body.results.every((r: Entry) => r.handlingUnit?.code === 'P-QLDD')).toBe(true);
  });
});

describe('corrections of a classification, hostile', () => {
  let documentId: string;

  beforeAll(async () => {
    const res = await api('post', '/feedbacks', OFFICE, {
      data: {
        channel: 'phone',
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        fullName: 'Trần Thị Mai',
        address: 'Số 4 đường Lê Lợi',
        phone: '0911 222 333',
        kind: 'other_issue',
        subject: 'Hỏi về thời hạn trả kết quả',
        content: 'Bà Mai hỏi thời hạn trả kết quả hồ sơ.',
        consent: { publishAnswer: false },
      },
    });
    expect(res.status).toBe(201);
    documentId = res.body.data.documentId;
  });

  const stored = () =>
    app
      .strapi()
      .db.query('api::feedback.feedback')
      .findOne({
        where: { documentId },
        select: ['state', 'kind', 'channel', 'version'],
        populate: ['procedure'],
      });
  const historyLength = async () =>
    ((await api('get', `/feedbacks/${documentId}/history`, OFFICE)).body.data as Entry[]).length;

  const accept = async (email: string, extra: Entry, to = 'accepted') => {
    const { version } = await stored();
    return api('post', `/feedbacks/${documentId}/transitions`, email, { to, version, ...extra });
  };

  it('refuses wrong shapes and unknown values at their path, and writes nothing', async () => {
    const before = await stored();
    const events = await historyLength();
    const cases: [Entry, string][] = [
      [{ kind: 'spam' }, 'kind'],
      [{ kind: 7 }, 'kind'],
      [{ kind: ['impractical_rule'] }, 'kind'],
      [{ kind: { $ne: '' } }, 'kind'],
      [{ kind: '' }, 'kind'],
      [{ channel: 'fax' }, 'channel'],
      [{ channel: { set: 'web' } }, 'channel'],
      [{ channel: null }, 'channel'],
      [{ procedure: 12 }, 'procedure'],
      [{ procedure: ['a'.repeat(24)] }, 'procedure'],
      [{ procedure: { connect: [{ documentId: 'a'.repeat(24) }] } }, 'procedure'],
      [{ procedure: 'DROP TABLE procedures' }, 'procedure'],
      // Well formed, but no published procedure has it.
      [{ procedure: 'z'.repeat(24) }, 'procedure'],
      // A valid kind beside an unknown procedure: neither is written.
      [{ kind: 'impractical_rule', procedure: 'y'.repeat(24) }, 'procedure'],
      [{ procedureId: 3 }, 'procedureId'],
    ];
    for (const [extra, field] of cases) {
      const res = await accept(OFFICE, extra);
      expectErrorAt(res, field);
      expect(res.body.error.details.errors.every((e: Entry) => e.message)).toBe(true);
    }
    expect(await stored()).toEqual(before);
    expect(await historyLength()).toBe(events);
  });

  it('answers in English when asked, field by field', async () => {
    const { version } = await stored();
    const res = await api('post', `/feedbacks/${documentId}/transitions`, OFFICE, {
      to: 'accepted',
      version,
      kind: 'spam',
      channel: 'fax',
    }).set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    const messages = Object.fromEntries(
      res.body.error.details.errors.map((e: Entry) => [e.path.join('.'), e.message])
    );
    expect(messages.kind).toMatch(/kind of feedback/);
    expect(messages.channel).toMatch(/channel/);
  });

  it('is the Office’s: the unit does not see the item, the Director may not move it', async () => {
    const before = await stored();
    expect((await accept(QLDD, { kind: 'impractical_rule' })).status).toBe(404);
    expectErrorAt(await accept(DIRECTOR, { kind: 'impractical_rule' }), 'to');
    expect(await stored()).toEqual(before);
  });

  it('corrects only while classifying: not with another move', async () => {
    expectErrorAt(
      await accept(OFFICE, { reason: 'Không rõ nội dung', kind: 'impractical_rule' }, 'not_accepted'),
      'kind'
    );
    const accepted = await accept(OFFICE, { channel: 'paper' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.channel).toBe('paper');
    const unit = (
      await app
        .strapi()
        .db.query('api::unit.unit')
        .findOne({ where: { code: 'P-QLDD' } })
    ).id;
    const before = await stored();
    expectErrorAt(await accept(OFFICE, { unit, channel: 'web' }, 'assigned'), 'channel');
    expect(await stored()).toEqual(before);
  });
});
