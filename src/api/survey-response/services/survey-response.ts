import { factories } from '@strapi/strapi';
import { SURVEY_CRITERIA } from '#domain/survey-intake';
import type { SummaryParams } from '#domain/survey-summary';
import { startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';

const UID = 'api::survey-response.survey-response';

type Link = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** Count and mean of each criterion, aggregated by the database. */
  async summary(params: SummaryParams) {
    const knex = strapi.db.connection;
    const meta = strapi.db.metadata.get(UID);
    const procedures = strapi.db.metadata.get('api::procedure.procedure');
    const procedureLink = (meta.attributes as unknown as Record<string, { joinTable: Link }>).procedure
      .joinTable;
    const fieldLink = (procedures.attributes as unknown as Record<string, { joinTable: Link }>).field
      .joinTable;
    const { timeZone } = await organizationSettings(strapi);

    const query = knex(`${meta.tableName} as s`);
    if (params.procedure || params.field) {
      const linked = knex(`${procedureLink.name} as l`)
        .select(`l.${procedureLink.joinColumn.name}`)
        .join(`${procedures.tableName} as p`, 'p.id', `l.${procedureLink.inverseJoinColumn.name}`);
      if (params.procedure) linked.where('p.document_id', params.procedure);
      if (params.field) {
        linked
          .join(`${fieldLink.name} as fl`, `fl.${fieldLink.joinColumn.name}`, 'p.id')
          .join(
            `${strapi.db.metadata.get('api::procedure-field.procedure-field').tableName} as f`,
            'f.id',
            `fl.${fieldLink.inverseJoinColumn.name}`
          )
          .where('f.code', params.field);
      }
      query.whereIn('s.id', linked);
    }
    if (params.from) query.where('s.submitted_at', '>=', startOfLocalDay(params.from, timeZone));
    if (params.to) {
      const next = new Date(`${params.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      query.where('s.submitted_at', '<', startOfLocalDay(next.toISOString().slice(0, 10), timeZone));
    }

    const column = (key: string) =>
      `s.${meta.attributes[key as never] ? (meta.attributes[key as never] as { columnName: string }).columnName : key}`;
    const selects: Record<string, unknown> = { responses: knex.raw('COUNT(*)') };
    for (const { key } of SURVEY_CRITERIA) {
      selects[`${key}_count`] = knex.raw(`COUNT(${column(key)})`);
      selects[`${key}_mean`] = knex.raw(`AVG(${column(key)})`);
    }
    const [row] = await query.select(selects);
    const round = (value: unknown) =>
      value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100;
    return {
      responses: Number(row.responses),
      criteria: Object.fromEntries(
        SURVEY_CRITERIA.map(({ key, label }) => [
          key,
          { label, count: Number(row[`${key}_count`]), mean: round(row[`${key}_mean`]) },
        ])
      ),
    };
  },
}));
