import request from 'supertest';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

const CONTENT_TYPES: Record<string, { kind: string; draftAndPublish: boolean; localized: boolean }> = {
  'api::unit.unit': { kind: 'collectionType', draftAndPublish: false, localized: false },
  'api::procedure-field.procedure-field': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::legal-document.legal-document': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::procedure.procedure': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::campaign.campaign': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::article.article': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::plan.plan': { kind: 'collectionType', draftAndPublish: true, localized: true },
  'api::plan-task.plan-task': { kind: 'collectionType', draftAndPublish: false, localized: true },
  'api::feedback.feedback': { kind: 'collectionType', draftAndPublish: false, localized: false },
  'api::survey-response.survey-response': {
    kind: 'collectionType',
    draftAndPublish: false,
    localized: false,
  },
  'api::organization.organization': { kind: 'singleType', draftAndPublish: true, localized: true },
};

describe('schema', () => {
  it.each(Object.entries(CONTENT_TYPES))('%s is loaded as designed', (uid, expected) => {
    const model = app.strapi().contentTypes[uid as never] as {
      kind: string;
      options: { draftAndPublish: boolean };
      pluginOptions?: { i18n?: { localized?: boolean } };
    };
    expect(model).toBeDefined();
    expect(model.kind).toBe(expected.kind);
    expect(model.options.draftAndPublish).toBe(expected.draftAndPublish);
    expect(model.pluginOptions?.i18n?.localized ?? false).toBe(expected.localized);
  });

  it('loads the procedure components', () => {
    for (const uid of ['procedure.level', 'procedure.step', 'procedure.channel', 'procedure.dossier-item']) {
      expect(app.strapi().components[uid as never]).toBeDefined();
    }
  });

  it('keeps the submitter of a feedback private', () => {
    const { attributes } = app.strapi().contentTypes['api::feedback.feedback'] as unknown as {
      attributes: Record<string, { private?: boolean }>;
    };
    for (const field of [
      'fullName',
      'address',
      'phone',
      'email',
      'attachments',
      'consent',
      'trackingCodeHash',
    ]) {
      expect(attributes[field].private).toBe(true);
    }
  });

  it('has Vietnamese as default locale and English as second', async () => {
    const locales = await app.strapi().plugin('i18n').service('locales').find();
    const codes = locales.map((l: { code: string }) => l.code).sort();
    expect(codes).toEqual(['en', 'vi']);
    expect(await app.strapi().plugin('i18n').service('locales').getDefaultLocale()).toBe('vi');
  });

  it('creates the product admin roles', async () => {
    const roles = await app
      .strapi()
      .db.query('admin::role')
      .findMany({ select: ['code'] });
    expect(roles.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['it-center-editor', 'office', 'director', 'unit-editor'])
    );
  });

  it('labels fields in Vietnamese in the Content Manager', async () => {
    const configuration = await app
      .strapi()
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'api::procedure.procedure' });
    expect(configuration.metadatas.nationalCode.edit.label).toBe('Mã thủ tục (CSDLQG)');
    expect(configuration.settings.mainField).toBe('name');
    // The import that last wrote the procedure is shown by its file name, and only imports change it.
    expect(configuration.metadatas.lastImport.edit).toMatchObject({
      label: 'Lần nhập gần nhất từ CSDL quốc gia',
      mainField: 'fileName',
      editable: false,
    });
    expect(configuration.layouts.list).toEqual([
      'nationalCode',
      'name',
      'field',
      'legalStatus',
      'onlineLevel',
    ]);
  });
});

describe('public access', () => {
  it.each([
    '/api/procedures',
    '/api/procedure-fields',
    '/api/legal-documents',
    '/api/campaigns',
    '/api/articles',
    '/api/plans',
    '/api/plan-tasks',
    '/api/organization',
  ])('reads %s', async (path) => {
    const res = await request(app.server()).get(path);
    expect(res.status).toBe(200);
  });

  it.each(['/api/units', '/api/holidays', '/api/upload/files', '/api/users'])(
    'is refused %s',
    async (path) => {
      const res = await request(app.server()).get(path);
      expect(res.status).toBe(403);
    }
  );

  it.each(['/api/feedbacks', '/api/survey-responses', '/api/feedback-attachments'])(
    'has no list route for %s',
    async (path) => {
      const res = await request(app.server()).get(path);
      expect(res.status).toBe(404);
      expect(res.body.data).toBeNull();
    }
  );

  it('cannot write anything', async () => {
    const res = await request(app.server())
      .post('/api/articles')
      .send({ data: { title: 'x', kind: 'news', channel: 'website' } });
    expect(res.status).toBe(403);
  });

  it('cannot reach admin users through populate or filters', async () => {
    const populate = await request(app.server()).get('/api/articles?populate[createdBy]=*');
    expect(populate.status).toBe(400);
    expect(populate.body.error.name).toBe('ValidationError');
    const filter = await request(app.server()).get('/api/articles?filters[updatedBy][email][$contains]=a');
    expect(filter.status).toBe(400);
  });

  it('rejects unknown query parameters (strict params)', async () => {
    const res = await request(app.server()).get('/api/articles?foo=bar');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});
