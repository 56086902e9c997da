import type { Core } from '@strapi/strapi';
import { PUBLIC_READS } from './public-queries';

/** What the website reads without credentials: published content only (the REST API hides drafts). */
export const PUBLIC_ACTIONS = Object.entries(PUBLIC_READS).flatMap(([uid, actions]) =>
  actions.map((action) => `${uid}.${action}`)
);

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
