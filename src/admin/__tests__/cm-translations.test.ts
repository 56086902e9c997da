import fs from 'node:fs';
import path from 'node:path';
import labelsEn from '../../bootstrap/content-manager-labels.en.json';
import labelsVi from '../../bootstrap/content-manager-labels.json';
import {
  buildCmTranslations,
  fieldMessageId,
  INJECT_COLUMN_IN_TABLE,
  INJECT_LIST_VIEW_FILTERS,
  listViewModel,
  translateFilterLabels,
  type FieldLabels,
} from '../cm-translations';
import typeNames from '../translations/content-type-names.json';
import enumLabels from '../translations/enum-labels.json';

const SRC = path.resolve(__dirname, '../..');

interface Schema {
  info: { displayName: string };
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
  attributes: Record<string, { type: string; enum?: string[] }>;
}
interface Model {
  uid: string;
  file: string;
  isComponent: boolean;
  schema: Schema;
}

const read = (file: string): Schema => JSON.parse(fs.readFileSync(file, 'utf8'));
const dirs = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];

/** Every content type and component of the project, as Strapi names them. */
function loadModels(): Model[] {
  const models: Model[] = [];
  for (const api of dirs(path.join(SRC, 'api'))) {
    for (const name of dirs(path.join(SRC, 'api', api, 'content-types'))) {
      const file = path.join(SRC, 'api', api, 'content-types', name, 'schema.json');
      models.push({ uid: `api::${api}.${name}`, file, isComponent: false, schema: read(file) });
    }
  }
  for (const plugin of dirs(path.join(SRC, 'plugins'))) {
    const root = path.join(SRC, 'plugins', plugin, 'server', 'src', 'content-types');
    for (const name of dirs(root)) {
      const file = path.join(root, name, 'schema.json');
      models.push({ uid: `plugin::${plugin}.${name}`, file, isComponent: false, schema: read(file) });
    }
  }
  for (const category of dirs(path.join(SRC, 'components'))) {
    const dir = path.join(SRC, 'components', category);
    for (const entry of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const file = path.join(dir, entry);
      models.push({ uid: `${category}.${entry.slice(0, -5)}`, file, isComponent: true, schema: read(file) });
    }
  }
  return models;
}

const models = loadModels();
/** What the Content Manager shows: every component, and the content types not hidden from it. */
const shown = models.filter(
  (m) => m.isComponent || m.schema.pluginOptions?.['content-manager']?.visible !== false
);
const shownTypes = shown.filter((m) => !m.isComponent);
const vi: FieldLabels = labelsVi;
const en: FieldLabels = labelsEn;

const fieldsOf = (labels: FieldLabels) =>
  Object.entries(labels).flatMap(([uid, fields]) => Object.keys(fields).map((field) => `${uid}.${field}`));

describe('Content Manager field labels', () => {
  it('finds the project schemas', () => {
    expect(shownTypes.map((m) => m.uid)).toEqual(
      expect.arrayContaining(['api::feedback.feedback', 'plugin::unit-submissions.submission'])
    );
    expect(shown.some((m) => m.uid === 'procedure.step')).toBe(true);
  });

  it('gives every Vietnamese label an English one, and the other way round', () => {
    expect(fieldsOf(en).sort()).toEqual(fieldsOf(vi).sort());
  });

  it('labels every field of every content type and component shown, in both languages', () => {
    const missing = shown.flatMap((m) =>
      Object.keys(m.schema.attributes)
        .filter((field) => !vi[m.uid]?.[field]?.trim() || !en[m.uid]?.[field]?.trim())
        .map((field) => `${m.uid}.${field}`)
    );
    expect(missing).toEqual([]);
  });

  it('labels no field that does not exist', () => {
    const known = new Set(
      models.flatMap((m) => Object.keys(m.schema.attributes).map((f) => `${m.uid}.${f}`))
    );
    expect(fieldsOf(vi).filter((f) => !known.has(f))).toEqual([]);
  });
});

describe('enumeration labels', () => {
  const values = new Set(
    shown.flatMap((m) =>
      Object.values(m.schema.attributes).flatMap((a) => (a.type === 'enumeration' ? (a.enum ?? []) : []))
    )
  );
  const labels: Record<string, { vi?: string; en?: string } | undefined> = enumLabels;

  it('labels every value of every enumeration shown, in both languages', () => {
    expect(values.size).toBeGreaterThan(50);
    const missing = [...values].filter((value) => !labels[value]?.vi?.trim() || !labels[value]?.en?.trim());
    expect(missing).toEqual([]);
  });

  it('labels no value that no enumeration shown has', () => {
    expect(Object.keys(labels).filter((value) => !values.has(value))).toEqual([]);
  });
});

describe('content type names', () => {
  const names: Record<string, string | undefined> = typeNames;

  it('names every content type shown in English', () => {
    const missing = shownTypes.filter((m) => !names[m.schema.info.displayName]?.trim()).map((m) => m.uid);
    expect(missing).toEqual([]);
  });

  it('names no content type that is not shown', () => {
    const displayNames = new Set(shownTypes.map((m) => m.schema.info.displayName));
    expect(Object.keys(names).filter((name) => !displayNames.has(name))).toEqual([]);
  });
});

describe('buildCmTranslations', () => {
  const cm = buildCmTranslations({ fieldLabels: { vi, en }, enumLabels, typeNames });

  it('builds the ids the Content Manager asks for', () => {
    expect(cm.vi['content-manager.content-types.api::plan-task.plan-task.code']).toBe('Mã nhiệm vụ');
    expect(cm.en['content-manager.content-types.api::plan-task.plan-task.code']).toBe('Task code');
    expect(cm.en['content-manager.content-types.api::article.article.submission']).toBe('Unit submission');
    expect(cm.vi['content-manager.components.procedure.step.description']).toBe('Nội dung bước');
    expect(cm.en['content-manager.components.procedure.step.description']).toBe('Step description');
    expect(cm.vi.impractical_rule).toBe('Quy định không phù hợp thực tế');
    expect(cm.en.impractical_rule).toBe('Impractical rule');
    expect(cm.en.training).toBe('Training');
    expect(cm.vi['Phản ánh, kiến nghị']).toBe('Phản ánh, kiến nghị');
    expect(cm.en['Phản ánh, kiến nghị']).toBe('Feedback');
  });

  it('has one message per field, value and name', () => {
    expect(Object.keys(cm.en)).toHaveLength(
      fieldsOf(en).length + Object.keys(enumLabels).length + Object.keys(typeNames).length
    );
  });

  it('gives Vietnamese every id English has (the admin falls back to English for a missing one)', () => {
    expect(Object.keys(cm.vi).sort()).toEqual(Object.keys(cm.en).sort());
  });

  it('names component fields by the component id', () => {
    expect(fieldMessageId('organization.profile', 'website')).toBe(
      'content-manager.components.organization.profile.website'
    );
    expect(fieldMessageId('plugin::unit-submissions.submission', 'state')).toBe(
      'content-manager.content-types.plugin::unit-submissions.submission.state'
    );
  });
});

describe('list view filters', () => {
  const cm = buildCmTranslations({ fieldLabels: { vi, en }, enumLabels, typeNames });
  const ids = new Set(Object.keys(cm.en));

  it('reads the content type from the list view path', () => {
    expect(listViewModel('/admin/content-manager/collection-types/api::plan-task.plan-task')).toBe(
      'api::plan-task.plan-task'
    );
    expect(
      listViewModel('/admin/content-manager/collection-types/plugin%3A%3Aunit-submissions.submission/abc')
    ).toBe('plugin::unit-submissions.submission');
    expect(listViewModel('/admin/content-manager/single-types/api::organization.organization')).toBeNull();
    expect(listViewModel('/admin/plugins/oversight')).toBeNull();
  });

  it("names a field's filter by the field's message id, and leaves the others", () => {
    const filters = [
      { name: 'form', label: 'Hình thức' },
      { name: 'createdAt', label: 'createdAt' },
      { name: 'status', label: 'Trạng thái' },
    ];
    expect(translateFilterLabels(filters, 'api::plan-task.plan-task', ids)).toEqual([
      {
        name: 'form',
        label: {
          id: 'content-manager.content-types.api::plan-task.plan-task.form',
          defaultMessage: 'Hình thức',
        },
      },
      { name: 'createdAt', label: 'createdAt' },
      { name: 'status', label: 'Trạng thái' },
    ]);
  });
});

describe('the Content Manager of this Strapi version', () => {
  const dist = (pkg: string, file: string) =>
    fs.readFileSync(require.resolve(`@strapi/${pkg}/package.json`).replace(/package\.json$/, file), 'utf8');

  it('still asks for these ids', () => {
    expect(dist('content-manager', 'dist/admin/pages/EditView/components/FormLayout.mjs')).toContain(
      'id: `content-manager.content-types.${modelUid}.${name}`'
    );
    expect(dist('content-manager', 'dist/admin/pages/ListView/ListViewPage.mjs')).toContain(
      'id: `content-manager.content-types.${model}.${header.name}`'
    );
    expect(
      dist('content-manager', 'dist/admin/pages/EditView/components/FormInputs/Component/Repeatable.mjs')
    ).toContain('id: `content-manager.components.${attributeComponent}.${field.name}`');
    expect(
      dist('content-manager', 'dist/admin/pages/EditView/components/FormInputs/Component/NonRepeatable.mjs')
    ).toContain('id: `content-manager.components.${attribute.component}.${field.name}`');
    expect(dist('admin', 'dist/admin/admin/src/components/FormInputs/Enumeration.mjs')).toMatch(
      /formatMessage\(\{\s*id: value,/
    );
    expect(dist('content-manager', 'dist/admin/components/LeftMenu.mjs')).toMatch(/id: link\.title,/);
  });

  it('has the list view hooks the admin registers', () => {
    const hooks = dist('content-manager', 'dist/admin/constants/hooks.mjs');
    expect(hooks).toContain(`'${INJECT_COLUMN_IN_TABLE}'`);
    expect(hooks).toContain(`'${INJECT_LIST_VIEW_FILTERS}'`);
  });
});
