import request from 'supertest';
import { demo } from '../setup/demo';
import { fullAccessToken } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
let token: string;
const auth = () => ({ Authorization: `Bearer ${token}` });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

beforeAll(async () => {
  token = await fullAccessToken(app.strapi());
});

async function documentIdOf(path: string, filter: string) {
  const res = await request(app.server()).get(`${path}?${filter}`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data[0].documentId as string;
}

const POPULATE =
  'populate[field]=true&populate[levels]=true&populate[steps]=true&populate[channels]=true' +
  '&populate[dossier]=true&populate[legalBases]=true&populate[announcingDecision]=true&populate[previousVersion]=true';

function newProcedure(fieldId: string, legalIds: string[], code = '9.990001'): Entry {
  return {
    nationalCode: code,
    name: 'Cấp giấy phép xả nước thải vào công trình thủy lợi (thử nghiệm)',
    field: fieldId,
    levels: [{ level: 'province' }],
    implementingAgency: 'Sở Tài nguyên và Môi trường',
    subjects: 'Tổ chức, cá nhân',
    steps: [{ description: 'Bước 1: Nộp hồ sơ.' }, { description: 'Bước 2: Thẩm định và trả kết quả.' }],
    channels: [
      {
        channel: 'in_person',
        processingTime: '20 ngày làm việc',
        processingDays: 20,
        fee: '1.000.000 đồng',
        feeAmount: 1000000,
      },
      { channel: 'online', processingTime: '18 ngày làm việc', processingDays: 18 },
    ],
    dossier: [
      {
        caseGroup: 'Cấp mới',
        name: 'Đơn đề nghị cấp giấy phép',
        originals: 1,
        copies: 0,
        formTemplateName: 'Mẫu 01.docx',
      },
      { caseGroup: 'Cấp mới', name: 'Báo cáo hiện trạng xả nước thải', originals: 1, copies: 1 },
    ],
    result: 'Giấy phép xả nước thải',
    legalBases: legalIds,
    announcingDecision: legalIds[0],
    onlineLevel: 'partly_online',
    legalStatus: 'in_force',
    effectiveFrom: '2021-01-01',
    keywords: 'xả thải, giấy phép',
    sampleData: true,
  };
}

describe('a procedure through the content API', () => {
  let fieldId: string;
  let legalIds: string[];
  let created: Entry;

  beforeAll(async () => {
    fieldId = await documentIdOf('/api/procedure-fields', 'filters[code][$eq]=moi-truong');
    const symbols = demo('legal-documents.json')
      .slice(0, 2)
      .map((d: Entry) => d.symbol);
    legalIds = await Promise.all(
      symbols.map((s: string) =>
        documentIdOf('/api/legal-documents', `filters[symbol][$eq]=${encodeURIComponent(s)}`)
      )
    );
  });

  it('is created with its components and relations', async () => {
    const res = await request(app.server())
      .post(`/api/procedures?${POPULATE}`)
      .set(auth())
      .send({ data: newProcedure(fieldId, legalIds) });
    expect(res.status).toBe(201);
    created = res.body.data;
    expect(created.locale).toBe('vi');
  });

  it('reads back identical, publicly, components in order and relations resolved', async () => {
    const res = await request(app.server()).get(`/api/procedures/${created.documentId}?${POPULATE}`);
    expect(res.status).toBe(200);
    const p = res.body.data;
    expect(p.nationalCode).toBe('9.990001');
    expect(p.field.documentId).toBe(fieldId);
    expect(p.levels.map((l: Entry) => l.level)).toEqual(['province']);
    expect(p.steps.map((s: Entry) => s.description)).toEqual([
      'Bước 1: Nộp hồ sơ.',
      'Bước 2: Thẩm định và trả kết quả.',
    ]);
    expect(p.channels.map((c: Entry) => [c.channel, c.processingDays])).toEqual([
      ['in_person', 20],
      ['online', 18],
    ]);
    expect(Number(p.channels[0].feeAmount)).toBe(1000000);
    expect(p.dossier[0]).toMatchObject({
      caseGroup: 'Cấp mới',
      originals: 1,
      copies: 0,
      formTemplateName: 'Mẫu 01.docx',
    });
    expect(p.legalBases.map((d: Entry) => d.documentId).sort()).toEqual([...legalIds].sort());
    expect(p.announcingDecision.documentId).toBe(legalIds[0]);
  });

  it('refuses a malformed national code, field by field', async () => {
    const res = await request(app.server())
      .post('/api/procedures')
      .set(auth())
      .send({ data: { ...newProcedure(fieldId, legalIds, '1.23'), onlineLevel: 'level-4' } });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const paths = res.body.error.details.errors.map((e: Entry) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['nationalCode', 'onlineLevel']));
  });

  it('refuses a second version in force that does not name the one it amends', async () => {
    const res = await request(app.server())
      .post('/api/procedures')
      .set(auth())
      .send({ data: newProcedure(fieldId, legalIds) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['nationalCode']);
    const count = await app
      .strapi()
      .db.query('api::procedure.procedure')
      .count({ where: { nationalCode: '9.990001' } });
    expect(count).toBe(2); // the first one, draft and published
  });

  it('amends by adding a version: the old one is kept, frozen and dated', async () => {
    const amended = {
      ...newProcedure(fieldId, legalIds),
      effectiveFrom: '2022-07-01',
      announcementType: 'amended',
      previousVersion: created.documentId,
      channels: [{ channel: 'online', processingTime: '15 ngày làm việc', processingDays: 15 }],
    };
    const res = await request(app.server())
      .post(`/api/procedures?${POPULATE}`)
      .set(auth())
      .send({ data: amended });
    expect(res.status).toBe(201);
    expect(res.body.data.previousVersion.documentId).toBe(created.documentId);

    const old = await request(app.server()).get(`/api/procedures/${created.documentId}?populate=channels`);
    expect(old.body.data.legalStatus).toBe('amended');
    expect(old.body.data.effectiveTo).toBe('2022-06-30');
    expect(old.body.data.channels).toHaveLength(2);

    const inForce = await request(app.server()).get(
      '/api/procedures?filters[nationalCode][$eq]=9.990001&filters[legalStatus][$eq]=in_force'
    );
    expect(inForce.body.data.map((p: Entry) => p.documentId)).toEqual([res.body.data.documentId]);
  });

  it('does not let the old version be overwritten or deleted', async () => {
    const update = await request(app.server())
      .put(`/api/procedures/${created.documentId}`)
      .set(auth())
      .send({ data: { name: 'Overwritten' } });
    expect(update.status).toBe(400);
    expect(update.body.error.name).toBe('ValidationError');
    expect(update.body.error.details.errors[0].path).toEqual(['legalStatus']);

    const remove = await request(app.server()).delete(`/api/procedures/${created.documentId}`).set(auth());
    expect(remove.status).toBe(400);

    const old = await request(app.server()).get(`/api/procedures/${created.documentId}`);
    expect(old.body.data.name).toBe(newProcedure(fieldId, legalIds).name);
  });

  it('keeps the demo history: each amended demo version points to its successor', async () => {
    const amended = demo('procedures.json').filter((p: Entry) => p.legalStatus === 'amended');
    for (const version of amended) {
      const res = await request(app.server()).get(
        `/api/procedures?filters[nationalCode][$eq]=${version.nationalCode}&sort=effectiveFrom:asc&populate=previousVersion`
      );
      const [first, second] = res.body.data;
      expect(first.legalStatus).toBe('amended');
      expect(second.previousVersion.documentId).toBe(first.documentId);
    }
  });
});
