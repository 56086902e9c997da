/**
 * What the website may ask of each public type: the attributes it may filter, sort, select, and the relations,
 * components and media it may populate (and where they lead). Anything not listed here is refused with a 400 by
 * `global::published-only`. Private things are never listed: `localizations` (it joins drafts), `createdBy`,
 * `updatedBy`, `unit`, `submission`, media folders and `related`, admin and users-permissions types.
 */
import type { AllowList, QueryEntry, ValueType } from '#domain/public-query';

/** The public content types and their read actions: the public role's permissions come from this list. */
export const PUBLIC_READS = {
  'api::procedure.procedure': ['find', 'findOne'],
  'api::procedure-field.procedure-field': ['find', 'findOne'],
  'api::legal-document.legal-document': ['find', 'findOne'],
  'api::campaign.campaign': ['find', 'findOne'],
  'api::article.article': ['find', 'findOne'],
  'api::plan.plan': ['find', 'findOne'],
  // A plan's tasks are shown with the plan; populate needs read access to them.
  'api::plan-task.plan-task': ['find', 'findOne'],
  'api::organization.organization': ['find'],
} as const;

export const MEDIA = 'plugin::upload.file';

interface ContentSpec {
  fields: string[];
  filter: Record<string, ValueType>;
  sort: string[];
  populate?: Record<string, string>;
}

/**
 * A content type: its listed attributes plus the publication and audit dates every entry shows. `published` is false
 * for a type without draft and publish (plan tasks).
 */
const content = ({ fields, filter, sort, populate = {} }: ContentSpec, published = true): QueryEntry => {
  const dates = published ? ['publishedAt', 'createdAt', 'updatedAt'] : ['createdAt', 'updatedAt'];
  return {
    kind: 'content',
    versioned: published,
    fields: [...fields, 'locale', ...dates],
    filter: { documentId: 'text', ...filter, ...(published ? { publishedAt: 'datetime' } : {}) },
    sort: [...sort, ...dates],
    populate,
  };
};

/**
 * A component: all its values may be selected and filtered; it is never sorted on. Every component here belongs to
 * a versioned type, whose published row has its own copy.
 */
const component = (filter: Record<string, ValueType>, extra: string[] = [], populate = {}): QueryEntry => ({
  kind: 'component',
  versioned: true,
  fields: [...Object.keys(filter), ...extra],
  filter,
  sort: [],
  populate,
});

export const PUBLIC_QUERIES: AllowList = {
  'api::procedure.procedure': content({
    fields: [
      'nationalCode',
      'name',
      'implementingAgency',
      'competentAgency',
      'receivingAddress',
      'subjects',
      'result',
      'requirements',
      'onlineLevel',
      'announcementType',
      'legalStatus',
      'effectiveFrom',
      'effectiveTo',
      'keywords',
      'portalUrl',
      'sampleData',
    ],
    filter: {
      nationalCode: 'text',
      name: 'text',
      onlineLevel: 'text',
      announcementType: 'text',
      legalStatus: 'text',
      effectiveFrom: 'date',
      effectiveTo: 'date',
      sampleData: 'boolean',
    },
    sort: ['nationalCode', 'name', 'onlineLevel', 'legalStatus', 'effectiveFrom', 'effectiveTo'],
    populate: {
      field: 'api::procedure-field.procedure-field',
      levels: 'procedure.level',
      steps: 'procedure.step',
      channels: 'procedure.channel',
      dossier: 'procedure.dossier-item',
      legalBases: 'api::legal-document.legal-document',
      announcingDecision: 'api::legal-document.legal-document',
      previousVersion: 'api::procedure.procedure',
      nextVersion: 'api::procedure.procedure',
    },
  }),
  'api::procedure-field.procedure-field': content({
    fields: ['name', 'code', 'description', 'sortOrder'],
    filter: { name: 'text', code: 'text', sortOrder: 'integer' },
    sort: ['name', 'code', 'sortOrder'],
  }),
  'api::legal-document.legal-document': content({
    fields: ['symbol', 'documentType', 'title', 'issuer', 'issueDate', 'effectiveDate', 'url'],
    filter: {
      symbol: 'text',
      documentType: 'text',
      title: 'text',
      issuer: 'text',
      issueDate: 'date',
      effectiveDate: 'date',
    },
    sort: ['symbol', 'documentType', 'title', 'issueDate', 'effectiveDate'],
  }),
  'api::campaign.campaign': content({
    fields: ['title', 'slug', 'theme', 'slogan', 'description', 'startDate', 'endDate'],
    filter: { title: 'text', slug: 'text', startDate: 'date', endDate: 'date' },
    sort: ['title', 'slug', 'startDate', 'endDate'],
    populate: {
      plan: 'api::plan.plan',
      legalDocuments: 'api::legal-document.legal-document',
      audiences: 'campaign.audience',
      channels: 'campaign.channel-target',
    },
  }),
  'api::article.article': content({
    fields: ['title', 'slug', 'summary', 'body', 'kind', 'channel', 'externalUrl'],
    filter: { title: 'text', slug: 'text', kind: 'text', channel: 'text' },
    sort: ['title', 'slug', 'kind', 'channel'],
    populate: {
      cover: MEDIA,
      media: MEDIA,
      campaign: 'api::campaign.campaign',
      planTask: 'api::plan-task.plan-task',
      procedures: 'api::procedure.procedure',
    },
  }),
  'api::plan.plan': content({
    fields: [
      'title',
      'number',
      'symbol',
      'year',
      'issueDate',
      'issuingBody',
      'signerTitle',
      'signerName',
      'purposes',
      'requirements',
      'recipients',
    ],
    filter: { title: 'text', number: 'integer', symbol: 'text', year: 'integer', issueDate: 'date' },
    sort: ['title', 'number', 'symbol', 'year', 'issueDate'],
    populate: {
      tasks: 'api::plan-task.plan-task',
      campaigns: 'api::campaign.campaign',
      bases: 'plan.basis',
      sections: 'plan.section',
    },
  }),
  'api::plan-task.plan-task': content(
    {
      fields: ['code', 'content', 'form', 'channel', 'targetCount', 'dueDate'],
      filter: { code: 'text', form: 'text', channel: 'text', targetCount: 'integer', dueDate: 'date' },
      sort: ['code', 'form', 'channel', 'targetCount', 'dueDate'],
      populate: { plan: 'api::plan.plan', campaign: 'api::campaign.campaign' },
    },
    false
  ),
  'api::organization.organization': {
    kind: 'content',
    versioned: true,
    fields: ['reportPeriodStart', 'reportPeriodEnd', 'timeZone', 'feedbackRetentionMonths', 'locale'],
    filter: {},
    sort: [],
    populate: {
      profiles: 'organization.profile',
      feedbackDeadlines: 'organization.feedback-deadlines',
      privacyNotice: 'organization.privacy-notice',
    },
  },

  'procedure.level': component({ level: 'text' }),
  'procedure.step': component({ description: 'text' }),
  'procedure.channel': component({
    channel: 'text',
    processingTime: 'text',
    processingDays: 'integer',
    fee: 'text',
    feeAmount: 'integer',
    description: 'text',
  }),
  'procedure.dossier-item': component(
    { caseGroup: 'text', name: 'text', originals: 'integer', copies: 'integer', formTemplateName: 'text' },
    [],
    { formTemplate: MEDIA }
  ),
  'campaign.audience': component({ audience: 'text' }),
  'campaign.channel-target': component({ channel: 'text', target: 'integer' }),
  'plan.basis': component({ text: 'text' }, [], { legalDocument: 'api::legal-document.legal-document' }),
  'plan.section': component({ heading: 'text' }, ['body']),
  'organization.profile': component({
    validFrom: 'date',
    superiorBody: 'text',
    issuingBody: 'text',
    issuingBodyInText: 'text',
    abbreviation: 'text',
    placeName: 'text',
    directorName: 'text',
    directorTitle: 'text',
    reportRecipients: 'text',
    feedbackAddress: 'text',
    feedbackHotline: 'text',
    feedbackEmail: 'text',
    website: 'text',
  }),
  'organization.feedback-deadlines': component({
    classificationDays: 'integer',
    transferDays: 'integer',
    handlingDays: 'integer',
    publicationDays: 'integer',
  }),
  'organization.privacy-notice': component({
    version: 'text',
    purpose: 'text',
    dataKept: 'text',
    retention: 'text',
    contact: 'text',
  }),

  // Media: only what a page needs to show a file; never its folder, uploader or the entries it is related to.
  [MEDIA]: {
    kind: 'media',
    versioned: false,
    fields: ['url', 'name', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime', 'size'],
    filter: {},
    sort: [],
    populate: {},
  },
};
