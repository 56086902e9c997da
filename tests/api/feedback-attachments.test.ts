import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { hashTrackingCode, normalizeTrackingCode } from '../../src/domain/tracking-code';
import { overrideEnv } from '../setup/env-override';
import { PDF } from '../setup/files';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-files-'));
overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', PRIVATE_UPLOAD_DIR: privateDir });

const app = useStrapi();
let attachment: { documentId: string; storedName: string };

beforeAll(async () => {
  const form = await request(app.server()).get('/api/feedbacks/form');
  const data = {
    fullName: 'Phạm Văn Dũng',
    address: 'Ấp 3, xã Long Sơn',
    email: 'dung@demo.example',
    kind: 'other_issue',
    subject: 'Hồ sơ kèm theo',
    content: 'Tôi gửi kèm văn bản liên quan.',
    consent: { processing: true, publishAnswer: false },
    formToken: form.body.data.formToken,
  };
  const res = await request(app.server())
    .post('/api/feedbacks')
    .field('data', JSON.stringify(data))
    .attach('files', PDF, { filename: 'Tờ trình số 1.pdf', contentType: 'application/pdf' });
  expect(res.status).toBe(201);
  const feedback = await app
    .strapi()
    .db.query('api::feedback.feedback')
    .findOne({
      where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(res.body.data.trackingCode)!) },
      populate: ['attachments'],
    });
  attachment = feedback.attachments[0];
});

const download = (documentId: string, token?: string) => {
  const req = request(app.server()).get(`/feedback-register/attachments/${documentId}/download`);
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

describe('attachments of citizens’ feedback', () => {
  it('are downloaded by the Office, as attachments that never render in the browser', async () => {
    const token = await adminLogin(app.server(), 'vanphong@demo.example');
    const res = await download(attachment.documentId, token).buffer(true);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body, PDF)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Tờ trình số 1.pdf')}`
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it.each(['giamdoc@demo.example', 'ttcntt@demo.example'])(
    'are refused to %s, who may not see submitters’ files',
    async (email) => {
      const res = await download(attachment.documentId, await adminLogin(app.server(), email));
      expect(res.status).toBe(403);
    }
  );

  it('are not found by a unit editor whose unit does not handle the feedback', async () => {
    const res = await download(attachment.documentId, await adminLogin(app.server(), 'qldd@demo.example'));
    expect(res.status).toBe(404);
  });

  it('need an admin session', async () => {
    expect((await download(attachment.documentId)).status).toBe(401);
  });

  it('answer 404 to an unknown attachment', async () => {
    const token = await adminLogin(app.server(), 'vanphong@demo.example');
    expect((await download('zzzzzzzzzzzzzzzzzzzzzzzz', token)).status).toBe(404);
    expect((await download('..%2F..%2Fetc%2Fpasswd', token)).status).toBe(404);
  });

  it('are not reachable publicly, neither through the API nor as static files', async () => {
    expect((await request(app.server()).get('/api/feedback-attachments')).status).toBe(404);
    expect((await request(app.server()).get(`/uploads/${attachment.storedName}`)).status).toBe(404);
    expect(fs.existsSync(path.join(privateDir, attachment.storedName))).toBe(true);
  });
});
