import type { Core } from '@strapi/strapi';

/**
 * The product's admin roles. Each is created once, with the permissions below; a super admin may edit them
 * afterwards in Settings > Roles and bootstrap will not undo it.
 */
type Access = 'read' | 'edit' | 'publish';

interface RoleDefinition {
  code: string;
  name: string;
  description: string;
  contentTypes: Record<string, { access: Access; exceptFields?: string[] }>;
  upload: 'none' | 'read' | 'manage';
}

export const PERSONAL_FEEDBACK_FIELDS = ['fullName', 'address', 'phone', 'email', 'attachments', 'consent'];

const REFERENCE = {
  'api::procedure.procedure': { access: 'read' },
  'api::procedure-field.procedure-field': { access: 'read' },
  'api::legal-document.legal-document': { access: 'read' },
  'api::campaign.campaign': { access: 'read' },
  'api::plan.plan': { access: 'read' },
  'api::plan-task.plan-task': { access: 'read' },
  'api::unit.unit': { access: 'read' },
  'api::organization.organization': { access: 'read' },
  'api::holiday.holiday': { access: 'read' },
} as const;

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    code: 'it-center-editor',
    name: 'Biên tập viên Trung tâm CNTT',
    description:
      'IT Center editor: reviews what units submit, edits and publishes articles, procedures and campaigns.',
    contentTypes: {
      ...REFERENCE,
      'api::article.article': { access: 'publish' },
      'api::campaign.campaign': { access: 'publish' },
      'api::procedure.procedure': { access: 'publish' },
      'api::procedure-field.procedure-field': { access: 'publish' },
      'api::legal-document.legal-document': { access: 'publish' },
    },
    upload: 'manage',
  },
  {
    code: 'office',
    name: 'Văn phòng Sở',
    description:
      'Department Office: manages the plan and its tasks, oversees every unit and handles feedback.',
    contentTypes: {
      ...REFERENCE,
      'api::article.article': { access: 'read' },
      'api::plan.plan': { access: 'publish' },
      'api::plan-task.plan-task': { access: 'edit' },
      'api::organization.organization': { access: 'publish' },
      'api::holiday.holiday': { access: 'edit' },
      'api::unit.unit': { access: 'edit' },
      'api::feedback.feedback': { access: 'edit' },
      'api::survey-response.survey-response': { access: 'read' },
    },
    upload: 'read',
  },
  {
    code: 'director',
    name: 'Giám đốc Sở',
    description: 'Director: reads everything; sees no personal data of feedback submitters.',
    contentTypes: {
      ...REFERENCE,
      'api::article.article': { access: 'read' },
      'api::feedback.feedback': { access: 'read', exceptFields: PERSONAL_FEEDBACK_FIELDS },
      'api::survey-response.survey-response': { access: 'read' },
    },
    upload: 'read',
  },
  {
    code: 'unit-editor',
    name: 'Biên tập viên đơn vị',
    description: "Unit editor: reads the plan and reference content; works on its own unit's material only.",
    contentTypes: { ...REFERENCE },
    upload: 'none',
  },
];

const CM = 'plugin::content-manager.explorer';
const ACTIONS: Record<Access, string[]> = {
  read: ['read'],
  edit: ['read', 'create', 'update', 'delete'],
  publish: ['read', 'create', 'update', 'delete', 'publish'],
};
const UPLOAD: Record<RoleDefinition['upload'], string[]> = {
  none: [],
  read: ['read', 'assets.download'],
  manage: ['read', 'configure-view', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'],
};

export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role');
  const contentTypeService = strapi.service('admin::content-type');
  const localeCodes = (await strapi.plugin('i18n').service('locales').find()).map(
    (l: { code: string }) => l.code
  );

  for (const definition of ROLE_DEFINITIONS) {
    if (await strapi.db.query('admin::role').findOne({ where: { code: definition.code } })) continue;

    const role = await roleService.create({
      name: definition.name,
      code: definition.code,
      description: definition.description,
    });
    const permissions = Object.entries(definition.contentTypes).flatMap(
      ([subject, { access, exceptFields }]) => {
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
          .filter((action) => action !== 'publish' || model.options?.draftAndPublish)
          .map((action) => ({
            action: `${CM}.${action}`,
            subject,
            properties: {
              ...(['read', 'create', 'update'].includes(action) ? { fields } : {}),
              ...(localized ? { locales: localeCodes } : {}),
            },
            conditions: [],
          }));
      }
    );
    const uploadPermissions = UPLOAD[definition.upload].map((action) => ({
      action: `plugin::upload.${action}`,
      properties: {},
      conditions: [],
    }));
    await roleService.assignPermissions(role.id, [...permissions, ...uploadPermissions]);
  }
}
