/**
 * Issue 15, point 6: hostile import files, uploaded through the IT Center's route, get a clear bilingual refusal
 * and change nothing; hostile bodies and paths on the import routes get a 400, 403 or 404, never a 500.
 */
import { randomBytes } from 'crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { bigList, HOSTILE_FILES, LIST, zipBomb } from '../../../src/domain/__tests__/hostile-import-files';
import { overrideEnv } from '../../setup/env-override';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

// A 3 MB limit: a bomb unpacks past 60 MB, and the body parser lets a file a little over the limit through to the
// import's own refusal.
overrideEnv({ PROCEDURE_IMPORT_MAX_MB: '3' });
const app = useStrapi();
const UID = 'api::procedure.procedure';
const IT = 'ttcntt@demo.example';
const UNIT = 'qldd@demo.example';
const tokens: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

beforeAll(async () => {
  for (const email of [IT, UNIT]) tokens[email] = await adminLogin(app.server(), email);
});

const post = (path: string, email = IT) =>
  request(app.server()).post(path).set('Authorization', `Bearer ${tokens[email]}`);
const get = (path: string, email = IT) =>
  request(app.server()).get(path).set('Authorization', `Bearer ${tokens[email]}`);

/** What an import could have changed: the procedures (rows and last write), fields and legal documents. */
async function catalogue() {
  const strapi = app.strapi();
  const [latest] = await strapi.db
    .query(UID)
    .findMany({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' }, limit: 1 });
  return {
    procedures: await strapi.db.query(UID).count(),
    latest: latest?.updatedAt,
    fields: await strapi.db.query('api::procedure-field.procedure-field').count(),
    legalDocuments: await strapi.db.query('api::legal-document.legal-document').count(),
  };
}

/** A national list of the given rows under the portal's header. */
async function list(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách TTHC');
  sheet.addRow(['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực']);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function expectRefused(bytes: Buffer, problemText: RegExp | null = null) {
  const res = await post('/procedure-import/imports').attach('file', bytes, 'danh-sach.xlsx');
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ name: 'ValidationError' });
  const [error] = res.body.error.details.errors;
  expect(error).toMatchObject({
    path: ['file'],
    messages: { vi: expect.any(String), en: expect.any(String) },
  });
  if (problemText) expect(error.messages.en).toMatch(problemText);
}

describe('hostile import files', () => {
  let before: Awaited<ReturnType<typeof catalogue>>;
  beforeAll(async () => {
    before = await catalogue();
  });
  afterEach(async () => {
    expect(await catalogue()).toEqual(before);
  });

  it.each(HOSTILE_FILES)('refuses %s', async (_what, make) => {
    await expectRefused(await make());
  });

  it('refuses a zip bomb', async () => {
    await expectRefused(await zipBomb(80));
  });

  it('refuses a file over the configured size, by the import’s own check or by the body limit', async () => {
    const zip = await JSZip.loadAsync(LIST);
    zip.file('xl/media/image1.png', randomBytes(3_300_000));
    const padded = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(padded.length).toBeGreaterThan(3 * 1024 * 1024);
    await expectRefused(padded, /larger than allowed/);
    const huge = Buffer.alloc(6 * 1024 * 1024, 1);
    const res = await post('/procedure-import/imports').attach('file', huge, 'huge.xlsx');
    expect(res.status).toBe(413);
  });

  it('refuses 100,000 rows', async () => {
    await expectRefused(await bigList(100_000), /too many rows/i);
  }, 120_000);

  it('refuses rows with duplicate or malformed codes, and applying the rest writes none of them', async () => {
    const file = await list([
      ['1.777001', 'Thủ tục A', 'Bộ Tư pháp', 'Sở Tư pháp', 'Hộ tịch'],
      ['1.777001', 'Thủ tục A bis', 'Bộ Tư pháp', 'Sở Tư pháp', 'Hộ tịch'],
      ['1.77', 'Thủ tục B', 'Bộ Tư pháp', 'Sở Tư pháp', 'Hộ tịch'],
      ['=1+1', 'Thủ tục C', 'Bộ Tư pháp', 'Sở Tư pháp', 'Hộ tịch'],
    ]);
    const res = await post('/procedure-import/imports').attach('file', file, 'trung-ma.xlsx');
    expect(res.status).toBe(201);
    const { id, counts, refused } = res.body.data;
    expect(counts).toMatchObject({ created: 0, refused: 4 });
    expect(refused.map((r: Entry) => r.row)).toEqual([2, 3, 4, 5]);
    expect(refused[0].reason.en).toMatch(/also on row 3/);
    expect(refused[2].reason.en).toMatch(/not of the form/);
    expect((await post(`/procedure-import/imports/${id}/apply`).send({})).status).toBe(202);
    for (
      let i = 0;
      i < 100 && (await get(`/procedure-import/imports/${id}`)).body.data.state === 'applying';
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
  });
});

describe('formula cells', () => {
  it('are stored as their text, never evaluated', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách TTHC');
    sheet.addRow(['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực']);
    sheet.addRow([
      '1.777002',
      { formula: 'HYPERLINK("http://evil.example","Bấm vào đây")', result: 'Bấm vào đây' },
      'Bộ Tư pháp',
      'Sở Tư pháp',
      'Hộ tịch',
    ]);
    const res = await post('/procedure-import/imports').attach(
      'file',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'cong-thuc.xlsx'
    );
    expect({ status: res.status, error: res.body.error }).toMatchObject({ status: 201 });
    await post(`/procedure-import/imports/${res.body.data.id}/apply`).send({});
    for (let i = 0; i < 100; i++) {
      if ((await get(`/procedure-import/imports/${res.body.data.id}`)).body.data.state !== 'applying') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stored = await app
      .strapi()
      .db.query(UID)
      .findOne({ where: { nationalCode: '1.777002' } });
    expect(stored.name).toBe('=HYPERLINK("http://evil.example","Bấm vào đây")');
  });
});

describe('hostile requests on the import routes', () => {
  let previewed: string;
  beforeAll(async () => {
    const res = await post('/procedure-import/imports').attach('file', LIST, 'danh-sach.xlsx');
    previewed = res.body.data.id;
  });

  it.each<[string, () => request.Test]>([
    ['a JSON body instead of a file', () => post('/procedure-import/imports').send({ file: 'x' })],
    [
      'two files',
      () => post('/procedure-import/imports').attach('file', LIST, 'a.xlsx').attach('file', LIST, 'b.xlsx'),
    ],
    ['a file in another field', () => post('/procedure-import/imports').attach('files', LIST, 'a.xlsx')],
  ])('answers 400 to %s on upload', async (_what, send) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].messages.en).toMatch(/one file|at most 1 file/i);
  });

  it.each([
    ['an array', []],
    ['a nested object', { fields: [{ $ne: null }], modes: { '1.000001': { $gt: '' } } }],
    ['unknown fields', { dryRun: true }],
    ['a huge list', { codes: Array.from({ length: 60_000 }, () => '1.000001') }],
  ])(
    'answers 400 with bilingual details to %s on apply, and leaves the import previewed',
    async (_what, body) => {
      const res = await post(`/procedure-import/imports/${previewed}/apply`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0]).toMatchObject({ messages: { vi: expect.any(String) } });
      expect((await get(`/procedure-import/imports/${previewed}`)).body.data.state).toBe('previewed');
    }
  );

  it.each([
    ['status=deleted', 'status'],
    ['level=galaxy', 'level'],
    ['pageSize=100000', 'pageSize'],
    ['field=a&field=b', 'field'],
    ['sort=name', 'sort'],
  ])('answers 400 to the rows query %s', async (query, key) => {
    const res = await get(`/procedure-import/imports/${previewed}/rows?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: Entry) => e.path[0])).toContain(key);
  });

  it('reads LIKE wildcards in the rows filter as the separators they fold to', async () => {
    const total = async (agency: string) =>
      (await get(`/procedure-import/imports/${previewed}/rows?agency=${encodeURIComponent(agency)}`)).body
        .meta.pagination.total;
    const [plain, wild, all, none] = await Promise.all([
      total('tư pháp'),
      total('%TƯ_\\%PHÁP%'),
      total('%'),
      total('tư pháp%x'),
    ]);
    expect(plain).toBeGreaterThan(0);
    expect(wild).toBe(plain);
    expect(all).toBeGreaterThan(plain);
    expect(none).toBe(0);
  });

  it('keeps a unit editor out on every route and every path case', async () => {
    for (const path of [
      '/procedure-import/imports',
      '/PROCEDURE-IMPORT/Imports',
      '/procedure-import/catalogue',
    ]) {
      const res = await get(path, UNIT);
      expect([401, 403, 404]).toContain(res.status);
      expect(res.status).not.toBe(200);
    }
    expect((await post(`/procedure-import/imports/${previewed}/apply`, UNIT).send({})).status).toBe(403);
    expect((await get(`/procedure-import/imports/${previewed}/rows`, UNIT)).status).toBe(403);
  });
});
