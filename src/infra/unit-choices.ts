import type { Core } from '@strapi/strapi';

/** How far a user reaches among the units (a plugin's `Access` has it). */
interface UnitReach {
  readAll: boolean;
  unitIds: readonly number[];
}

/**
 * The units a plugin's filters and forms offer a user: every active unit when it reads them all, else its own
 * units; in the units' order.
 */
export const unitChoices = (strapi: Core.Strapi, { readAll, unitIds }: UnitReach) =>
  strapi.db.query('api::unit.unit').findMany({
    where: readAll ? { active: true } : { id: { $in: unitIds } },
    select: ['id', 'documentId', 'code', 'name'],
    orderBy: { sortOrder: 'asc' },
  });
