/** The Office's checks of a unit (kiểm tra): recorded by the Office, read by those who see the unit. */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { readableUnits } from '#domain/unit-access';
import { validationError } from '#utils/errors';
import { visibleUnitIds, type CheckInput, type ListQuery } from '../domain/records-input';
import { UIDS } from '../permissions';
import type { Access } from './access';
import { recordSupport, UNIT_POPULATE, unitWhere, type Page } from './record-support';
import { isoDay, isoInstant, unitView, type UnitRef } from './reminders';

function checkView(row: Record<string, unknown>) {
  return {
    documentId: row.documentId as string,
    unit: unitView(row.unit as UnitRef | null),
    date: isoDay(row.date),
    findings: row.findings as string,
    followUps: (row.followUps as string | null) ?? null,
    inspectorName: row.inspectorName as string,
    createdAt: isoInstant(row.createdAt),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = recordSupport(strapi);

  return {
    async create(access: Access, input: CheckInput, language: Language) {
      const unit = await support.loadUnit(input.unit);
      if (!unit) {
        throw validationError([fieldError(['unit'], 'Đơn vị không tồn tại.', 'No such unit.', language)]);
      }
      const row = await strapi.db.query(UIDS.check).create({
        data: {
          unit: unit.id,
          date: input.date,
          findings: input.findings,
          followUps: input.followUps,
          inspectorId: access.user.id,
          inspectorName: access.user.name,
        },
        populate: UNIT_POPULATE,
      });
      return checkView(row);
    },

    async list(access: Access, query: ListQuery) {
      const page = (await strapi.db.query(UIDS.check).findPage({
        where: unitWhere(visibleUnitIds(readableUnits(access), query.unit)),
        populate: UNIT_POPULATE,
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<Record<string, unknown>>;
      return { results: page.results.map(checkView), pagination: page.pagination };
    },
  };
};
