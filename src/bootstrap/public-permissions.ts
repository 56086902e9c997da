import type { Core } from '@strapi/strapi';

/** What the website reads without credentials: published content only (the REST API hides drafts). */
export const PUBLIC_ACTIONS = [
  'api::procedure.procedure.find',
  'api::procedure.procedure.findOne',
  'api::procedure-field.procedure-field.find',
  'api::procedure-field.procedure-field.findOne',
  'api::legal-document.legal-document.find',
  'api::legal-document.legal-document.findOne',
  'api::campaign.campaign.find',
  'api::campaign.campaign.findOne',
  'api::article.article.find',
  'api::article.article.findOne',
  'api::plan.plan.find',
  'api::plan.plan.findOne',
  // A plan's tasks are shown with the plan; populate needs read access to them.
  'api::plan-task.plan-task.find',
  'api::plan-task.plan-task.findOne',
  'api::organization.organization.find',
];

export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('The users-permissions public role is missing.');

  const granted = await permissions.findMany({
    where: { role: publicRole.id, action: { $in: PUBLIC_ACTIONS } },
    select: ['action'],
  });
  const have = new Set(granted.map((p: { action: string }) => p.action));
  for (const action of PUBLIC_ACTIONS.filter((a) => !have.has(a))) {
    await permissions.create({ data: { action, role: publicRole.id } });
  }
}
