/**
 * Exports of the annual report: the DOCX laid out per Decree 30/2020 (read back from word/document.xml), the XLSX
 * (read back with exceljs), the CSV lists, who may export and download, and an export interrupted by a killed
 * process (no file downloadable, failed after the sweep, a retry succeeds). With LibreOffice installed the DOCX is
 * also rendered to PDF and its first page to a PNG (tests/e2e/screenshots/annual-report-page1.png).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import workerThreads from 'worker_threads';
import yauzl from 'yauzl';
import type { Figures, Narrative } from '../../src/plugins/annual-report/server/src/domain/figures';
import { BACKGROUND_NICE } from '../../src/plugins/annual-report/server/src/exports/background-priority';
import { demo } from '../setup/demo';
import { ROOT } from '../setup/env';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const UNIT_EDITOR = 'qldd@demo.example';
const REPORT = 'plugin::annual-report.report';
const JOB = 'plugin::annual-report.export-job';
const FEEDBACK = 'api::feedback.feedback';
const ARTICLE = 'api::article.article';

// Markers put into the organization's profile: the document must take every name from there.
const MARKER = {
  superiorBody: 'Ủy ban nhân dân Tỉnh Thử Nghiệm',
  issuingBody: 'Sở Kiểm Thử Và Đánh Dấu',
  issuingBodyInText: 'Sở Kiểm thử và Đánh dấu',
  abbreviation: 'SKTDD',
  placeName: 'Phố Đánh Dấu',
  directorName: 'Lê Văn Ký Tên',
  directorTitle: 'Giám đốc',
};
// Personal data of the fixture feedback: none of it may appear in any export.
const SUBMITTER = {
  fullName: 'Trần Thị Bích Ngọc',
  phone: '0912 345 678',
  email: 'bichngoc.tran@example.com',
  address: '12 Đường Hoa Sữa, phường Đông Ba',
};

const FIGURES: Figures = {
  period: { from: '2030-12-15', to: '2031-12-14' },
  computedAt: '2031-12-15T01:00:00.000Z',
  articles: {
    published: 3,
    byKind: [
      { key: 'news', count: 2 },
      { key: 'video_clip', count: 1 },
    ],
    byChannel: [
      { key: 'website', count: 2 },
      { key: 'press', count: 1 },
    ],
    byCampaign: [
      { campaign: { documentId: 'c1', title: 'Chiến dịch Một cửa thân thiện' }, count: 2 },
      { campaign: null, count: 1 },
    ],
    byUnit: [{ unit: { id: 1, code: 'P-QLDD', name: 'Phòng Quản lý đất đai' }, published: 3, target: 5 }],
    byTask: [
      {
        task: { documentId: 't1', code: '1.1', content: 'Tuyên truyền TTHC đất đai', unitCode: 'P-QLDD' },
        target: 5,
        published: 3,
      },
    ],
  },
  submissions: {
    total: 4,
    byUnit: [
      {
        unit: { id: 1, code: 'P-QLDD', name: 'Phòng Quản lý đất đai' },
        total: 4,
        byState: [
          { key: 'published', count: 3 },
          { key: 'rejected', count: 1 },
        ],
      },
    ],
    medianDaysToPublication: 2.5,
  },
  procedures: {
    listed: 120,
    byField: [{ field: { code: 'DD', name: 'Đất đai' }, count: 40 }],
    byLevel: [{ key: 'fully_online', count: 70 }],
    added: 5,
    amended: 3,
    abolished: 1,
  },
  feedback: {
    received: 2,
    byChannel: [{ key: 'email', count: 2 }],
    byKind: [{ key: 'impractical_rule', count: 2 }],
    notAccepted: 0,
    transferred: 0,
    answered: 2,
    onTime: 1,
    late: 1,
    onTimeRate: 50,
    answersPublished: 1,
  },
  satisfaction: {
    responses: 10,
    criteria: [{ criterion: 'Tiếp cận dịch vụ', mean: 4.25, responses: 10 }],
  },
  oversight: {
    remindersSent: 6,
    checks: 2,
    difficultiesRaised: 3,
    difficultiesResolved: 2,
    difficultiesEscalated: 1,
  },
  taskReports: [
    {
      task: { code: '1.1', content: 'Tuyên truyền TTHC đất đai' },
      unit: { id: 1, code: 'P-QLDD', name: 'Phòng Quản lý đất đai' },
      status: 'done',
      results: 'Đã đăng 3 tin bài trên Trang thông tin điện tử.',
      reportedAt: '2031-11-20T02:00:00.000Z',
    },
  ],
};

const NARRATIVE: Narrative = {
  results: 'Các đơn vị đã hoàn thành phần lớn nhiệm vụ.',
  limitations: 'Một số tin bài gửi chậm.',
  difficulties: 'Thiếu kinh phí cho phóng sự truyền hình.',
  proposals: 'Đề nghị bố trí kinh phí năm sau.',
};

const tokens: Record<string, string> = {};
let report: Row;
const feedbackIds: string[] = [];
const feedbackRowIds: number[] = [];
// The unit that drafts the report (the Office, kind "office" in the demo units): "Lưu: VT, <its code>".
const DRAFTING_UNIT: string = demo('units.json').find((u: Row) => u.kind === 'office').code;
const articleIds: string[] = [];

const api = (method: 'get' | 'post', url: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/annual-report${url}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const download = (id: string, email = OFFICE) =>
  api('get', `/exports/${id}/download`, email)
    .buffer(true)
    .parse(binary as never);

async function waitFor(id: string, timeoutMs = 60_000): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api('get', `/exports/${id}`, OFFICE);
    expect(res.status).toBe(200);
    if (res.body.data.state === 'done' || res.body.data.state === 'failed') return res.body.data;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${res.body.data.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function exportOf(body: object): Promise<Row> {
  const res = await api('post', `/reports/${report.documentId}/exports`, OFFICE, body);
  expect(res.status).toBe(202);
  const job = await waitFor(res.body.data.id);
  expect(job).toMatchObject({ state: 'done', progress: 100, error: null });
  return job;
}

function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The text of each paragraph of a WordprocessingML part; a line break inside a paragraph reads as "\n". */
const paragraphsOf = (xml: string) =>
  (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g) ?? [])
      .map((t) => (t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '')))
      .join('')
  );

/** Renders the first page of a DOCX to tests/e2e/screenshots/<name> with LibreOffice; false when it is missing. */
function renderFirstPage(docx: Buffer, name: string): boolean {
  try {
    execFileSync('which', ['libreoffice', 'pdftoppm'], { stdio: 'ignore' });
  } catch {
    if (process.env.E2E_REQUIRED === '1') throw new Error('libreoffice and pdftoppm are required');
    return false;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annual-report-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.docx'), docx);
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'report.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 }
    );
    const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync(
      'pdftoppm',
      ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', 'report.pdf', 'page1'],
      {
        cwd: dir,
        timeout: 60_000,
      }
    );
    const png = fs.readFileSync(path.join(dir, 'page1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const target = path.join(ROOT, 'tests', 'e2e', 'screenshots', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, png);
    // A4 portrait at 80 dpi: about 661 × 935 pixels.
    expect(png.readUInt32BE(16)).toBeLessThan(png.readUInt32BE(20));
    return true;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

beforeAll(async () => {
  for (const email of [OFFICE, DIRECTOR, UNIT_EDITOR]) tokens[email] = await adminLogin(app.server(), email);
  await strapi()
    .db.query('organization.profile')
    .updateMany({ where: { validFrom: '2025-07-01' }, data: MARKER });
  report = await strapi()
    .db.query(REPORT)
    .create({
      data: {
        title: 'Báo cáo kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính năm 2031',
        year: 2031,
        periodFrom: '2030-12-15',
        periodTo: '2031-12-14',
        state: 'issued',
        snapshot: FIGURES,
        narrative: NARRATIVE,
        number: '7',
        recipients: 'UBND tỉnh (để báo cáo)\n- Giám đốc Sở;\nCác phòng, đơn vị thuộc Sở',
        issuedAt: new Date('2031-03-05T03:00:00Z'),
        computedAt: new Date('2031-03-01T03:00:00Z'),
        version: 1,
      },
    });
  for (const [i, at] of ['2031-02-01T02:00:00Z', '2031-06-10T09:30:00Z', '2030-12-01T02:00:00Z'].entries()) {
    const row = await strapi()
      .db.query(FEEDBACK)
      .create({
        data: {
          ...SUBMITTER,
          subject: `=Bà ${SUBMITTER.fullName} (${SUBMITTER.phone}) phản ánh hồ sơ đất đai ${i}`,
          content: `Liên hệ ${SUBMITTER.email}, ${SUBMITTER.address}`,
          kind: 'impractical_rule',
          channel: 'email',
          language: 'vi',
          state: i === 0 ? 'answered' : 'assigned',
          receivedAt: new Date(at),
          classificationDueDate: '2031-02-04',
          dueDate: '2031-02-25',
          answeredAt: i === 0 ? new Date('2031-02-20T03:00:00Z') : null,
          onTime: i === 0 ? true : null,
          trackingCodeHash: `annual-report-export-${i}-${Date.now()}`,
          version: 0,
        },
      });
    feedbackIds.push(row.documentId);
    feedbackRowIds.push(row.id);
  }
  for (const [i, at] of ['2031-01-10T02:00:00Z', '2031-05-05T02:00:00Z'].entries()) {
    const base = {
      title: `Tin thử nghiệm xuất báo cáo ${i}`,
      slug: `tin-thu-nghiem-xuat-bao-cao-${i}`,
      kind: 'news',
      channel: 'website',
      locale: 'vi',
    };
    const published = await strapi()
      .db.query(ARTICLE)
      .create({ data: { ...base, publishedAt: new Date(at) } });
    await strapi()
      .db.query(ARTICLE)
      .create({ data: { ...base, documentId: published.documentId, publishedAt: null } });
    articleIds.push(published.documentId);
  }
});

describe('DOCX', () => {
  let files: Map<string, string>;
  let docx: Buffer;
  let job: Row;

  beforeAll(async () => {
    job = await exportOf({ format: 'docx' });
    const res = await download(job.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(job.fileName)}`
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"/);
    docx = res.body as Buffer;
    expect(Number(res.headers['content-length'])).toBe(job.size);
    files = await unzip(docx);
  });

  it('is named bao-cao-<year>.docx', () => {
    // A short ASCII name without spaces (the title's "(từ 15/12/2030 đến …)" made "(từ 15 12 2030 …)").
    expect(job.fileName).toBe('bao-cao-2031.docx');
  });

  it('is A4 with the margins and the different first page of Decree 30/2020', () => {
    const xml = files.get('word/document.xml')!;
    const sect = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const attr = (name: string) => Number(sect.match(new RegExp(`w:${name}="(\\d+)"`))![1]);
    const mm = (twips: number) => (twips * 25.4) / 1440;
    expect(mm(attr('top'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr('top'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr('bottom'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr('bottom'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr('left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(attr('left'))).toBeLessThanOrEqual(35.1);
    expect(mm(attr('right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(attr('right'))).toBeLessThanOrEqual(20.1);
    expect(sect).toContain('<w:titlePg');
    // The page number is in the default header only: not on page 1.
    const first = sect.match(/<w:headerReference w:type="first" r:id="(\w+)"/)![1];
    const other = sect.match(/<w:headerReference w:type="default" r:id="(\w+)"/)![1];
    const rels = files.get('word/_rels/document.xml.rels')!;
    const target = (id: string) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1];
    expect(files.get(`word/${target(other)}`)).toContain('PAGE');
    expect(files.get(`word/${target(other)}`)).toContain('w:jc w:val="center"');
    expect(files.get(`word/${target(first)}`)).not.toContain('PAGE');
  });

  it('writes the twelve tables of figures between the header and the signature, each with its header row', () => {
    const xml = files.get('word/document.xml')!;
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(14);
    const rowsOf = (table: string) =>
      table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!.map((row) => paragraphsOf(row).map(decode));
    const data = tables.slice(1, -1);
    for (const table of data) expect(table).toMatch(/^<w:tbl>[\s\S]*?<w:tr><w:trPr><w:tblHeader\/>/);
    expect(rowsOf(data[4])).toEqual([
      ['Mã', 'Nhiệm vụ', 'Chỉ tiêu', 'Đã đăng'],
      ['1.1', 'Tuyên truyền TTHC đất đai', '5', '3'],
    ]);
    expect(rowsOf(data[5])[1]).toEqual(['1', 'Phòng Quản lý đất đai', '4', 'Đã đăng: 3; Từ chối: 1']);
    expect(rowsOf(data[11])).toEqual([
      ['Mã', 'Nhiệm vụ', 'Đơn vị', 'Tình hình', 'Kết quả'],
      [
        '1.1',
        'Tuyên truyền TTHC đất đai',
        'Phòng Quản lý đất đai',
        'Hoàn thành',
        FIGURES.taskReports[0].results,
      ],
    ]);
    // Numbers to the right, text to the left, headers centred.
    expect(data[4].match(/<w:jc w:val="(\w+)"\/>/g)).toEqual(
      ['center', 'center', 'center', 'center', 'left', 'left', 'right', 'right'].map(
        (a) => `<w:jc w:val="${a}"/>`
      )
    );
    // No placeholder is left where a table went.
    expect(paragraphsOf(xml).some((p) => /^table-/.test(p))).toBe(false);
  });

  it('uses Times New Roman only', () => {
    const fonts = new Set<string>();
    for (const part of ['word/document.xml', 'word/styles.xml']) {
      for (const m of files.get(part)!.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)) fonts.add(m[1]);
    }
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('takes every name of the header and signature from the organization profile', () => {
    const xml = files.get('word/document.xml')!;
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const header = tables[0];
    expect(header).toMatch(/<w:tblBorders>[\s\S]*?<w:top w:val="none"/);
    const texts = paragraphsOf(header).map(decode);
    // A name too long for the agency's column breaks between whole words, before "TỈNH" (LibreOffice broke it
    // itself as "ỦY BAN NHÂN DÂN TỈNH THỬ / NGHIỆM" when it came as one line).
    expect(texts).toEqual([
      'ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM',
      'SỞ KIỂM THỬ VÀ ĐÁNH DẤU',
      '',
      '',
      'Số: 07/BC-SKTDD',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Phố Đánh Dấu, ngày 05 tháng 03 năm 2031',
    ]);
    // The date line is italic; the issuing body bold; the motto bold 14 pt with its rule.
    const para = (text: string) => header.match(/<w:p[ >][\s\S]*?<\/w:p>/g)!.find((p) => p.includes(text))!;
    expect(para('ngày 05 tháng 03')).toContain('<w:i/>');
    expect(para('SỞ KIỂM THỬ')).toContain('<w:b/>');
    expect(para('Độc lập')).toMatch(/<w:sz w:val="28"\/>/);
    expect(para('Độc lập')).toMatch(/<w:bottom w:val="single"/);

    const all = paragraphsOf(xml).map(decode);
    expect(all).toContain('BÁO CÁO');
    expect(all).toContain('Kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính năm 2031');
    for (const title of [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ]) {
      expect(all).toContain(title);
    }
    expect(all).toContain(NARRATIVE.difficulties);

    const footer = paragraphsOf(tables[tables.length - 1]).map(decode);
    expect(footer).toEqual(
      expect.arrayContaining([
        'Nơi nhận:',
        '- UBND tỉnh (để báo cáo);',
        '- Giám đốc Sở;',
        '- Các phòng, đơn vị thuộc Sở;',
        `- Lưu: VT, ${DRAFTING_UNIT}.`,
        'GIÁM ĐỐC',
        'Lê Văn Ký Tên',
      ])
    );
    // The archive line names the drafting unit (the Office), not the agency.
    expect(footer.filter((t) => t.startsWith('- ')).pop()).toBe(`- Lưu: VT, ${DRAFTING_UNIT}.`);
    expect(footer).not.toContain('- Lưu: VT, SKTDD.');
    // No seal or signature image.
    expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('lays the body out justified with a first-line indent', () => {
    const xml = files.get('word/document.xml')!;
    const intro = xml
      .match(/<w:p[ >][\s\S]*?<\/w:p>/g)!
      .find((p) => p.includes('báo cáo kết quả thực hiện'))!;
    expect(intro).toContain('<w:jc w:val="both"/>');
    // The agency's name as written in a sentence, not the header's capitals.
    expect(decode(paragraphsOf(intro)[0])).toContain(`năm 2031, ${MARKER.issuingBodyInText} báo cáo`);
    const indent = Number(intro.match(/w:firstLine="(\d+)"/)![1]);
    expect(indent).toBeGreaterThanOrEqual(567);
    expect(indent).toBeLessThanOrEqual(720);
    expect(intro).toMatch(/<w:sz w:val="2[68]"\/>/);
  });

  it('carries no personal data', () => {
    const text = [...files.values()].join('\n');
    for (const value of Object.values(SUBMITTER)) expect(text).not.toContain(value);
    expect(text).not.toContain('Bích Ngọc');
  });

  it('opens in LibreOffice and renders its first page', () => {
    renderFirstPage(docx, 'annual-report-page1.png');
  }, 180_000);
});

// The finding: a 2021 report drafted and issued now was headed with today's names. Issued on 10/01/2026, after the
// 2025 profile took effect, it must still carry the 2021 profile, and the date it was issued.
describe('DOCX of a 2021 report issued in 2026', () => {
  // The demo organization's profile in force at the end of the 2021 period (Sở Tài nguyên và Môi trường).
  const profiles: Row[] = demo('organization.json').vi.profiles;
  const P2021 = profiles
    .filter((p) => p.validFrom <= '2021-12-14')
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const upperVi = (text: string) => text.toLocaleUpperCase('vi');
  let xml: string;
  let docx: Buffer;
  let all: string[];

  beforeAll(async () => {
    expect(P2021).toMatchObject({ abbreviation: 'STNMT', directorName: expect.any(String) });
    const old = await strapi()
      .db.query(REPORT)
      .create({
        data: {
          title: 'Báo cáo kết quả năm 2021 (từ 15/12/2020 đến 14/12/2021)',
          year: 2021,
          periodFrom: '2020-12-15',
          periodTo: '2021-12-14',
          state: 'issued',
          snapshot: { ...FIGURES, period: { from: '2020-12-15', to: '2021-12-14' } },
          narrative: NARRATIVE,
          // A number stored before the number-only rule, with its symbol typed in: printed once.
          number: '125/BC-STNMT',
          recipients: null,
          issuedAt: new Date('2026-01-10T03:00:00Z'),
          computedAt: new Date('2025-12-15T03:00:00Z'),
          version: 1,
        },
      });
    const res = await api('post', `/reports/${old.documentId}/exports`, OFFICE, { format: 'docx' });
    expect(res.status).toBe(202);
    const job = await waitFor(res.body.data.id);
    expect(job).toMatchObject({ state: 'done' });
    docx = (await download(job.id)).body as Buffer;
    xml = (await unzip(docx)).get('word/document.xml')!;
    all = paragraphsOf(xml).map(decode);
  });

  it('prints the number once, with the symbol of the 2021 profile', () => {
    const text = all.join('\n');
    expect(text.split('Số: 125/BC-STNMT').length - 1).toBe(1);
    expect(text).not.toMatch(/BC-STNMT\/BC/);
    expect(text).not.toContain('SNNMT');
  });

  it('is headed, placed, dated and signed with the 2021 profile', () => {
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const header = paragraphsOf(tables[0]).map(decode);
    const oneLine = (t: string) => t.replace(/\n/g, ' ');
    expect(oneLine(header[0])).toBe(upperVi(P2021.superiorBody));
    expect(oneLine(header[1])).toBe(upperVi(P2021.issuingBody));
    expect(header).toContain('Số: 125/BC-STNMT');
    // The date it was issued, at the place of the 2021 profile.
    expect(header.map(oneLine)).toContain(`${P2021.placeName}, ngày 10 tháng 01 năm 2026`);
    // Names that came later never appear (the 2025 profile carries the markers in this file).
    expect(xml).not.toContain(upperVi(MARKER.issuingBody));
    expect(xml).not.toContain(upperVi(MARKER.superiorBody));
    expect(xml).not.toContain(MARKER.placeName);

    const footer = paragraphsOf(tables[tables.length - 1]).map(decode);
    const title = footer.indexOf(upperVi(P2021.directorTitle));
    const name = footer.indexOf(P2021.directorName);
    expect(title).toBeGreaterThan(-1);
    // The signer's full name, with blank lines for the signature between position and name.
    expect(name - title).toBeGreaterThanOrEqual(4);
    expect(footer.slice(title + 1, name).every((t) => t === '')).toBe(true);
    // "Nơi nhận" from the 2021 profile's default list; the archive line names the drafting unit.
    const recipients = (P2021.reportRecipients as string).split('\n').map((r) => `- ${r};`);
    expect(footer).toEqual(
      expect.arrayContaining(['Nơi nhận:', ...recipients, `- Lưu: VT, ${DRAFTING_UNIT}.`])
    );
    expect(footer.filter((t) => t.startsWith('- ')).pop()).toBe(`- Lưu: VT, ${DRAFTING_UNIT}.`);
  });

  it('writes the agency name in the body as in a sentence, not in capitals', () => {
    const intro = all.find((t) => t.includes('báo cáo kết quả thực hiện'))!;
    expect(intro).toContain(`${P2021.issuingBodyInText} báo cáo kết quả thực hiện từ ngày 15/12/2020`);
    expect(intro).not.toContain(upperVi(P2021.issuingBody));
  });

  it('renders its first page in LibreOffice', () => {
    renderFirstPage(docx, 'annual-report-2021-page1.png');
  }, 180_000);
});

describe('XLSX', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const job = await exportOf({ format: 'xlsx' });
    const res = await download(job.id);
    expect(res.status).toBe(200);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
  });

  it('has one sheet per table of figures and the two lists, with frozen headers and widths', () => {
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual([
      'Tổng hợp',
      'Tin bài theo thể loại',
      'Tin bài theo kênh',
      'Tin bài theo chiến dịch',
      'Tin bài theo đơn vị',
      'Tin bài theo nhiệm vụ',
      'Tin bài đơn vị gửi',
      'TTHC theo lĩnh vực',
      'TTHC theo mức độ',
      'PAKN theo kênh',
      'PAKN theo loại',
      'PAKN kết quả xử lý',
      'Khảo sát hài lòng',
      'Đôn đốc, kiểm tra',
      'Kết quả nhiệm vụ',
      'Danh sách tin bài',
      'Danh sách PAKN',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }
    const kinds = workbook.getWorksheet('Tin bài theo thể loại')!;
    expect(kinds.rowCount).toBe(1 + FIGURES.articles.byKind.length);
    expect(kinds.getRow(2).values).toEqual([undefined, 'news', 'Tin', 2]);
    expect(typeof kinds.getRow(2).getCell(3).value).toBe('number');
    const units = workbook.getWorksheet('Tin bài đơn vị gửi')!;
    expect(units.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Đơn vị',
      'Tổng số',
      'Đã đăng',
      'Từ chối',
    ]);
    expect(units.getRow(2).values).toEqual([undefined, 'P-QLDD', 'Phòng Quản lý đất đai', 4, 3, 1]);
  });

  it('lists the articles and the feedback of the period, dates as dates, without personal data', () => {
    const articles = workbook.getWorksheet('Danh sách tin bài')!;
    expect(articles.rowCount).toBe(1 + articleIds.length);
    expect(articles.getRow(2).getCell(1).value).toBe(articleIds[0]);
    expect(articles.getRow(2).getCell(4).value).toBe('Tin');
    expect(articles.getRow(2).getCell(5).value).toBe('Trang thông tin điện tử');
    expect(articles.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    // 09:00 in Vietnam, shown as such.
    expect((articles.getRow(2).getCell(2).value as Date).toISOString()).toBe('2031-01-10T09:00:00.000Z');

    const feedback = workbook.getWorksheet('Danh sách PAKN')!;
    // The third fixture feedback was received before the period.
    expect(feedback.rowCount).toBe(1 + 2);
    const rows = [2, 3].map((i) => feedback.getRow(i));
    // The register number staff see (the feedback's ID), not the internal documentId; labels, not stored values.
    expect(feedback.getRow(1).getCell(1).value).toBe('Số (ID)');
    expect(rows.map((r) => r.getCell(1).value)).toEqual(feedbackRowIds.slice(0, 2));
    expect(JSON.stringify(feedback.getSheetValues())).not.toContain(feedbackIds[0]);
    expect(rows[0].getCell(2).value).toBeInstanceOf(Date);
    expect(rows[0].getCell(3).value).toBe('Thư điện tử');
    expect(rows[0].getCell(4).value).toBe('Quy định không phù hợp thực tế');
    expect(rows[0].getCell(6).value).toBe('Đã trả lời');
    expect(rows[1].getCell(6).value).toBe('Đã giao xử lý');
    expect(rows[0].getCell(7).value).toBeInstanceOf(Date);
    expect(rows[0].getCell(9).value).toBe('Có');
    expect(rows[1].getCell(9).value).toBeNull();
    const subject = String(rows[0].getCell(5).value);
    expect(subject).toContain('phản ánh hồ sơ đất đai 0');
    const all = JSON.stringify(feedback.getSheetValues());
    for (const value of Object.values(SUBMITTER)) expect(all).not.toContain(value);
    expect(all).not.toContain('Ngọc');
  });
});

describe('CSV', () => {
  it('writes the feedback list in UTF-8 with a BOM, CRLF, formula-safe, without personal data', async () => {
    const job = await exportOf({ format: 'csv', list: 'feedback' });
    expect(job.list).toBe('feedback');
    expect(job.fileName).toBe('bao-cao-2031-danh-sach-pakn.csv');
    const res = await download(job.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + 2);
    expect(lines[0]).toBe(
      'Mã tài liệu,Ngày tiếp nhận,Kênh,Loại,Trích yếu (đã ẩn thông tin cá nhân),Trạng thái,Hạn xử lý,Ngày trả lời,Đúng hạn'
    );
    expect(lines[1].startsWith(`${feedbackIds[0]},2031-02-01T02:00:00.000Z,email,impractical_rule,`)).toBe(
      true
    );
    // The subject starts with "=": neutralised.
    expect(lines[1]).toMatch(/,"?'=/);
    for (const value of Object.values(SUBMITTER)) expect(text).not.toContain(value);
  });

  it('writes the article list', async () => {
    const job = await exportOf({ format: 'csv', list: 'articles' });
    const res = await download(job.id);
    const lines = (res.body as Buffer).toString('utf8').split('\r\n');
    expect(lines[0].charCodeAt(0)).toBe(0xfeff);
    expect(lines.filter(Boolean)).toHaveLength(1 + articleIds.length);
    expect(lines[1]).toContain('Tin thử nghiệm xuất báo cáo 0');
  });

  it('refuses a CSV without a list and unknown formats', async () => {
    expect(
      (await api('post', `/reports/${report.documentId}/exports`, OFFICE, { format: 'csv' })).status
    ).toBe(400);
    expect(
      (await api('post', `/reports/${report.documentId}/exports`, OFFICE, { format: 'pdf' })).status
    ).toBe(400);
    expect((await api('post', '/reports/nope/exports', OFFICE, { format: 'docx' })).status).toBe(404);
  });
});

describe('files built in a worker thread', () => {
  const original = workerThreads.Worker;
  afterEach(() => {
    (workerThreads as { Worker: unknown }).Worker = original;
  });

  /** Watches the workers the exports start, recording their tasks; with `hostile`, each runs that code instead. */
  function watchWorkers(hostile?: string) {
    const tasks: Row[] = [];
    (workerThreads as { Worker: unknown }).Worker = class extends original {
      constructor(file: string | URL, options: workerThreads.WorkerOptions) {
        tasks.push(options.workerData as Row);
        super(hostile ?? file, hostile ? { ...options, eval: true } : options);
      }
    };
    return tasks;
  }

  it('builds the DOCX and the XLSX in the export worker, not on the server thread', async () => {
    const tasks = watchWorkers();
    const docx = await exportOf({ format: 'docx' });
    const xlsx = await exportOf({ format: 'xlsx' });
    expect(tasks.map((t) => t.kind)).toEqual(['docx', 'xlsx']);
    expect(tasks[0].input.report.title).toBe(report.title);
    for (const job of [docx, xlsx]) {
      const res = await download(job.id);
      expect(res.status).toBe(200);
      expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    }
  });

  /** The nice value of each of this process's threads, by kernel thread id. */
  const niceByThread = () =>
    new Map(
      fs.readdirSync('/proc/self/task').map((tid) => {
        // Fields after "pid (comm) ": state is the first, nice the 17th (proc(5)).
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return [Number(tid), Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16])];
      })
    );

  (process.platform === 'linux' ? it : it.skip)(
    "runs the export worker below the server thread's priority, the server thread's unchanged",
    async () => {
      const before = niceByThread();
      const seen: Map<number, number>[] = [];
      (workerThreads as { Worker: unknown }).Worker = class extends original {
        constructor(file: string | URL, options: workerThreads.WorkerOptions) {
          super(file, options);
          // The worker's first message (asking for rows) comes once it has started: it is alive and waiting.
          this.once('message', () => seen.push(niceByThread()));
        }
      };
      expect((await download((await exportOf({ format: 'xlsx' })).id)).status).toBe(200);
      expect(seen).toHaveLength(1);
      const lowered = [...seen[0]].filter(([tid, nice]) => !before.has(tid) && nice === BACKGROUND_NICE);
      expect(lowered).toHaveLength(1);
      expect(niceByThread().get(process.pid)).toBe(before.get(process.pid));
    }
  );

  it.each([
    ['docx', 'throws', `throw new Error('hostile worker')`, /hostile worker/],
    ['docx', 'exits', 'process.exit(3)', /dừng bất thường \(mã 3\)/],
    [
      'docx',
      'ends without a file',
      `require('worker_threads').parentPort.close()`,
      /dừng bất thường \(mã 0\)/,
    ],
    [
      'docx',
      'exhausts its heap',
      'const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random()))',
      /memory/i,
    ],
    [
      'xlsx',
      'asks for a list it was not given',
      `require('worker_threads').parentPort.postMessage({ type: 'next', list: 'submitters' })`,
      /not given: submitters/,
    ],
    [
      'xlsx',
      'sends garbage',
      `require('worker_threads').parentPort.postMessage({ type: 'rm -rf' }); setTimeout(() => {}, 60000)`,
      /unexpected message/,
    ],
  ])('a %s worker that %s fails its export, not the server', async (format, _what, code, error) => {
    const tasks = watchWorkers(code);
    const res = await api('post', `/reports/${report.documentId}/exports`, OFFICE, { format });
    expect(res.status).toBe(202);
    const job = await waitFor(res.body.data.id);
    expect(tasks.map((t) => t.kind)).toEqual([format]);
    expect(job).toMatchObject({
      state: 'failed',
      fileName: expect.stringMatching(new RegExp(`\\.${format}$`)),
    });
    expect(job.error).toMatch(error);
    expect((await download(job.id)).status).toBe(404);
    // The server goes on: the next export, with the real worker, is served.
    (workerThreads as { Worker: unknown }).Worker = original;
    expect((await download((await exportOf({ format })).id)).status).toBe(200);
  });
});

describe('a feedback list of many batches', () => {
  // Eight batches of the 500 rows the main thread sends the worker at once: the main thread redacts the batches it reads
  // ahead, the worker the rest (exports/in-worker.ts). Every row has its own submitter, named in its subject.
  const COUNT = 4000;
  const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
  const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hằng', 'Hiếu', 'Hoa', 'Hùng', 'Khánh'];
  const submitterOf = (i: number) => ({
    fullName: `${FAMILY[i % 6]} Văn ${GIVEN[Math.floor(i / 6) % 12]} ${GIVEN[Math.floor(i / 72) % 12]}`,
    phone: `09${10000000 + i}`,
    email: `nguoi.${i}@example.com`,
    address: `Số ${i} đường Hoa Sữa`,
  });
  let manyReport: Row;

  beforeAll(async () => {
    manyReport = await strapi()
      .db.query(REPORT)
      .create({
        data: {
          title: 'Báo cáo năm 2033',
          year: 2033,
          periodFrom: '2032-12-15',
          periodTo: '2033-12-14',
          state: 'draft',
          snapshot: FIGURES,
          narrative: NARRATIVE,
          recipients: 'UBND tỉnh',
          version: 0,
        },
      });
    await strapi()
      .db.query(FEEDBACK)
      .createMany({
        data: Array.from({ length: COUNT }, (_, i) => {
          const submitter = submitterOf(i);
          return {
            ...submitter,
            subject: `${i % 2 ? 'Ông' : 'Bà'} ${submitter.fullName} (${submitter.phone}) phản ánh hồ sơ số ${i}`,
            content: 'Nội dung',
            kind: 'impractical_rule',
            channel: 'web',
            language: 'vi',
            state: 'received',
            receivedAt: new Date(Date.UTC(2033, 0, 1, 2, 0, i)),
            classificationDueDate: '2033-01-04',
            dueDate: '2033-01-25',
            trackingCodeHash: `annual-report-many-${i}-${Date.now()}`,
            version: 0,
          };
        }),
      });
  });
  afterAll(async () => {
    await strapi()
      .db.query(FEEDBACK)
      .deleteMany({ where: { trackingCodeHash: { $startsWith: 'annual-report-many-' } } });
  });

  const exportMany = async (body: object) => {
    const res = await request(app.server())
      .post(`/annual-report/reports/${manyReport.documentId}/exports`)
      .set({ Authorization: `Bearer ${tokens[OFFICE]}` })
      .send(body);
    expect(res.status).toBe(202);
    const job = await waitFor(res.body.data.id);
    expect(job.state).toBe('done');
    return (await download(job.id)).body as Buffer;
  };

  /** Each subject in the order of the rows: redacted with its own submitter's fields. */
  const expectRedacted = (subjects: string[]) => {
    expect(subjects).toHaveLength(COUNT);
    subjects.forEach((subject, i) => {
      const submitter = submitterOf(i);
      expect(subject).toBe(
        `${i % 2 ? 'Ông' : 'Bà'} [người phản ánh] ([số điện thoại]) phản ánh hồ sơ số ${i}`
      );
      expect(subject).not.toContain(submitter.phone);
    });
  };

  it('redacts every subject in the XLSX, whichever thread redacts it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportMany({ format: 'xlsx' })) as never);
    const sheet = workbook.getWorksheet('Danh sách PAKN')!;
    expectRedacted(
      Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(5).value))
    );
  });

  it('redacts every subject in the CSV', async () => {
    const lines = (await exportMany({ format: 'csv', list: 'feedback' })).toString('utf8').split('\r\n');
    // The subjects hold no comma or quote: the fifth field of each line, unquoted.
    expectRedacted(lines.slice(1, -1).map((line) => line.split(',')[4]));
  });
});

describe('exports started together', () => {
  it('are written EXPORT_CONCURRENCY at a time on a node, the others waiting queued with their heartbeat kept', async () => {
    // Slow steps, and a stale limit shorter than the wait: a queued job whose heartbeat stopped would be swept.
    strapi().config.set('plugin::annual-report.exportStepDelayMs', 400);
    const saved = { stale: process.env.EXPORT_STALE_SECONDS, concurrency: process.env.EXPORT_CONCURRENCY };
    process.env.EXPORT_STALE_SECONDS = '1';
    process.env.EXPORT_CONCURRENCY = '2';
    try {
      const ids: string[] = [];
      for (const body of [{ format: 'docx' }, { format: 'xlsx' }, { format: 'csv', list: 'feedback' }]) {
        const res = await api('post', `/reports/${report.documentId}/exports`, OFFICE, body);
        expect(res.status).toBe(202);
        ids.push(res.body.data.id);
      }
      const seen: string[][] = [];
      for (;;) {
        // One request, one read of the three rows: read one by one, a job seen running could finish and the next
        // start in between, and look like three at once.
        const list = await api('get', `/reports/${report.documentId}/exports`, OFFICE);
        const states: string[] = ids.map((id) => list.body.data.find((j: Row) => j.id === id).state);
        seen.push(states);
        if (states.every((state) => state === 'done' || state === 'failed')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const running = (states: string[]) => states.filter((state) => state === 'running').length;
      expect(Math.max(...seen.map(running))).toBe(2);
      expect(seen.filter((states) => states[2] === 'queued').length).toBeGreaterThan(5);
      expect(seen.at(-1)).toEqual(['done', 'done', 'done']);
    } finally {
      strapi().config.set('plugin::annual-report.exportStepDelayMs', 0);
      for (const [name, value] of [
        ['EXPORT_STALE_SECONDS', saved.stale],
        ['EXPORT_CONCURRENCY', saved.concurrency],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('permissions', () => {
  it('lets the Director read and download but not export; unit editors get nothing', async () => {
    const list = await api('get', `/reports/${report.documentId}/exports`, DIRECTOR);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThanOrEqual(4);
    const created = list.body.data.map((j: Row) => j.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const done = list.body.data.find((j: Row) => j.format === 'docx' && j.state === 'done');
    expect((await api('get', `/exports/${done.id}`, DIRECTOR)).status).toBe(200);
    expect((await download(done.id, DIRECTOR)).status).toBe(200);
    expect(
      (await api('post', `/reports/${report.documentId}/exports`, DIRECTOR, { format: 'docx' })).status
    ).toBe(403);
    expect((await api('get', `/reports/${report.documentId}/exports`, UNIT_EDITOR)).status).toBe(403);
    expect((await api('get', `/exports/${done.id}`, UNIT_EDITOR)).status).toBe(403);
    expect((await download(done.id, UNIT_EDITOR)).status).toBe(403);
    expect(
      (await api('post', `/reports/${report.documentId}/exports`, UNIT_EDITOR, { format: 'docx' })).status
    ).toBe(403);
    expect((await request(app.server()).get(`/annual-report/exports/${done.id}/download`)).status).toBe(401);
  });
});

describe('an export interrupted by a crash', () => {
  let child: ChildProcessWithoutNullStreams | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('leaves no file, is marked failed by the sweep, and can be retried', async () => {
    child = spawn(
      process.execPath,
      [path.join(ROOT, 'tests', 'setup', 'run-export.js'), report.documentId, 'xlsx'],
      {
        cwd: ROOT,
        env: { ...process.env, DEMO_SEED: 'off', ANNUAL_REPORT_EXPORT_STEP_DELAY_MS: '2000' },
      }
    );
    const log: string[] = [];
    let started: Row | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.startsWith('@@job ')) {
          const message = JSON.parse(line.slice(6));
          if (message.started) started = message.started;
          else log.push(line);
        } else log.push(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    // Wait until the other process is writing (running, past the first step), then kill it.
    const deadline = Date.now() + 150_000;
    let row: Row | null = null;
    for (;;) {
      if (started) {
        row = await strapi()
          .db.query(JOB)
          .findOne({ where: { documentId: started.id } });
        if (row?.state === 'running' && row.progress >= 5) break;
      }
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the export process did not start writing:\n${log.join('\n').slice(-4000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const exited = new Promise((resolve) => child!.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const id = started!.id;
    // Still "running" for now: its heartbeat is fresh; nothing to download.
    expect((await api('get', `/exports/${id}`, OFFICE)).body.data.state).toBe('running');
    expect((await download(id)).status).toBe(404);
    // Two minutes later the heartbeat is stale: the sweep marks it failed.
    await strapi()
      .db.query(JOB)
      .update({ where: { id: row!.id }, data: { heartbeatAt: new Date(Date.now() - 3 * 60_000) } });
    const list = await api('get', `/reports/${report.documentId}/exports`, OFFICE);
    const failed = list.body.data.find((j: Row) => j.id === id);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.error).toMatch(/gián đoạn/);
    expect((await download(id)).status).toBe(404);
    const dir = path.join(
      path.resolve(ROOT, process.env.PRIVATE_UPLOAD_DIR || path.join('.tmp', 'private-uploads')),
      'annual-report-exports'
    );
    const stored = String(row!.storedName);
    expect(fs.existsSync(path.join(dir, stored))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${stored}.part`))).toBe(false);

    // Retry: a new job that finishes.
    const retry = await exportOf({ format: 'xlsx' });
    expect(retry.id).not.toBe(id);
    expect((await download(retry.id)).status).toBe(200);
  }, 240_000);
});
