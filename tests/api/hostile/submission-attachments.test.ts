/**
 * Issue 12, part 9: a unit submission's attachments are private files, served to those who may read the
 * submission, and copied into the public media library only when the article made from it is published.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { HTML, PDF, png, SVG } from '../../setup/files';
import { adminLogin } from '../../setup/http';
import { storageCounts } from '../../setup/storage';
import { useStrapi } from '../../setup/strapi';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'submission-files-'));
overrideEnv({
  PRIVATE_UPLOAD_DIR: privateDir,
  UNIT_SUBMISSION_MAX_FILES: '4',
  UNIT_SUBMISSION_MAX_FILE_MB: '1',
});

const app = useStrapi();
const SUBMISSION = 'plugin::unit-submissions.submission';
const ATTACHMENT = 'plugin::unit-submissions.attachment';
const FILE = 'plugin::upload.file';
const ARTICLE = 'api::article.article';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const tokens: Record<string, string> = {};
const as = (email: string) => ({ Authorization: `Bearer ${tokens[email]}` });

let units: Record<string, Entry>;
let own: Entry;
let other: Entry;

const base = (submission: Entry) => `/unit-submissions/submissions/${submission.documentId}/attachments`;
const publicUploads = () => path.join(app.strapi().dirs.static.public, 'uploads');
const publicFileCount = () => (fs.existsSync(publicUploads()) ? fs.readdirSync(publicUploads()).length : 0);

/** Everything a refused upload might have left: rows, private files, temp files, library files. */
async function stored() {
  const strapi = app.strapi();
  return {
    ...(await storageCounts(strapi)),
    attachments: Number(await strapi.db.query(ATTACHMENT).count({})),
    libraryFiles: Number(await strapi.db.query(FILE).count({})),
    publicFiles: publicFileCount(),
  };
}

async function createSubmission(email: string, unitCode: string) {
  const res = await request(app.server())
    .post('/unit-submissions/submissions')
    .set(as(email))
    .send({ data: { title: `Tin bài ${Math.random()}`, kind: 'news', unit: units[unitCode].id } });
  expect(res.status).toBe(201);
  return res.body.data as Entry;
}

async function move(email: string, submission: Entry, to: string, extra: Entry = {}) {
  const current = await request(app.server())
    .get(`/unit-submissions/submissions/${submission.documentId}`)
    .set(as(email));
  const res = await request(app.server())
    .post(`/unit-submissions/submissions/${submission.documentId}/transitions`)
    .set(as(email))
    .send({ to, version: current.body.data.version, ...extra });
  expect(res.status).toBe(200);
  return res.body.data as Entry;
}

const upload = (email: string | null, submission: Entry, files: [Buffer, string, string][]) => {
  const req = request(app.server()).post(base(submission));
  if (email) req.set(as(email));
  for (const [bytes, filename, contentType] of files) req.attach('files', bytes, { filename, contentType });
  return req;
};

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, DIRECTOR]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
  own = await createSubmission(QLDD, 'P-QLDD');
  other = await createSubmission(MT, 'P-MT');
});

afterAll(() => fs.rmSync(privateDir, { recursive: true, force: true }));

describe('uploading to a submission', () => {
  let uploaded: Entry[];

  it('stores the unit’s files privately, out of the public folder and the media library', async () => {
    const before = await stored();
    const res = await upload(QLDD, own, [
      [PDF, 'Giấy mời\u202Efdp.exe.pdf', 'application/pdf'],
      [await png(), 'ảnh hội nghị.png', 'image/png'],
    ]);
    expect(res.status).toBe(201);
    // Multipart files reach the server in the order their writes finish, so one batch has no order: take the
    // PDF first by its type.
    uploaded = [...res.body.data].sort((a: Entry, b: Entry) => a.mime.localeCompare(b.mime));
    expect(uploaded.map((a) => [a.originalName, a.mime])).toEqual([
      ['Giấy mờifdp.exe.pdf', 'application/pdf'],
      ['ảnh hội nghị.png', 'image/png'],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/storedName|\/uploads\//);
    const after = await stored();
    expect(after).toEqual({
      ...before,
      attachments: before.attachments + 2,
      privateFiles: before.privateFiles + 2,
    });
    // No public URL serves the bytes: the stored names are nowhere under public/.
    const rows = await app
      .strapi()
      .db.query(ATTACHMENT)
      .findMany({ where: { submission: { documentId: own.documentId } } });
    for (const row of rows) {
      expect(fs.existsSync(path.join(privateDir, row.storedName))).toBe(true);
      expect((await request(app.server()).get(`/uploads/${row.storedName}`)).status).toBe(404);
    }
    const shown = await request(app.server())
      .get(`/unit-submissions/submissions/${own.documentId}`)
      .set(as(QLDD));
    expect(shown.body.data.attachments.map((a: Entry) => a.documentId)).toEqual(
      res.body.data.map((a: Entry) => a.documentId)
    );
  });

  it('serves them as downloads to the unit and to those who see every unit', async () => {
    for (const email of [QLDD, IT, DIRECTOR]) {
      const res = await request(app.server())
        .get(`${base(own)}/${uploaded[0].documentId}`)
        .set(as(email))
        .buffer(true);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body, PDF)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Giay moifdp.exe.pdf"/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('needs an admin session', async () => {
    const before = await stored();
    expect((await request(app.server()).get(`${base(own)}/${uploaded[0].documentId}`)).status).toBe(401);
    expect((await upload(null, own, [[PDF, 'a.pdf', 'application/pdf']])).status).toBe(401);
    expect((await request(app.server()).delete(`${base(own)}/${uploaded[0].documentId}`)).status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('hides one unit’s submission from another unit’s editor, on every route', async () => {
    const before = await stored();
    const download = await request(app.server())
      .get(`${base(own)}/${uploaded[0].documentId}`)
      .set(as(MT));
    expect(download.status).toBe(404);
    expect((await upload(MT, own, [[PDF, 'a.pdf', 'application/pdf']])).status).toBe(404);
    expect(
      (
        await request(app.server())
          .delete(`${base(own)}/${uploaded[0].documentId}`)
          .set(as(MT))
      ).status
    ).toBe(404);
    expect((await upload(QLDD, other, [[PDF, 'a.pdf', 'application/pdf']])).status).toBe(404);
    // An attachment is reached only through its own submission.
    const elsewhere = await request(app.server())
      .get(`${base(other)}/${uploaded[0].documentId}`)
      .set(as(MT));
    expect(elsewhere.status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('is refused to the Director, who reads but does not write', async () => {
    const before = await stored();
    expect((await upload(DIRECTOR, own, [[PDF, 'a.pdf', 'application/pdf']])).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it.each([
    [
      'an oversized file',
      () => [[Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), 'big.pdf', 'application/pdf']],
    ],
    ['SVG disguised as PNG', () => [[SVG, 'logo.png', 'image/png']]],
    ['HTML disguised as PDF', () => [[HTML, 'report.pdf', 'application/pdf']]],
    [
      'a bad file among good ones',
      () => [
        [PDF, 'ok.pdf', 'application/pdf'],
        [HTML, 'x.pdf', 'application/pdf'],
      ],
    ],
    [
      'more files than a submission holds',
      () => [
        [PDF, 'a.pdf', 'application/pdf'],
        [PDF, 'b.pdf', 'application/pdf'],
        [PDF, 'c.pdf', 'application/pdf'],
      ],
    ],
    ['no file at all', () => []],
  ] as [string, () => [Buffer, string, string][]][])(
    'refuses %s with field errors, and stores nothing',
    async (_, files) => {
      const before = await stored();
      const res = await upload(QLDD, own, files()).set('Accept-Language', 'en');
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      const errors = res.body.error.details.errors as Entry[];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.path[0]).toBe('files');
        expect(error.messages).toEqual({ vi: expect.any(String), en: error.message });
      }
      expect(await stored()).toEqual(before);
    }
  );

  it('no longer takes attachments through the submission’s own fields', async () => {
    const res = await request(app.server())
      .put(`/unit-submissions/submissions/${own.documentId}`)
      .set(as(QLDD))
      .send({ version: 0, data: { attachments: [1] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['attachments']);
  });

  it('deletes an attachment with its file', async () => {
    const row = await app
      .strapi()
      .db.query(ATTACHMENT)
      .findOne({ where: { documentId: uploaded[1].documentId } });
    const res = await request(app.server())
      .delete(`${base(own)}/${uploaded[1].documentId}`)
      .set(as(QLDD));
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: Entry) => a.documentId)).toEqual([uploaded[0].documentId]);
    expect(fs.existsSync(path.join(privateDir, row.storedName))).toBe(false);
    const again = await request(app.server())
      .delete(`${base(own)}/${uploaded[1].documentId}`)
      .set(as(QLDD));
    expect(again.status).toBe(404);
  });
});

describe('publication', () => {
  let article: Entry;

  const publish = () =>
    request(app.server())
      .post(`/content-manager/collection-types/${ARTICLE}/${article.documentId}/actions/publish?locale=vi`)
      .set(as(IT))
      .send({});

  it('keeps attachments out of the library until the article is published, and frozen once sent', async () => {
    const itEditor = await app
      .strapi()
      .db.query('admin::user')
      .findOne({ where: { email: IT } });
    await move(QLDD, own, 'submitted');
    const late = await upload(QLDD, own, [[PDF, 'late.pdf', 'application/pdf']]);
    expect(late.status).toBe(400);
    expect(late.body.error.details.errors[0].path).toEqual(['state']);
    await move(IT, own, 'in_review', { assignee: itEditor.id });
    const before = await stored();
    article = (await move(IT, own, 'approved')).article;
    expect(await stored()).toEqual(before);
    const draft = await app
      .strapi()
      .db.query(ARTICLE)
      .findOne({ where: { documentId: article.documentId, publishedAt: null }, populate: ['media'] });
    expect(draft.media ?? []).toEqual([]);
  });

  it('copies them into the media library, linked to the published article, once', async () => {
    const before = await stored();
    expect((await publish()).status).toBe(200);
    const published = await app
      .strapi()
      .db.query(ARTICLE)
      .findOne({
        where: { documentId: article.documentId, publishedAt: { $notNull: true } },
        populate: ['media'],
      });
    expect(published.media.map((f: Entry) => f.name)).toEqual(['Giấy mờifdp.exe.pdf']);
    const row = await app
      .strapi()
      .db.query(ATTACHMENT)
      .findOne({ where: { submission: { documentId: own.documentId } } });
    expect(row.mediaFileId).toBe(published.media[0].id);
    const after = await stored();
    expect(after.libraryFiles).toBe(before.libraryFiles + 1);
    expect(after.attachments).toBe(before.attachments);

    // Publishing again copies nothing more.
    expect((await publish()).status).toBe(200);
    expect((await stored()).libraryFiles).toBe(after.libraryFiles);
    const again = await app
      .strapi()
      .db.query(ARTICLE)
      .findOne({
        where: { documentId: article.documentId, publishedAt: { $notNull: true } },
        populate: ['media'],
      });
    expect(again.media.map((f: Entry) => f.id)).toEqual([row.mediaFileId]);
    const submission = await request(app.server())
      .get(`/unit-submissions/submissions/${own.documentId}`)
      .set(as(QLDD));
    expect(submission.body.data.state).toBe('published');
  });
});

describe('databases from before private attachments', () => {
  it('move submissions’ library files to private storage, keeping those a published article uses', async () => {
    const strapi = app.strapi();
    const submission = await createSubmission(QLDD, 'P-QLDD');
    const row = await strapi.db.query(SUBMISSION).findOne({ where: { documentId: submission.documentId } });
    const tmp = path.join(privateDir, 'legacy.pdf');
    fs.writeFileSync(tmp, PDF);
    const libraryFile = async (name: string) =>
      (
        await strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: { fileInfo: { name } },
            files: { filepath: tmp, originalFilename: name, mimetype: 'application/pdf', size: PDF.length },
          })
      )[0] as Entry;
    const privateOnly = await libraryFile('chỉ tin bài.pdf');
    const shared = await libraryFile('bài đã đăng.pdf');
    fs.rmSync(tmp);
    const publishedArticle = await strapi.db
      .query(ARTICLE)
      .findOne({ where: { publishedAt: { $notNull: true } }, select: ['id'] });
    const morphs = strapi.db.connection('files_related_mph');
    await morphs.insert([
      {
        file_id: privateOnly.id,
        related_id: row.id,
        related_type: SUBMISSION,
        field: 'attachments',
        order: 1,
      },
      { file_id: shared.id, related_id: row.id, related_type: SUBMISSION, field: 'attachments', order: 2 },
      {
        file_id: shared.id,
        related_id: publishedArticle.id,
        related_type: ARTICLE,
        field: 'media',
        order: 1,
      },
    ]);
    const service = strapi.plugin('unit-submissions').service('attachments');

    expect(await service.migrateLegacy()).toBe(2);
    const moved = await strapi.db.query(ATTACHMENT).findMany({
      where: { submission: { id: row.id } },
      orderBy: { id: 'asc' },
    });
    expect(moved.map((a: Entry) => [a.originalName, a.mediaFileId])).toEqual([
      ['chỉ tin bài.pdf', null],
      ['bài đã đăng.pdf', shared.id],
    ]);
    for (const attachment of moved) {
      expect(fs.readFileSync(path.join(privateDir, attachment.storedName)).equals(PDF)).toBe(true);
    }
    // The file only the submission used left the library and the public folder; the published one stayed.
    expect(await strapi.db.query(FILE).findOne({ where: { id: privateOnly.id } })).toBeNull();
    expect(fs.existsSync(path.join(publicUploads(), path.basename(privateOnly.url)))).toBe(false);
    expect(await strapi.db.query(FILE).findOne({ where: { id: shared.id } })).not.toBeNull();
    expect(fs.existsSync(path.join(publicUploads(), path.basename(shared.url)))).toBe(true);

    expect(await service.migrateLegacy()).toBe(0);
    expect(await strapi.db.query(ATTACHMENT).count({ where: { submission: { id: row.id } } })).toBe(2);
  });
});
