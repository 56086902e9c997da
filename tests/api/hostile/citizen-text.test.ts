/**
 * D9: invisible characters do not count as content, and single-line fields take no line separator.
 * D14: citizens' and staff's texts are plain text: the public routes never carry a tag a website could render.
 */
import request from 'supertest';
import { hashTrackingCode, normalizeTrackingCode } from '../../../src/domain/tracking-code';
import { overrideEnv } from '../../setup/env-override';
import { storageCounts } from '../../setup/storage';
import { useStrapi } from '../../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', SURVEY_SUBMIT_LIMIT: '1000' });

const app = useStrapi();
const UID = 'api::feedback.feedback';

const formToken = async (route: 'feedbacks' | 'survey-responses') =>
  (await request(app.server()).get(`/api/${route}/form`)).body.data.formToken;

const feedback = async (overrides: Record<string, unknown>) => ({
  fullName: 'Trần Văn Bình',
  address: 'Thôn 2, xã Hòa Phú',
  phone: '0905 111 222',
  kind: 'other_issue',
  subject: 'Thủ tục đăng ký hộ kinh doanh',
  content: 'Đề nghị rút ngắn thời gian giải quyết.',
  consent: { processing: true, publishAnswer: true },
  formToken: await formToken('feedbacks'),
  ...overrides,
});

describe('D9: invisible characters and separators', () => {
  it.each([
    ['a zero-width name', { fullName: '\u200b' }, 'fullName', 'is required'],
    ['a subject of joiners', { subject: '\u200b\u200c\u200d' }, 'subject', 'is required'],
    ['a Hangul filler address', { address: '\u3164 \u115f' }, 'address', 'is required'],
    ['content of format characters', { content: '\u2060\ufeff\u00ad\n\u200b' }, 'content', 'is required'],
    ['a line separator in the subject', { subject: 'a\u2028b' }, 'subject', 'line breaks'],
    ['a paragraph separator in the name', { fullName: 'Trần\u2029Bình' }, 'fullName', 'line breaks'],
    ['NEL in the address', { address: 'Thôn 2\u0085xã' }, 'address', 'control'],
  ])('%s is refused, and nothing is stored', async (_, overrides, path, message) => {
    const before = await storageCounts(app.strapi());
    const res = await request(app.server())
      .post('/api/feedbacks')
      .set('Accept-Language', 'en')
      .send(await feedback(overrides));
    expect(res.status).toBe(400);
    const errors = res.body.error.details.errors;
    expect(errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([path]);
    expect(errors[0].messages.en).toContain(message);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });

  it('a survey comment of invisible characters is no comment', async () => {
    const res = await request(app.server())
      .post('/api/survey-responses')
      .send({
        ratings: { timeliness: 4 },
        comment: '\u200b\u3164',
        formToken: await formToken('survey-responses'),
      });
    expect(res.status).toBe(201);
    const [latest] = await app
      .strapi()
      .db.query('api::survey-response.survey-response')
      .findMany({ orderBy: { id: 'desc' }, limit: 1 });
    expect(latest.comment).toBeNull();
  });
});

describe('D14: markup in feedback and answers comes out inert on the public routes', () => {
  it('on /api/feedbacks/answered and /api/feedbacks/status/:code', async () => {
    const subject = '<script>alert(1)</script>Phí thẩm định XSSMARK';
    const content = '<img src=x onerror=alert(1)>Đề nghị <b>công khai</b> phí. <<b>script>x';
    const posted = await request(app.server())
      .post('/api/feedbacks')
      .send(await feedback({ subject, content }));
    expect(posted.status).toBe(201);
    const { trackingCode } = posted.body.data;
    const strapi = app.strapi();
    const row = await strapi.db
      .query(UID)
      .findOne({ where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(trackingCode)!) } });
    // What the register does on publication; the staff answer carries markup too.
    const answer = 'Kính gửi ông <a href="javascript:alert(1)">Bình</a>: <iframe src=//x></iframe>đã xử lý.';
    await strapi.db.query(UID).update({
      where: { id: row.id },
      data: {
        state: 'published',
        answer,
        answeredAt: new Date(),
        answerPublished: true,
        publicSubject: subject,
        publicContent: content,
        publicAnswer: answer,
      },
    });

    const list = await request(app.server()).get('/api/feedbacks/answered?pageSize=50');
    expect(list.status).toBe(200);
    const item = list.body.data.find((f: { documentId: string }) => f.documentId === row.documentId);
    expect(item).toMatchObject({
      subject: 'alert(1)Phí thẩm định XSSMARK',
      content: 'Đề nghị công khai phí. x',
      answer: 'Kính gửi ông Bình: đã xử lý.',
    });
    const status = await request(app.server()).get(
      `/api/feedbacks/status/${encodeURIComponent(trackingCode)}`
    );
    expect(status.body.data.answer).toBe('Kính gửi ông Bình: đã xử lý.');
    for (const text of [JSON.stringify(list.body), JSON.stringify(status.body)]) {
      expect(text).not.toMatch(/<[A-Za-z/!?]/);
    }
  });
});
