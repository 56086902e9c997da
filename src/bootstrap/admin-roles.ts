import type { Core } from '@strapi/strapi';
import annualReportActions from '#annual-report/config/actions';
import { PLUGIN_ID as ANNUAL_REPORT } from '#annual-report/permissions';
import feedbackRegisterActions from '#feedback-register/config/actions';
import { PLUGIN_ID as FEEDBACK_REGISTER } from '#feedback-register/permissions';
import oversightActions from '#oversight/config/actions';
import { PLUGIN_ID as OVERSIGHT } from '#oversight/permissions';
import procedureImportActions from '#procedure-import/config/actions';
import { PLUGIN_ID as PROCEDURE_IMPORT } from '#procedure-import/permissions';
import unitSubmissionsActions from '#unit-submissions/config/actions';
import { PLUGIN_ID as UNIT_SUBMISSIONS } from '#unit-submissions/permissions';
import { actionsOfRole, type PluginActions, type RoleCode } from '#utils/admin-actions';
import widgetsActions from '#widgets/config/actions';
import { PLUGIN_ID as WIDGETS } from '#widgets/permissions';

/**
 * The product's admin roles. Each is created once with the permissions below, plus the plugin actions whose `roles`
 * name it (each plugin's server/src/config/actions.ts). When ROLES_VERSION rises (a release adds capabilities), the
 * permissions a role lacks are added; nothing a super admin changed is removed.
 */
const ROLES_VERSION = 8;

type Access = 'read' | 'edit' | 'publish';

interface ContentTypeAccess {
  access: Access;
  exceptFields?: string[];
  conditions?: string[];
  /** Some actions only, e.g. no delete. */
  only?: string[];
}

interface RoleDefinition {
  code: RoleCode;
  name: string;
  description: string;
  contentTypes: Record<string, ContentTypeAccess>;
  upload: 'none' | 'own' | 'read' | 'manage';
}

export const PERSONAL_FEEDBACK_FIELDS = ['fullName', 'address', 'phone', 'email', 'attachments', 'consent'];
const SUBMISSION = 'plugin::unit-submissions.submission';
const IN_MY_UNITS = 'plugin::unit-submissions.in-my-units';
const IS_MY_UNIT = 'plugin::unit-submissions.is-my-unit';
const WORKFLOW_FIELDS = ['state', 'version', 'assignee', 'article', 'publicUrl', 'submittedAt', 'dueDate'];
/** Where each role's plugin actions come from: the `roles` of every action in these lists. */
const PLUGIN_ACTIONS: PluginActions[] = [
  { pluginId: UNIT_SUBMISSIONS, actions: unitSubmissionsActions },
  { pluginId: FEEDBACK_REGISTER, actions: feedbackRegisterActions },
  { pluginId: OVERSIGHT, actions: oversightActions },
  { pluginId: ANNUAL_REPORT, actions: annualReportActions },
  { pluginId: PROCEDURE_IMPORT, actions: procedureImportActions },
  { pluginId: WIDGETS, actions: widgetsActions },
];

/** A content type a role may not open at all. */
const NONE = null;
/** The Director reads feedback without the submitters' personal data. */
const WITHOUT_PERSONAL_DATA: ContentTypeAccess = { access: 'read', exceptFields: PERSONAL_FEEDBACK_FIELDS };
/** A unit editor's own units only, so that every unit picker offers only those. */
const OWN_UNITS: ContentTypeAccess = { access: 'read', conditions: [IS_MY_UNIT] };
/** The articles a unit drafts and its submissions: only those of the user's units (RBAC condition), no delete. */
const UNIT_DRAFTS: ContentTypeAccess = {
  access: 'edit',
  only: ['read', 'create', 'update'],
  conditions: [IN_MY_UNITS],
};

type Grant = Access | ContentTypeAccess | typeof NONE;
type AccessRow = [subject: string, itCenter: Grant, office: Grant, director: Grant, unitEditor: Grant];

/**
 * What each role may do with each content type. A row per content type, in the order its permissions are made;
 * a column per role, in the order of ROLES below.
 */
const CONTENT_ACCESS: AccessRow[] = [
  ['api::procedure.procedure', 'publish', 'read', 'read', 'read'],
  ['api::procedure-field.procedure-field', 'publish', 'read', 'read', 'read'],
  ['api::legal-document.legal-document', 'publish', 'read', 'read', 'read'],
  ['api::campaign.campaign', 'publish', 'read', 'read', 'read'],
  ['api::plan.plan', 'read', 'publish', 'read', 'read'],
  ['api::plan-task.plan-task', 'read', 'edit', 'read', 'read'],
  ['api::unit.unit', 'read', 'edit', 'read', OWN_UNITS],
  ['api::organization.organization', 'read', 'publish', 'read', 'read'],
  ['api::holiday.holiday', 'read', 'edit', 'read', 'read'],
  ['api::synonym.synonym', 'edit', 'read', NONE, NONE],
  ['api::article.article', 'publish', 'read', 'read', { ...UNIT_DRAFTS, exceptFields: ['submission'] }],
  // The Office reads feedback only: it moves through the register's workflow, never by editing fields.
  ['api::feedback.feedback', NONE, 'read', WITHOUT_PERSONAL_DATA, NONE],
  ['api::survey-response.survey-response', NONE, 'read', 'read', NONE],
  [SUBMISSION, 'read', 'read', 'read', { ...UNIT_DRAFTS, exceptFields: WORKFLOW_FIELDS }],
];

const ROLES: Omit<RoleDefinition, 'contentTypes'>[] = [
  {
    code: 'it-center-editor',
    name: 'Biên tập viên Trung tâm CNTT',
    description:
      'IT Center editor: reviews what units submit, edits and publishes articles, procedures and campaigns.',
    upload: 'manage',
  },
  {
    code: 'office',
    name: 'Văn phòng Sở',
    description:
      'Department Office: manages the plan and its tasks, oversees every unit and handles feedback.',
    upload: 'read',
  },
  {
    code: 'director',
    name: 'Giám đốc Sở',
    description: 'Director: reads everything; sees no personal data of feedback submitters.',
    upload: 'read',
  },
  {
    code: 'unit-editor',
    name: 'Biên tập viên đơn vị',
    description: "Unit editor: reads the plan and reference content; works on its own units' material only.",
    upload: 'own',
  },
];

export const ROLE_DEFINITIONS: RoleDefinition[] = ROLES.map((role, column) => ({
  ...role,
  contentTypes: Object.fromEntries(
    CONTENT_ACCESS.flatMap(([subject, ...grants]) => {
      const grant = grants[column];
      return grant ? [[subject, typeof grant === 'string' ? { access: grant } : grant]] : [];
    })
  ),
}));

const CM = 'plugin::content-manager.explorer';
const ACTIONS: Record<Access, string[]> = {
  read: ['read'],
  edit: ['read', 'create', 'update', 'delete'],
  publish: ['read', 'create', 'update', 'delete', 'publish'],
};
const OWN = ['admin::is-creator'];
const UPLOAD: Record<RoleDefinition['upload'], { action: string; conditions?: string[] }[]> = {
  none: [],
  own: [
    { action: 'read', conditions: OWN },
    { action: 'assets.create' },
    { action: 'assets.update', conditions: OWN },
    { action: 'assets.download', conditions: OWN },
  ],
  read: [{ action: 'read' }, { action: 'assets.download' }],
  manage: [
    'read',
    'configure-view',
    'assets.create',
    'assets.update',
    'assets.download',
    'assets.copy-link',
  ].map((action) => ({ action })),
};

interface Permission {
  action: string;
  subject?: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

function permissionsOf(strapi: Core.Strapi, definition: RoleDefinition, localeCodes: string[]): Permission[] {
  const contentTypeService = strapi.service('admin::content-type');
  const conditionIds = new Set(
    (strapi.service('admin::permission').conditionProvider.values() as { id: string }[]).map((c) => c.id)
  );
  const contentTypes = Object.entries(definition.contentTypes)
    .filter(([subject]) => strapi.contentTypes[subject as never])
    .flatMap(([subject, { access, exceptFields, conditions = [], only }]) => {
      const model = strapi.contentTypes[subject as never] as { options?: { draftAndPublish?: boolean } };
      const localized = strapi.plugin('i18n').service('content-types').isLocalizedContentType(model);
      const [{ properties }] = contentTypeService.getPermissionsWithNestedFields(
        [{ actionId: `${CM}.read`, subjects: [subject], options: { applyToProperties: ['fields'] } }],
        {}
      );
      const fields = (properties.fields as string[]).filter(
        (field) => !exceptFields?.some((except) => field === except || field.startsWith(`${except}.`))
      );
      return ACTIONS[access]
        .filter((action) => !only || only.includes(action))
        .filter((action) => action !== 'publish' || model.options?.draftAndPublish)
        .map((action) => ({
          action: `${CM}.${action}`,
          subject,
          properties: {
            ...(['read', 'create', 'update'].includes(action) ? { fields } : {}),
            ...(localized ? { locales: localeCodes } : {}),
          },
          conditions: conditions.filter((c) => conditionIds.has(c)),
        }));
    });
  const registered = new Set(
    (strapi.service('admin::permission').actionProvider.values() as { actionId: string }[]).map(
      (a) => a.actionId
    )
  );
  const plugins = actionsOfRole(definition.code, PLUGIN_ACTIONS)
    .filter((action) => registered.has(action))
    .map((action) => ({ action, properties: {}, conditions: [] }));
  const upload = UPLOAD[definition.upload].map(({ action, conditions = [] }) => ({
    action: `plugin::upload.${action}`,
    properties: {},
    conditions,
  }));
  return [...contentTypes, ...plugins, ...upload];
}

export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role');
  const store = strapi.store({ type: 'app', name: 'admin-roles' });
  const upgrade = ((await store.get({ key: 'version' })) as number | null) ?? 1;
  const localeCodes = (await strapi.plugin('i18n').service('locales').find()).map(
    (l: { code: string }) => l.code
  );

  for (const definition of ROLE_DEFINITIONS) {
    const wanted = permissionsOf(strapi, definition, localeCodes);
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    if (!existing) {
      const role = await roleService.create({
        name: definition.name,
        code: definition.code,
        description: definition.description,
      });
      await roleService.assignPermissions(role.id, wanted);
    } else if (upgrade < ROLES_VERSION) {
      const have = await strapi.db.query('admin::permission').findMany({
        where: { role: existing.id },
        select: ['action', 'subject'],
      });
      const key = (p: { action: string; subject?: string | null }) => `${p.action}|${p.subject ?? ''}`;
      const present = new Set(have.map(key));
      const missing = wanted.filter((p) => !present.has(key(p)));
      if (missing.length) await roleService.addPermissions(existing.id, missing);
    }
  }
  await store.set({ key: 'version', value: ROLES_VERSION });
}
