/**
 * Issue 14: memberships moved from the unit-submissions plugin (plugin::unit-submissions.membership) into the core
 * unit API (api::unit.membership) on the same table, unit_memberships. Memberships made by 70d7991, the last
 * commit with the plugin's, survive the upgrade to this code: the rows, the unit-access answers and what a unit
 * editor may reach.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { unitAccess } from '../../src/api/unit/services/access';
import { adminLogin } from '../setup/http';
import { useUpgradeFrom } from '../setup/old-app';

const PASSWORD = 'Upgrade@12345';
const EDITOR = 'editor@upgrade.example';
const OTHER = 'other@upgrade.example';

type Row = { user_id: number; unit_id: number; document_id: string };
const membershipRows = async (strapi: Core.Strapi) =>
  (await strapi.db
    .connection('unit_memberships')
    .select('id', 'document_id', 'user_id', 'unit_id')
    .orderBy('id')) as Row[];

const app = useUpgradeFrom('70d7991', async (old) => {
  const unit = async (code: string, sortOrder: number) =>
    (await old.documents('api::unit.unit').create({
      data: { name: `Đơn vị ${code}`, code, kind: 'division', active: true, sortOrder },
    })) as unknown as { id: number };
  const [a, b, c] = await Promise.all([unit('U-A', 1), unit('U-B', 2), unit('U-C', 3)]);
  const role = await old.db.query('admin::role').findOne({ where: { code: 'unit-editor' } });
  const user = async (email: string) =>
    old.db.query('admin::user').create({
      data: {
        email,
        firstname: 'Biên tập',
        lastname: 'Đơn vị',
        password: await old.service('admin::auth').hashPassword(PASSWORD),
        isActive: true,
        blocked: false,
        roles: [role.id],
      },
    });
  const editor = await user(EDITOR);
  const other = await user(OTHER);
  // Through the old plugin's own service, as its memberships page did.
  const memberships = old.plugin('unit-submissions').service('memberships');
  await memberships.set(editor.id, [a.id]);
  await memberships.set(other.id, [a.id, b.id]);
  return {
    units: { a: a.id, b: b.id, c: c.id },
    users: { editor: editor.id as number, other: other.id as number },
    rows: await membershipRows(old),
  };
});

describe('memberships made by 70d7991', () => {
  it('keep their rows in unit_memberships, now the core content type api::unit.membership', async () => {
    const strapi = app.strapi();
    expect(strapi.getModel('api::unit.membership' as never)).toMatchObject({
      collectionName: 'unit_memberships',
    });
    expect(strapi.getModel('plugin::unit-submissions.membership' as never)).toBeUndefined();
    const rows = await membershipRows(strapi);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(app.made().rows);
  });

  it('answer the same through the unit-access service', async () => {
    const strapi = app.strapi();
    const { units, users } = app.made();
    const access = unitAccess(strapi);
    expect(await access.unitIdsOf(users.editor)).toEqual([units.a]);
    expect((await access.unitIdsOf(users.other)).sort()).toEqual([units.a, units.b].sort());
    expect((await access.userIdsOf(units.a)).sort()).toEqual([users.editor, users.other].sort());
    expect(await access.userIdsOf(units.c)).toEqual([]);

    const editor = await strapi.db
      .query('admin::user')
      .findOne({ where: { id: users.editor }, populate: ['roles'] });
    const ability = await strapi.service('admin::permission').engine.generateUserAbility(editor);
    expect(
      await access.of(editor, ability, { readAll: ['plugin::unit-submissions.read-all'] })
    ).toMatchObject({
      unitIds: [units.a],
      isSuperAdmin: false,
      readAll: false,
    });
  });

  it("still scope a unit editor's admin to its units", async () => {
    const { units } = app.made();
    const token = await adminLogin(app.server(), EDITOR, PASSWORD);
    const auth = { Authorization: `Bearer ${token}` };

    // The submissions page offers the editor's units only.
    const options = await request(app.server()).get('/unit-submissions/options').set(auth);
    expect(options.status).toBe(200);
    expect(options.body.data.units.map((u: { id: number }) => u.id)).toEqual([units.a]);

    // The Content Manager's unit list, under the is-my-unit condition.
    const list = await request(app.server())
      .get('/content-manager/collection-types/api::unit.unit')
      .set(auth);
    expect(list.status).toBe(200);
    expect(list.body.results.map((u: { code: string }) => u.code)).toEqual(['U-A']);
  });
});
