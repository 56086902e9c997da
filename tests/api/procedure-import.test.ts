/**
 * Issue 15's preview against a real catalogue: what importing the portal's list would create, change (exactly the
 * fields that differ) or leave, on the seeded demo database, writing nothing; and the CLI's argument refusals.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();
const UID = 'api::procedure.procedure';
const LIST = readFileSync(join(__dirname, '../fixtures/national-portal/danh-sach-tthc-bo-tu-phap.xlsx'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const service = () => strapi().service('api::procedure.procedure-import') as any;

async function preview(bytes = LIST) {
  const result = await service().preview(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result.preview;
}

async function publishedProcedure(nationalCode: string, name: string, fieldName: string) {
  const field =
    (await strapi()
      .db.query('api::procedure-field.procedure-field')
      .findOne({ where: { name: fieldName } })) ??
    (await strapi()
      .documents('api::procedure-field.procedure-field')
      .create({
        locale: 'vi',
        data: { name: fieldName, code: `f-${nationalCode.replace('.', '-')}` } as never,
      }));
  const created = await strapi()
    .documents(UID)
    .create({
      locale: 'vi',
      data: {
        nationalCode,
        name,
        implementingAgency: 'Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp',
        subjects: 'Công dân',
        onlineLevel: 'not_online',
        field: field.documentId,
        levels: [{ level: 'province' }],
      } as never,
    });
  await strapi().documents(UID).publish({ documentId: created.documentId, locale: 'vi' });
  return created.documentId as string;
}

describe('the import preview', () => {
  it('finds every procedure of the Justice list new in the demo catalogue, and writes nothing', async () => {
    const before = await strapi().db.query(UID).count();
    const result = await preview();
    expect(result.rows).toHaveLength(271);
    expect(result.rows.every((row: { status: string }) => row.status === 'new')).toBe(true);
    expect(result.refused).toEqual([]);
    expect(await strapi().db.query(UID).count()).toBe(before);
  });

  it('shows exactly the fields that differ, the default mode of a published procedure, and the missing', async () => {
    const changed = await publishedProcedure('1.014966', 'Tên cũ của thủ tục Quản tài viên', 'Quản tài viên');
    const absent = await publishedProcedure('1.999966', 'Thủ tục không còn trong danh sách', 'Quản tài viên');
    const result = await preview();
    const row = result.rows.find((r: { nationalCode: string }) => r.nationalCode === '1.014966');
    expect(row).toMatchObject({
      status: 'changed',
      documentId: changed,
      published: true,
      defaultMode: 'correction',
      changes: [
        {
          field: 'name',
          before: 'Tên cũ của thủ tục Quản tài viên',
          after: 'Cấp lại chứng chỉ hành nghề Quản tài viên trong trường hợp bị thu hồi chứng chỉ hành nghề',
        },
      ],
    });
    expect(result.missing).toEqual([
      {
        documentId: absent,
        nationalCode: '1.999966',
        name: 'Thủ tục không còn trong danh sách',
        field: 'Quản tài viên',
      },
    ]);
  });

  it('refuses a file that is not a list, with a bilingual reason', async () => {
    const result = await service().preview(Buffer.from('Mã số,Tên\n1.000001,x\n'));
    expect(result).toMatchObject({ ok: false, problem: 'unsupported_type' });
    expect(result.message.en).toMatch(/Excel/);
  });
});

describe('npm run procedures:import', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(__dirname, '../../scripts/procedures-import.js'), ...args], {
      encoding: 'utf8',
    });

  it.each([
    [[], /a file is needed/],
    [['list.xlsx'], /--dry-run/],
    [['list.xlsx', '--dry-run', '--level', 'district-ish'], /--level must be one of/],
    [['list.xlsx', '--dry-run', '--agency'], /--agency needs a value/],
    [['list.xlsx', '--dry-run', '--apply-everything'], /unknown option/],
    [['no-such-file.xlsx', '--dry-run'], /cannot read/],
  ])('exits 2 on %p, saying why', (args, why) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(why);
  });
});
