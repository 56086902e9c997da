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
  // A single type's header shows its main field: none of the organization's fields names it.
  'api::organization.organization': 'id',
  'organization.profile': 'issuingBody',
  'plugin::procedure-import.procedure-import': 'fileName',
  'api::synonym.synonym': 'phrases',
};

/** The columns of each list view. */
const LIST_COLUMNS: Record<string, string[]> = {
  'api::unit.unit': ['code', 'name', 'kind', 'active'],
  'api::procedure-field.procedure-field': ['code', 'name', 'sortOrder'],
  'api::legal-document.legal-document': ['symbol', 'title', 'issuer', 'issueDate'],
  'api::procedure.procedure': ['nationalCode', 'name', 'field', 'legalStatus', 'onlineLevel'],
  'api::campaign.campaign': ['title', 'slogan', 'startDate', 'endDate'],
  'api::article.article': ['title', 'kind', 'channel', 'unit', 'campaign'],
  'api::plan.plan': ['year', 'symbol', 'title'],
  'api::plan-task.plan-task': ['code', 'unit', 'form', 'targetCount', 'dueDate'],
  'api::feedback.feedback': ['receivedAt', 'subject', 'kind', 'state', 'handlingUnit', 'dueDate'],
  'api::survey-response.survey-response': ['submittedAt', 'procedure', 'timeliness', 'staffAttitude'],
  'api::holiday.holiday': ['date', 'kind', 'name'],
  'api::synonym.synonym': ['phrases', 'note'],
};

/** Newest first where recency matters. */
const SORT: Record<string, { defaultSortBy: string; defaultSortOrder: 'ASC' | 'DESC' }> = {
  'api::feedback.feedback': { defaultSortBy: 'receivedAt', defaultSortOrder: 'DESC' },
  'api::survey-response.survey-response': { defaultSortBy: 'submittedAt', defaultSortOrder: 'DESC' },
  'api::article.article': { defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
  'api::holiday.holiday': { defaultSortBy: 'date', defaultSortOrder: 'DESC' },
};

// Raise when labels or main fields change, so that existing databases get them once.
// 2: labels of the unit submission, of the article's submission and of the feedback workflow fields.
// 3: the procedure's issuing body and last import (shown, not editable: imports set it).
// 4: the synonyms of the search.
const LAYOUT_VERSION = 4;

/** Fields the edit view shows but does not let anyone change. */
const READ_ONLY: Record<string, string[]> = { 'api::procedure.procedure': ['lastImport'] };

type Metadata = {
  edit?: { label?: string; mainField?: string; editable?: boolean };
  list?: { label?: string };
};
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list?: string[] };
};
type Attribute = { type: string; target?: string };

/**
 * Vietnamese field labels, main fields, list columns and sort orders in the Content Manager. Applied once per LAYOUT_VERSION, so that
 * whatever an administrator changes afterwards in "Configure the view" is kept. The admin (src/admin/app.tsx) also turns these
 * labels and their English twin (content-manager-labels.en.json) into translations, which the edit and list views show first.
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
      if (READ_ONLY[uid]?.includes(field) && metadata.edit) metadata.edit.editable = false;
    }
    if (MAIN_FIELDS[uid]) configuration.settings.mainField = MAIN_FIELDS[uid];
    if (LIST_COLUMNS[uid]) configuration.layouts.list = LIST_COLUMNS[uid];
    Object.assign(configuration.settings, SORT[uid]);
    await service.updateConfiguration(model, configuration);
  }
  await store.set({ key: 'version', value: LAYOUT_VERSION });
}
