import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { privateUploadDir } from '../../src/infra/private-files';
import { demo } from '../setup/demo';
import { ROOT } from '../setup/env';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

/** Row count of every table in the database: the strictest "nothing changed". */
async function countAllTables(strapi: Core.Strapi): Promise<Record<string, number>> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const tables: string[] =
    client === 'sqlite'
      ? (
          await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        ).map((r: { name: string }) => r.name)
      : (
          await knex.raw(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
          )
        ).rows.map((r: { name: string }) => r.name);
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const [{ count }] = await knex(table).count({ count: '*' });
    counts[table] = Number(count);
  }
  return counts;
}

const documents = async (strapi: Core.Strapi, uid: string, where: object = {}) =>
  new Set(
    (await strapi.db.query(uid as never).findMany({ where, select: ['documentId'] })).map(
      (r: { documentId: string }) => r.documentId
    )
  ).size;

describe('demo data, loaded by bootstrap on an empty database', () => {
  it('holds the plan with its tasks, bases and cited documents', async () => {
    const plan = demo('plan.json');
    const res = await request(app.server()).get(
      `/api/plans?filters[year][$eq]=${plan.year}&populate[tasks]=true&populate[bases][populate]=legalDocument`
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [stored] = res.body.data;
    expect(stored.title).toBe(plan.vi.title);
    expect(stored.tasks).toHaveLength(plan.tasks.length);
    expect(stored.bases.length).toBe(plan.vi.bases.length);
    expect(stored.bases.some((b: { legalDocument: unknown }) => b.legalDocument)).toBe(true);
  });

  it('holds every legal document, unit, field and campaign', async () => {
    const strapi = app.strapi();
    expect(await documents(strapi, 'api::legal-document.legal-document')).toBe(
      demo('legal-documents.json').length
    );
    expect(await strapi.db.query('api::unit.unit').count()).toBe(demo('units.json').length);
    expect(await documents(strapi, 'api::procedure-field.procedure-field')).toBe(
      demo('procedure-fields.json').length
    );
    expect(await documents(strapi, 'api::campaign.campaign')).toBe(demo('campaigns.json').length);
  });

  it('holds at least 30 sample procedures, with their history', async () => {
    const strapi = app.strapi();
    const procedures = demo('procedures.json');
    expect(procedures.length).toBeGreaterThanOrEqual(30);
    expect(await documents(strapi, 'api::procedure.procedure')).toBe(procedures.length);
    expect(
      await documents(strapi, 'api::procedure.procedure', { legalStatus: 'amended' })
    ).toBeGreaterThanOrEqual(2);
    expect(
      await documents(strapi, 'api::procedure.procedure', { legalStatus: 'abolished' })
    ).toBeGreaterThanOrEqual(1);
    expect(await strapi.db.query('api::procedure.procedure').count({ where: { sampleData: false } })).toBe(0);
  });

  it('holds articles of several kinds, published and draft, and those of approved submissions', async () => {
    const strapi = app.strapi();
    const articles = demo('articles.json');
    const kinds = new Set(articles.map((a: { kind: string }) => a.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    // The current year's submissions that reached approval have their article, published with the submission.
    const reached = (state: string) =>
      demo('current-year.json').submissions.filter((s: { moves: { to: string }[] }) =>
        s.moves.some((m) => m.to === state)
      ).length;
    const published = articles.filter((a: { published: boolean }) => a.published).length;
    expect(await documents(strapi, 'api::article.article', { publishedAt: { $notNull: true } })).toBe(
      published + reached('published')
    );
    expect(await documents(strapi, 'api::article.article')).toBe(articles.length + reached('approved'));
  });

  it('holds feedback in every state and survey responses', async () => {
    const strapi = app.strapi();
    const { attributes } = strapi.contentTypes['api::feedback.feedback'] as unknown as {
      attributes: { state: { enum: string[] } };
    };
    const rows = await strapi.db.query('api::feedback.feedback').findMany({ select: ['state'] });
    expect(new Set(rows.map((r: { state: string }) => r.state))).toEqual(new Set(attributes.state.enum));
    expect(await strapi.db.query('api::survey-response.survey-response').count()).toBe(
      demo('survey-responses.json').length
    );
  });

  it("holds each year's task reports, a check and difficulties, linked to their tasks and units", async () => {
    const strapi = app.strapi();
    const { checks } = demo('oversight.json');
    const [taskReports, difficulties] = ['taskReports', 'difficulties'].map((records) => [
      ...demo('oversight.json')[records],
      ...demo('current-year.json')[records],
    ]);
    const reports = await strapi.db
      .query('plugin::oversight.task-report')
      .findMany({ populate: { unit: { select: ['code'] } } });
    expect(reports).toHaveLength(taskReports.length);
    const tasks = await strapi.db.query('api::plan-task.plan-task').findMany({
      where: {
        locale: 'vi',
        documentId: { $in: reports.map((r: { planTaskDocumentId: string }) => r.planTaskDocumentId) },
      },
      populate: { unit: { select: ['code'] } },
    });
    const unitOfTask = new Map(
      tasks.map((t: { documentId: string; unit: { code: string } }) => [t.documentId, t.unit.code])
    );
    for (const report of reports) expect(report.unit.code).toBe(unitOfTask.get(report.planTaskDocumentId));
    expect(await strapi.db.query('plugin::oversight.check').count()).toBe(checks.length);
    const states = (
      await strapi.db.query('plugin::oversight.difficulty').findMany({ select: ['state'] })
    ).map((d: { state: string }) => d.state);
    expect(states.sort()).toEqual(difficulties.map((d: { state: string }) => d.state).sort());
  });

  it('holds units’ draft submissions, whose attachments are private files, not library files', async () => {
    const strapi = app.strapi();
    for (const entry of demo('submissions.json')) {
      const stored = await strapi.db.query('plugin::unit-submissions.submission').findOne({
        where: { title: entry.title },
        populate: { unit: { select: ['code'] }, attachments: true },
      });
      expect(stored).toMatchObject({ state: 'draft', unit: { code: entry.unit } });
      expect(stored.attachments.map((a: { originalName: string }) => a.originalName)).toEqual(
        entry.attachments.map((a: { name: string }) => a.name)
      );
      for (const attachment of stored.attachments) {
        expect(attachment.mediaFileId).toBeNull();
        expect(fs.existsSync(path.join(privateUploadDir(ROOT), attachment.storedName))).toBe(true);
      }
    }
    const names = demo('submissions.json').flatMap((e: { attachments: { name: string }[] }) =>
      e.attachments.map((a) => a.name)
    );
    expect(await strapi.db.query('plugin::upload.file').count({ where: { name: { $in: names } } })).toBe(0);
  });

  it.each(
    demo('users.json').map((u: { email: string; role: string }) => [u.role, u.email]) as [string, string][]
  )('lets the demo %s %s log in', async (role, email) => {
    const token = await adminLogin(app.server(), email);
    const me = await request(app.server()).get('/admin/users/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    const codes = me.body.data.roles.map((r: { code: string }) => r.code);
    expect(codes).toContain(role === 'super-admin' ? 'strapi-super-admin' : role);
  });

  it('refuses a wrong password', async () => {
    const res = await request(app.server())
      .post('/admin/login')
      .send({ email: demo('users.json')[0].email, password: 'not-the-password-1A' });
    expect(res.status).toBe(400);
  });
});

describe('npm run seed:demo', () => {
  it('changes nothing when run again', async () => {
    const strapi = app.strapi();
    const before = await countAllTables(strapi);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemo } = require('../../dist/src/seed');
    const report = await seedDemo(strapi);
    expect(report.created).toEqual({});
    expect(await countAllTables(strapi)).toEqual(before);
  });
});
