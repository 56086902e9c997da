/**
 * Issue 14: the oversight plugin's `inspection` became `check` (plugin::oversight.check, table oversight_checks;
 * routes /oversight/checks). database/migrations/2026.12.06T00.00.00.issue-14-names.js moves the rows in place
 * before Strapi's schema sync. Checks recorded through 70d7991's routes survive the upgrade to this code: their
 * rows and ids, their unit, what the routes answer, and new checks go on from there.
 */
import request from 'supertest';
import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import { adminLogin } from '../setup/http';
import { useUpgradeFrom } from '../setup/old-app';

const PASSWORD = 'Upgrade@12345';
const OFFICE = 'office@upgrade.example';
const EDITOR = 'editor@upgrade.example';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const checkRows = async (strapi: Core.Strapi, table: string) =>
  (await strapi.db
    .connection(table)
    .select('id', 'document_id', 'date', 'findings', 'follow_ups', 'inspector_id', 'inspector_name')
    .orderBy('id')) as Row[];

const linkRows = async (strapi: Core.Strapi, table: string, column: string) =>
  ((await strapi.db.connection(table).select(column, 'unit_id').orderBy(column)) as Row[]).map((row) => ({
    check: row[column],
    unit: row.unit_id,
  }));

const as = (server: Server, token: string) => ({
  get: (url: string) =>
    request(server)
      .get(`/oversight${url}`)
      .set({ Authorization: `Bearer ${token}` }),
  post: (url: string, body: object) =>
    request(server)
      .post(`/oversight${url}`)
      .set({ Authorization: `Bearer ${token}` })
      .send(body),
});

const app = useUpgradeFrom('70d7991', async (old) => {
  const unit = async (code: string, sortOrder: number) =>
    (await old.documents('api::unit.unit').create({
      data: { name: `Đơn vị ${code}`, code, kind: 'division', active: true, sortOrder },
    })) as unknown as { id: number; documentId: string };
  const [a, b] = [await unit('U-A', 1), await unit('U-B', 2)];
  const user = async (email: string, role: string) =>
    old.db.query('admin::user').create({
      data: {
        email,
        firstname: 'Kiểm',
        lastname: 'Tra',
        password: await old.service('admin::auth').hashPassword(PASSWORD),
        isActive: true,
        blocked: false,
        roles: [(await old.db.query('admin::role').findOne({ where: { code: role } })).id],
      },
    });
  await user(OFFICE, 'office');
  const editor = await user(EDITOR, 'unit-editor');
  await old.plugin('unit-submissions').service('memberships').set(editor.id, [a.id]);

  // Through the old routes, as the Office recorded them.
  const office = as(old.server.httpServer, await adminLogin(old.server.httpServer, OFFICE, PASSWORD));
  const recorded = [];
  for (const [unitId, date, findings, followUps] of [
    [a.id, '2021-09-15', 'Đã niêm yết đủ thủ tục tại bộ phận một cửa.', 'Gửi 02 tin, bài trước 30/9.'],
    [b.id, '2021-10-02', 'Chưa cập nhật chuyên mục hỏi đáp.', null],
    [a.id, '2021-11-20', 'Đã khắc phục các tồn tại của lần trước.', null],
  ] as const) {
    const res = await office.post('/inspections', { data: { unit: unitId, date, findings, followUps } });
    if (res.status !== 201)
      throw new Error(`old POST /inspections: ${res.status} ${JSON.stringify(res.body)}`);
    recorded.push(res.body.data as Row);
  }
  return {
    units: { a: a.id, b: b.id },
    recorded,
    listed: (await office.get('/inspections')).body as Row,
    rows: await checkRows(old, 'oversight_inspections'),
    links: await linkRows(old, 'oversight_inspections_unit_lnk', 'inspection_id'),
  };
});

describe('checks recorded by 70d7991', () => {
  it('keep their rows, ids and units in oversight_checks, now plugin::oversight.check', async () => {
    const strapi = app.strapi();
    expect(strapi.getModel('plugin::oversight.check' as never)).toMatchObject({
      collectionName: 'oversight_checks',
    });
    expect(strapi.getModel('plugin::oversight.inspection' as never)).toBeUndefined();
    const hasTable = (table: string) => strapi.db.connection.schema.hasTable(table);
    expect(await hasTable('oversight_inspections')).toBe(false);
    expect(await hasTable('oversight_inspections_unit_lnk')).toBe(false);

    const { rows, links } = app.made();
    expect(rows).toHaveLength(3);
    expect(await checkRows(strapi, 'oversight_checks')).toEqual(rows);
    expect(await linkRows(strapi, 'oversight_checks_unit_lnk', 'check_id')).toEqual(links);
  });

  it('answer the Office on /checks as they answered on /inspections', async () => {
    const office = as(app.server(), await adminLogin(app.server(), OFFICE, PASSWORD));
    const res = await office.get('/checks');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(app.made().listed);
    expect(res.body.results.map((r: Row) => r.findings)).toEqual(
      [...app.made().recorded].reverse().map((r) => r.findings)
    );
    expect((await office.get('/inspections')).status).toBe(404);
  });

  it("still scope a unit editor to its unit's checks", async () => {
    const editor = as(app.server(), await adminLogin(app.server(), EDITOR, PASSWORD));
    const res = await editor.get('/checks');
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Row) => r.unit.id)).toEqual([app.made().units.a, app.made().units.a]);
  });

  it('go on with new checks after them', async () => {
    const office = as(app.server(), await adminLogin(app.server(), OFFICE, PASSWORD));
    const res = await office.post('/checks', {
      data: { unit: app.made().units.b, date: '2021-12-01', findings: 'Đã cập nhật chuyên mục hỏi đáp.' },
    });
    expect(res.status).toBe(201);
    const rows = await checkRows(app.strapi(), 'oversight_checks');
    expect(rows).toHaveLength(4);
    expect(rows[3].id).toBeGreaterThan(Math.max(...app.made().rows.map((r) => r.id)));
    expect(rows[3].document_id).toBe(res.body.data.documentId);
    expect(await linkRows(app.strapi(), 'oversight_checks_unit_lnk', 'check_id')).toContainEqual({
      check: rows[3].id,
      unit: app.made().units.b,
    });
  });

  it('carry their admin records to the new uid', async () => {
    const knex = app.strapi().db.connection;
    const subjects = (await knex('admin_permissions').distinct('subject')).map((r: Row) => r.subject);
    expect(subjects).not.toContain('plugin::oversight.inspection');
    expect(subjects).not.toContain('plugin::unit-submissions.event');
    const keys = (
      await knex('strapi_core_store_settings').where('key', 'like', '%::plugin::oversight.%').select('key')
    ).map((r: Row) => r.key);
    expect(keys).toContain('plugin_content_manager_configuration_content_types::plugin::oversight.check');
    expect(keys).not.toContain(
      'plugin_content_manager_configuration_content_types::plugin::oversight.inspection'
    );
  });
});
