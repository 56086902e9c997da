/**
 * Issue 15 through the IT Center's admin routes, on the seeded demo catalogue: both national lists imported
 * (counts, fields and levels checked against the files, the longest name whole), a second import finding
 * everything unchanged, the catalogue workbook's round trip, a diff of exactly the changed name and fee applied as
 * the version the user chose, and the CLI.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { readNationalList } from '../../src/domain/national-list';
import { fold } from '../../src/domain/search-text';
import { DOSSIER_PLAIN, DOSSIER_WITH_STARRED_CASES, wordFile } from '../../src/domain/__tests__/word-files';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();
const UID = 'api::procedure.procedure';
const FIXTURES = join(__dirname, '../fixtures/national-portal');
const JUSTICE = readFileSync(join(FIXTURES, 'danh-sach-tthc-bo-tu-phap.xlsx'));
const CONSTRUCTION = readFileSync(join(FIXTURES, 'danh-sach-tthc-bo-xay-dung.xlsx'));

const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const UNIT = 'qldd@demo.example';
const tokens: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

beforeAll(async () => {
  for (const email of [IT, OFFICE, UNIT]) tokens[email] = await adminLogin(app.server(), email);
});

const as = (email: string) => ({
  get: (path: string) =>
    request(app.server()).get(`/procedure-import${path}`).set('Authorization', `Bearer ${tokens[email]}`),
  post: (path: string) =>
    request(app.server()).post(`/procedure-import${path}`).set('Authorization', `Bearer ${tokens[email]}`),
});

async function upload(bytes: Buffer, name = 'danh-sach.xlsx'): Promise<Entry> {
  const res = await as(IT).post('/imports').attach('file', bytes, name);
  expect(res.status).toBe(201);
  return res.body.data;
}

/** Applies and waits for the background work to finish, as the admin page's polling does. */
async function apply(id: string, choices: object = {}): Promise<Entry> {
  const res = await as(IT).post(`/imports/${id}/apply`).send(choices);
  expect(res.status).toBe(202);
  for (let i = 0; i < 600; i++) {
    const { body } = await as(IT).get(`/imports/${id}`);
    if (body.data.state !== 'applying') return body.data;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import is still applying');
}

const rowsOf = async (id: string, query = '') =>
  (await as(IT).get(`/imports/${id}/rows?pageSize=200${query}`)).body;

const drafts = (codes: string[]) =>
  strapi()
    .db.query(UID)
    .findMany({
      where: { nationalCode: { $in: codes }, locale: 'vi', publishedAt: null },
      populate: { field: true, levels: true, lastImport: true },
    }) as Promise<Entry[]>;

describe('the import routes', () => {
  it('are mounted for the IT Center, and refused to the Office and the units', async () => {
    expect((await as(IT).get('/imports')).status).toBe(200);
    expect((await as(OFFICE).get('/imports')).status).toBe(403);
    expect((await as(UNIT).post('/imports').attach('file', JUSTICE, 'a.xlsx')).status).toBe(403);
    expect((await as(UNIT).get('/catalogue')).status).toBe(403);
  });
});

describe('importing the national lists', () => {
  let justice: Entry;

  it('previews the Justice list as 271 new procedures and changes nothing', async () => {
    const before = await strapi().db.query(UID).count();
    justice = await upload(JUSTICE, 'danh-sach-tthc-bo-tu-phap.xlsx');
    expect(justice).toMatchObject({
      state: 'previewed',
      kind: 'xlsx',
      fileName: 'danh-sach-tthc-bo-tu-phap.xlsx',
      counts: { created: 271, updated: 0, unchanged: 0, missing: 0, refused: 0 },
      createdByName: expect.any(String),
    });
    expect(justice.fields.reduce((sum: number, f: Entry) => sum + f.count, 0)).toBe(271);
    expect(await strapi().db.query(UID).count()).toBe(before);
  });

  it('applies it as drafts with the file’s fields, agencies and levels, each pointing to its import', async () => {
    const published = await strapi()
      .db.query(UID)
      .count({ where: { publishedAt: { $notNull: true } } });
    const done = await apply(justice.id);
    expect(done).toMatchObject({ state: 'applied', applied: { created: 271, updated: 0, notChosen: 0 } });
    expect(
      await strapi()
        .db.query(UID)
        .count({ where: { publishedAt: { $notNull: true } } })
    ).toBe(published);

    const list = await readNationalList(JUSTICE);
    if (!list.ok) throw new Error('the fixture reads');
    const stored = await drafts(list.rows.map((r) => r.nationalCode));
    expect(stored).toHaveLength(271);
    const byCode = new Map(stored.map((p) => [p.nationalCode, p]));
    for (const row of list.rows) {
      const procedure = byCode.get(row.nationalCode)!;
      expect(procedure).toMatchObject({
        name: row.name,
        issuingBody: row.issuingBody,
        implementingAgency: row.implementingAgency,
        field: { name: row.field },
        lastImport: { documentId: justice.id },
      });
      expect(procedure.levels.map((l: Entry) => l.level).sort()).toEqual([...row.levels].sort());
    }
    expect(byCode.get('1.014966')!.levels.map((l: Entry) => l.level)).toEqual(['province']);
  });

  it('finds everything unchanged on a second import, and applying it writes nothing', async () => {
    const again = await upload(JUSTICE);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 271 });
    const stamp = async () =>
      (
        await strapi()
          .db.query(UID)
          .findMany({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' }, limit: 1 })
      )[0].updatedAt;
    const before = await stamp();
    expect(await apply(again.id)).toMatchObject({ state: 'applied', applied: { created: 0, updated: 0 } });
    expect(await stamp()).toEqual(before);
  });

  it('applies only the rows of the field chosen, and keeps the longest name whole', async () => {
    const list = await readNationalList(CONSTRUCTION);
    if (!list.ok) throw new Error('the fixture reads');
    const longest = list.rows.reduce((a, b) => (b.name.length > a.name.length ? b : a));
    const field = longest.field;
    const inField = list.rows.filter((r) => r.field === field).map((r) => r.nationalCode);

    const construction = await upload(CONSTRUCTION);
    expect(construction.counts.created).toBe(list.rows.length);
    const filtered = await rowsOf(construction.id, `&field=${encodeURIComponent(field)}`);
    expect(filtered.meta.pagination.total).toBe(inField.length);
    // The rows are paged in SQL, in file order, and filter as the reader's rows do.
    const provincial = list.rows.filter((r) => r.levels.includes('province')).map((r) => r.row);
    const pages = [1, 2].map((page) =>
      as(IT).get(`/imports/${construction.id}/rows?level=province&pageSize=7&page=${page}`)
    );
    const [first, second] = (await Promise.all(pages)).map((res) => res.body);
    expect(first.meta.pagination).toMatchObject({
      total: provincial.length,
      pageCount: Math.ceil(provincial.length / 7),
    });
    expect([...first.data, ...second.data].map((r: Entry) => r.row)).toEqual(provincial.slice(0, 14));
    const agency = 'CỤC HÀNG KHÔNG';
    const byAgency = await rowsOf(construction.id, `&agency=${encodeURIComponent(agency.toLowerCase())}`);
    expect(byAgency.meta.pagination.total).toBe(
      list.rows.filter((r) => fold(r.implementingAgency).includes(fold(agency))).length
    );
    expect(byAgency.meta.pagination.total).toBeGreaterThan(0);
    expect(construction.fields.reduce((sum: number, f: Entry) => sum + f.count, 0)).toBe(list.rows.length);

    const done = await apply(construction.id, { fields: [field] });
    expect(done.applied).toMatchObject({
      created: inField.length,
      notChosen: list.rows.length - inField.length,
    });
    const stored = await drafts(list.rows.map((r) => r.nationalCode));
    expect(stored.map((p) => p.nationalCode).sort()).toEqual([...inField].sort());
    expect(stored.find((p) => p.nationalCode === longest.nationalCode)!.name).toBe(longest.name);
    expect(longest.name.length).toBeGreaterThan(500);
  });

  it('refuses to apply an import twice, and answers 404 for an import that does not exist', async () => {
    const res = await as(IT).post(`/imports/${justice.id}/apply`).send({});
    expect(res.status).toBe(409);
    expect((await as(IT).post('/imports/nope/apply').send({})).status).toBe(404);
    expect((await as(IT).get('/imports/nope')).status).toBe(404);
    expect((await as(IT).get('/imports/nope/rows')).status).toBe(404);
  });

  it('creates each code once when the same new list is applied twice at the same time', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách TTHC');
    sheet.addRow(['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực']);
    for (const n of [1, 2, 3])
      sheet.addRow([`1.88800${n}`, `Thủ tục ${n}`, 'Bộ Tư pháp', 'Sở Tư pháp', 'Hộ tịch']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const [first, second] = [await upload(bytes), await upload(bytes)];
    const done = await Promise.all([apply(first.id), apply(second.id)]);
    expect(done.map((d) => d.applied.created).sort()).toEqual([0, 3]);
    const rows = await strapi()
      .db.query(UID)
      .count({ where: { nationalCode: { $in: ['1.888001', '1.888002', '1.888003'] } } });
    expect(rows).toBe(3);
  });

  it('lists the history, newest first, without the rows', async () => {
    const { body } = await as(IT).get('/imports?pageSize=2');
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(body.data[0]).toMatchObject({ state: 'applied', kind: 'xlsx' });
    expect(body.data[0]).not.toHaveProperty('rows');
  });
});

describe('the catalogue workbook', () => {
  const CODE = '9.001001';

  const download = async () => {
    const res = await as(IT)
      .get('/catalogue')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  /** The downloaded workbook with the name and the first fee of one procedure changed. */
  async function edited(bytes: Buffer, name: string, fee: number) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.worksheets[0].eachRow((row) => {
      if (row.getCell(1).text === CODE) row.getCell(2).value = name;
    });
    let done = false;
    workbook.getWorksheet('Cách thức thực hiện')!.eachRow((row) => {
      if (!done && row.getCell(1).text === CODE) {
        row.getCell(6).value = fee;
        done = true;
      }
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const current = async () =>
    (await strapi()
      .db.query(UID)
      .findMany({
        where: { nationalCode: CODE, locale: 'vi', publishedAt: { $notNull: true } },
        populate: { channels: true, previousVersion: true },
      })) as Entry[];

  it('imports back unchanged (a round trip changes nothing)', async () => {
    const round = await upload(await download(), 'danh-muc.xlsx');
    expect(round.counts).toMatchObject({ created: 0, updated: 0, refused: 0 });
    expect(round.counts.unchanged).toBeGreaterThan(300);
  });

  it('shows exactly a changed name and fee, and applies them as the new version chosen', async () => {
    const [before] = await current();
    const fee = Number(before.channels[0].feeAmount) + 50_000;
    const changed = await upload(await edited(await download(), 'Tên đã sửa theo quyết định mới', fee));
    expect(changed.counts).toMatchObject({ created: 0, updated: 1 });
    const { data } = await rowsOf(changed.id, '&status=changed');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ nationalCode: CODE, published: true, defaultMode: 'correction' });
    expect(data[0].changes.map((c: Entry) => c.field)).toEqual(['name', 'channels']);

    const done = await apply(changed.id, { codes: [CODE], modes: { [CODE]: 'amendment' } });
    expect(done.applied).toMatchObject({ updated: 1 });
    const versions = await current();
    const latest = versions.find((v) => v.legalStatus === 'in_force')!;
    expect(latest.documentId).not.toBe(before.documentId);
    expect(latest).toMatchObject({ name: 'Tên đã sửa theo quyết định mới', announcementType: 'amended' });
    expect(Number(latest.channels[0].feeAmount)).toBe(fee);
    expect(latest.previousVersion.documentId).toBe(before.documentId);
    const old = versions.find((v) => v.documentId === before.documentId)!;
    expect(old).toMatchObject({ legalStatus: 'amended', name: before.name });
  });

  it('corrects a published procedure in place when the user chooses a correction', async () => {
    const changed = await upload(await edited(await download(), 'Tên đính chính', 1_000));
    const done = await apply(changed.id, { codes: [CODE], modes: { [CODE]: 'correction' } });
    expect(done.applied).toMatchObject({ updated: 1 });
    const inForce = (await current()).filter((v) => v.legalStatus === 'in_force');
    expect(inForce).toHaveLength(1);
    expect(inForce[0]).toMatchObject({ name: 'Tên đính chính' });
    expect(Number(inForce[0].channels[0].feeAmount)).toBe(1_000);
  });
});

describe('a procedure’s Word file', () => {
  const CODE = '1.004359';
  const published = async () =>
    (await strapi()
      .db.query(UID)
      .findOne({
        where: { nationalCode: CODE, locale: 'vi', publishedAt: { $notNull: true } },
        populate: {
          steps: true,
          channels: true,
          dossier: true,
          legalBases: true,
          announcingDecision: true,
          field: true,
          levels: true,
        },
      })) as Entry;

  it('publishes every filled field, linking the legal bases it creates', async () => {
    const word = await upload(await wordFile(DOSSIER_WITH_STARRED_CASES), '1.004359.docx');
    expect(word).toMatchObject({ kind: 'docx', counts: { created: 1 } });
    expect(await apply(word.id, { publish: true })).toMatchObject({
      applied: { created: 1, keptAsDrafts: 0 },
    });
    const procedure = await published();
    expect(procedure).toMatchObject({
      name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất',
      subjects: 'Công dân Việt Nam, Doanh nghiệp',
      implementingAgency: 'Sở Nông nghiệp và Môi trường',
      competentAgency: 'Ủy ban nhân dân cấp tỉnh',
      result: 'Giấy phép khai thác, sử dụng nước dưới đất',
      keywords: 'giếng khoan, nước ngầm',
      field: { name: 'Tài nguyên nước' },
      announcingDecision: { symbol: '379/QĐ-BNNMT', documentType: 'decision' },
    });
    expect(procedure.levels.map((l: Entry) => l.level)).toEqual(['province']);
    expect(procedure.steps).toHaveLength(2);
    expect(
      procedure.channels.map((c: Entry) => [
        c.channel,
        c.processingDays,
        c.feeAmount === null ? null : Number(c.feeAmount),
      ])
    ).toEqual([
      ['in_person', 30, 5_100_000],
      ['online', 30, 5_000_000],
      ['postal', 30, null],
    ]);
    expect(
      procedure.dossier.map((d: Entry) => [d.caseGroup, d.originals, d.copies, d.formTemplateName])
    ).toEqual([
      ['Trường hợp cấp mới', 1, 0, 'Mẫu số 01.docx'],
      ['Trường hợp cấp mới', 1, 2, ''],
      ['Trường hợp gia hạn', 1, 0, 'Mẫu số 02.doc'],
    ]);
    expect(procedure.legalBases.map((l: Entry) => [l.symbol, l.documentType, l.issuer])).toEqual([
      ['28/2023/QH15', 'law', 'Quốc hội'],
      // Cited without its issuer: the symbol's abbreviation stands for it.
      ['54/2024/NĐ-CP', 'decree', 'CP'],
      ['36/2024/TT-BTNMT', 'circular', 'Bộ Tài nguyên và Môi trường'],
    ]);
  });

  it('shows the other dossier variant as a change of the dossier alone, corrected in place by default', async () => {
    const before = await published();
    const word = await upload(await wordFile(DOSSIER_PLAIN), '1.004359.docx');
    const { data } = await rowsOf(word.id);
    expect(data[0]).toMatchObject({ status: 'changed', defaultMode: 'correction', published: true });
    expect(data[0].changes.map((c: Entry) => c.field)).toEqual(['dossier']);
    await apply(word.id);
    const after = await published();
    expect(after.documentId).toBe(before.documentId);
    expect(after.dossier.map((d: Entry) => [d.name, d.originals, d.copies])).toEqual([['Tờ khai', 2, 1]]);
  });
});

describe('npm run procedures:import', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(__dirname, '../../scripts/procedures-import.js'), ...args], {
      encoding: 'utf8',
      cwd: join(__dirname, '../..'),
      // The same database as this file's Strapi (its environment), from the dist/ the run compiled.
      env: { ...process.env, STRAPI_SKIP_COMPILE: '1' },
    });
  const fixture = (name: string) => join(FIXTURES, name);
  /** The exit code, with the end of stderr beside it, so that a failure says why. */
  const exit = (run: ReturnType<typeof cli>) =>
    run.status === 0 ? { status: 0 } : { status: run.status, stderr: run.stderr.slice(-3000) };

  it('previews with --dry-run and prints one JSON object, writing nothing', async () => {
    const before = await strapi().db.query(UID).count();
    const run = cli(fixture('danh-sach-tthc-bo-tu-phap.xlsx'), '--dry-run', '--json');
    expect(exit(run)).toEqual({ status: 0 });
    // The three Justice procedures of the concurrency test are in its fields but not in its list.
    expect(JSON.parse(run.stdout)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 271,
      missing: 3,
      refused: [],
    });
    expect(await strapi().db.query(UID).count()).toBe(before);
  });

  it('applies the rows of an agency, as drafts', async () => {
    const list = await readNationalList(CONSTRUCTION);
    if (!list.ok) throw new Error('the fixture reads');
    const pending = list.rows.filter((r) => /cấp xã/i.test(r.implementingAgency));
    const run = cli(fixture('danh-sach-tthc-bo-xay-dung.xlsx'), '--agency', 'cấp xã', '--json');
    expect(exit(run)).toEqual({ status: 0 });
    const summary = JSON.parse(run.stdout);
    expect(summary.created + summary.unchanged).toBe(pending.length);
    expect(summary.created).toBeGreaterThan(0);
  });

  it('exits 1 on a refused file, saying why', () => {
    const run = cli(join(__dirname, '../../package.json'), '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      refusedFile: 'unsupported_type',
      reason: { vi: expect.any(String) },
    });
  });

  it.each([
    [[], /a file is needed/],
    [['list.xlsx', '--level', 'district-ish'], /--level must be one of/],
    [['list.xlsx', '--dry-run', '--agency'], /--agency needs a value/],
    [['list.xlsx', '--dry-run', '--apply-everything'], /unknown option/],
    [['no-such-file.xlsx', '--dry-run'], /cannot read/],
  ])('exits 2 on %p, saying why', (args, why) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(why);
  });
});
