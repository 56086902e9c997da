/**
 * What the oversight records (checks, difficulties, task reports) and the unit's page share: the units and plan
 * tasks they name, read once per call, and who is mailed.
 */
import type { Core } from '@strapi/strapi';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { unitAccess } from '#api/unit/services/access';
import { PLUGIN_ID } from '../permissions';
import type { UnitRef } from './reminders';

export const UNIT = 'api::unit.unit';
export const TASK = 'api::plan-task.plan-task';
export const UNIT_POPULATE = { unit: { select: ['id', 'code', 'name', 'email'] } };

export interface TaskRow {
  documentId: string;
  code: string;
  content: string;
  dueDate: string | null;
  targetCount: number | null;
  locale: string;
  unit: { id: number } | null;
}

export type Page<T> = { results: T[]; pagination: object };

/** The Vietnamese row of each task (another when it has none), by documentId. */
export const byTask = <T extends TaskRow>(rows: T[]) => {
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(row.documentId) || row.locale === 'vi') map.set(row.documentId, row);
  return map;
};

export const taskRef = (row: TaskRow | undefined) =>
  row ? { documentId: row.documentId, code: row.code, content: row.content } : null;

/** A where clause on the records' unit: every unit, or these (none: nothing). */
export const unitWhere = (ids: number[] | 'all') =>
  ids === 'all' ? {} : { unit: { id: { $in: ids.length ? ids : [-1] } } };

export function recordSupport(strapi: Core.Strapi) {
  return {
    /** A link into the plugin's admin pages, for mail. */
    link: (path: string) => `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}${path}`,

    /** Today in the organization's time zone (YYYY-MM-DD). */
    async today() {
      const { timeZone } = await organizationSettings(strapi);
      return localDate(new Date(), timeZone);
    },

    loadUnit: async (id: number) =>
      (await strapi.db.query(UNIT).findOne({
        where: { id },
        select: ['id', 'code', 'name', 'email', 'active'],
      })) as UnitRef | null,

    /** Every locale row of these tasks (relations are per locale). */
    taskRows: async (documentIds: string[]) =>
      documentIds.length
        ? ((await strapi.db.query(TASK).findMany({
            where: { documentId: { $in: documentIds } },
            select: ['documentId', 'code', 'content', 'dueDate', 'targetCount', 'locale'],
            populate: { unit: { select: ['id'] } },
          })) as TaskRow[])
        : [],

    /** The active admin users matching `where` (a role, say), by e-mail. */
    async emails(where: object): Promise<string[]> {
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, ...where },
        select: ['email'],
      })) as { email: string }[];
      return [...new Set(users.map((u) => u.email))];
    },

    /** A unit's active members and its own address. */
    async unitRecipients(unit: UnitRef): Promise<string[]> {
      const members = await unitAccess(strapi).memberEmails(unit.id);
      return [...new Set([...members, unit.email].filter(Boolean))] as string[];
    },
  };
}
