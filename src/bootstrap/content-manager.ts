import type { Core } from '@strapi/strapi';
import labels from './content-manager-labels.json';

/** The field that names an entry in lists and relation pickers. */
const MAIN_FIELDS: Record<string, string> = {
  'api::unit.unit': 'name',
  'api::procedure-field.procedure-field': 'name',
  'api::legal-document.legal-document': 'symbol',
  'api::procedure.procedure': 'name',
  'api::campaign.campaign': 'title',
  'api::article.article': 'title',
  'api::plan.plan': 'title',
  'api::plan-task.plan-task': 'code',
  'api::feedback.feedback': 'subject',
};

// Raise when labels or main fields change, so that existing databases get them once.
const LAYOUT_VERSION = 1;

type Metadata = { edit?: { label?: string; mainField?: string }; list?: { label?: string } };
type Configuration = { settings: { mainField?: string }; metadatas: Record<string, Metadata> };
type Attribute = { type: string; target?: string };

/**
 * Vietnamese field labels and main fields in the Content Manager. Applied once per LAYOUT_VERSION, so that
 * whatever an administrator changes afterwards in "Configure the view" is kept.
 */
export async function configureContentManager(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'app', name: 'content-manager-layout' });
  if (((await store.get({ key: 'version' })) as number | null) === LAYOUT_VERSION) return;

  const contentManager = strapi.plugin('content-manager');
  for (const [uid, fieldLabels] of Object.entries(labels as Record<string, Record<string, string>>)) {
    const isComponent = !uid.includes('::');
    const model = (isComponent ? strapi.components : strapi.contentTypes)[uid as never] as
      | { uid: string; attributes: Record<string, Attribute> }
      | undefined;
    if (!model) continue;
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const {
      uid: _uid,
      category: _category,
      ...configuration
    } = (await service.findConfiguration(model)) as Configuration & { uid?: string; category?: string };

    for (const [field, metadata] of Object.entries(configuration.metadatas)) {
      const label = fieldLabels[field];
      if (label && metadata.edit) metadata.edit.label = label;
      if (label && metadata.list) metadata.list.label = label;
      const target = model.attributes[field]?.target;
      if (target && MAIN_FIELDS[target] && metadata.edit) metadata.edit.mainField = MAIN_FIELDS[target];
    }
    if (MAIN_FIELDS[uid]) configuration.settings.mainField = MAIN_FIELDS[uid];
    await service.updateConfiguration(model, configuration);
  }
  await store.set({ key: 'version', value: LAYOUT_VERSION });
}
