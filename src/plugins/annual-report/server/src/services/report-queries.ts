/**
 * What the figures and the drill-down rows of an annual report share: the bounds of a period, each figure's
 * conditions (so a drill-down's total is its figure), and the unit of a row.
 *
 * Every item counts by its local day (the organization's time zone): an instant counts when it is at or after
 * the start of the first day and before the start of the day after the last one; dates compare as dates.
 * Storage (Strapi 5): relations are link tables; articles, procedures, fields and campaigns have a draft and a
 * published row per locale, plan tasks a row per locale, so counts are DISTINCT by document.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTable } from '#api/plan/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { procedureTable } from '#api/procedure/tables';
import { startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import type { Link, TableNames } from '#infra/table-names';
import { num } from '#infra/stored-values';
import { submissionTable } from '#unit-submissions/tables';
import type { Count, UnitRef } from '../domain/figures';
import { nextDay } from '../domain/figures-rules';

export type Raw = Record<string, unknown>;

export interface Period {
  from: string;
  to: string;
}

export const counts = (rows: Raw[], key = 'k'): Count[] =>
  rows
    .filter((r) => r[key] !== null && r[key] !== undefined)
    .map((r) => ({ key: String(r[key]), count: num(r.n) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

export const byUnitOrder = <T extends { unit: UnitRef & { sortOrder?: number } }>(items: T[]) =>
  items.sort((a, b) => (a.unit.sortOrder ?? 0) - (b.unit.sortOrder ?? 0) || a.unit.id - b.unit.id);
export const plainUnit = (u: UnitRef & { sortOrder?: number }): UnitRef => ({
  id: u.id,
  code: u.code,
  name: u.name,
});

export function reportQueries(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;

  /** The instants that bound the period: start of its first local day (included), of the day after (excluded). */
  async function boundsOf(period: Period) {
    const { timeZone } = await organizationSettings(strapi);
    return {
      start: startOfLocalDay(period.from, timeZone),
      end: startOfLocalDay(nextDay(period.to), timeZone),
    };
  }

  /** The unit of each row as `unit_id`, through the link table (units are neither localized nor published). */
  function unitOf(names: { link: Readonly<Record<'unit', Link>> }, alias: string) {
    const l = names.link.unit;
    return knex().raw(`(SELECT ul.${l.to} FROM ${l.name} ul WHERE ul.${l.from} = ${alias}.id) as unit_id`);
  }

  async function unitRefs(ids: number[]): Promise<Map<number, UnitRef & { sortOrder: number }>> {
    if (ids.length === 0) return new Map();
    const rows: Raw[] = await strapi.db.query('api::unit.unit').findMany({
      select: ['id', 'code', 'name', 'sortOrder'],
      where: { id: { $in: ids } },
    });
    return new Map(
      rows.map((r) => [
        num(r.id),
        { id: num(r.id), code: r.code as string, name: r.name as string, sortOrder: num(r.sortOrder) },
      ])
    );
  }

  /** The unit of each of these rows (read with `unitOf`), as a plain reference: one query for them all. */
  async function unitLookup(rows: Raw[]): Promise<(row: Raw) => UnitRef | null> {
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    return (row) => {
      const unit = refs.get(num(row.unit_id));
      return unit ? plainUnit(unit) : null;
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Conditions shared by the figures and the drill-downs

  /** Published article rows of the period. */
  function articlesIn(start: Date, end: Date) {
    const a = articleTable(strapi).at('a');
    return knex()(`${articleTable(strapi).table} as a`)
      .whereNotNull(a.publishedAt)
      .where(a.publishedAt, '>=', start)
      .where(a.publishedAt, '<', end);
  }

  /** The tasks of the plan(s) of `year`: task rows in Vietnamese (one per task document). */
  function planTaskRows(year: number) {
    const task = planTaskTable(strapi);
    const plan = planTable(strapi);
    const l = task.link.plan;
    return knex()(`${task.table} as t`)
      .where(task.at('t').locale, 'vi')
      .whereIn(
        task.at('t').id,
        knex()(`${l.name} as pl`)
          .join(`${plan.table} as p`, plan.at('p').id, `pl.${l.to}`)
          .where(plan.at('p').year, year)
          .select(`pl.${l.from}`)
      );
  }

  function submissionsIn(start: Date, end: Date) {
    const s = submissionTable(strapi).at('s');
    return knex()(`${submissionTable(strapi).table} as s`)
      .where(s.createdAt, '>=', start)
      .where(s.createdAt, '<', end);
  }

  function feedbackReceived(start: Date, end: Date) {
    const f = feedbackTable(strapi).at('f');
    return knex()(`${feedbackTable(strapi).table} as f`)
      .where(f.receivedAt, '>=', start)
      .where(f.receivedAt, '<', end);
  }
  function feedbackClosed(start: Date, end: Date) {
    const f = feedbackTable(strapi).at('f');
    return knex()(`${feedbackTable(strapi).table} as f`)
      .where(f.closedAt, '>=', start)
      .where(f.closedAt, '<', end);
  }

  /** Published Vietnamese procedure rows (one per document). */
  function procedures() {
    const p = procedureTable(strapi).at('p');
    return knex()(`${procedureTable(strapi).table} as p`)
      .where(p.locale, 'vi')
      .whereNotNull(p.publishedAt);
  }
  /** In force on the period's last day: started by then, and still in force or ended on or after that day. */
  function listedAt(period: Period) {
    const p = procedureTable(strapi).at('p');
    return procedures()
      .where((q) => q.whereNull(p.effectiveFrom).orWhere(p.effectiveFrom, '<=', period.to))
      .where((q) =>
        q
          .where(p.legalStatus, 'in_force')
          .orWhere((q2) =>
            q2.whereIn(p.legalStatus, ['amended', 'abolished']).where(p.effectiveTo, '>=', period.to)
          )
      );
  }
  const proceduresAdded = (period: Period) => {
    const p = procedureTable(strapi).at('p');
    return procedures().where(p.effectiveFrom, '>=', period.from).where(p.effectiveFrom, '<=', period.to);
  };
  const proceduresEnded = (period: Period, status: 'amended' | 'abolished') => {
    const p = procedureTable(strapi).at('p');
    return procedures()
      .where(p.legalStatus, status)
      .where(p.effectiveTo, '>=', period.from)
      .where(p.effectiveTo, '<=', period.to);
  };

  /**
   * The Vietnamese row of each of these documents (the published one when there are both), by document, with the
   * given attributes under their own names.
   */
  async function viRows<C extends string>(
    names: TableNames<C | 'documentId' | 'locale' | 'publishedAt', never>,
    documentIds: string[],
    attributes: C[]
  ): Promise<Map<string, Raw>> {
    const c = names.column;
    const rows: Raw[] = documentIds.length
      ? await knex()(names.table)
          .select(
            `${c.documentId} as document_id`,
            ...attributes.map((a) => `${c[a]} as ${a}`),
            `${c.publishedAt} as published_at`
          )
          .whereIn(c.documentId, documentIds)
          .where(c.locale, 'vi')
      : [];
    const byDocument = new Map<string, Raw>();
    for (const r of [...rows].sort((a, b) => (a.published_at ? 1 : 0) - (b.published_at ? 1 : 0)))
      byDocument.set(r.document_id as string, r);
    return byDocument;
  }

  return {
    knex,
    viRows,
    boundsOf,
    unitOf,
    unitRefs,
    unitLookup,
    articlesIn,
    planTaskRows,
    submissionsIn,
    feedbackReceived,
    feedbackClosed,
    procedures,
    listedAt,
    proceduresAdded,
    proceduresEnded,
  };
}
