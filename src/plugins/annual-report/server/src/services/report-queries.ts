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
import { startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { linkColumns } from '#infra/relation-queries';
import { num } from '#infra/stored-values';
import type { Count, UnitRef } from '../domain/figures';
import { nextDay } from '../domain/figures-rules';

export const UNIT = 'api::unit.unit';
export const PLAN = 'api::plan.plan';
export const TASK = 'api::plan-task.plan-task';
export const ARTICLE = 'api::article.article';
export const CAMPAIGN = 'api::campaign.campaign';
export const SUBMISSION = 'plugin::unit-submissions.submission';
export const FEEDBACK = 'api::feedback.feedback';
export const PROCEDURE = 'api::procedure.procedure';
export const FIELD = 'api::procedure-field.procedure-field';
export const SURVEY = 'api::survey-response.survey-response';
export const REMINDER = 'plugin::oversight.reminder';
export const CHECK = 'plugin::oversight.check';
export const DIFFICULTY = 'plugin::oversight.difficulty';
export const TASK_REPORT = 'plugin::oversight.task-report';

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
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);

  /** The instants that bound the period: start of its first local day (included), of the day after (excluded). */
  async function boundsOf(period: Period) {
    const { timeZone } = await organizationSettings(strapi);
    return {
      start: startOfLocalDay(period.from, timeZone),
      end: startOfLocalDay(nextDay(period.to), timeZone),
    };
  }

  /** The unit of each row as `unit_id`, through the link table (units are neither localized nor published). */
  function unitOf(uid: string, alias: string) {
    const l = link(uid, 'unit');
    return knex().raw(`(SELECT ul.${l.to} FROM ${l.name} ul WHERE ul.${l.from} = ${alias}.id) as unit_id`);
  }

  async function unitRefs(ids: number[]): Promise<Map<number, UnitRef & { sortOrder: number }>> {
    if (ids.length === 0) return new Map();
    const rows: Raw[] = await knex()(table(UNIT))
      .select('id', 'code', 'name', 'sort_order')
      .whereIn('id', ids);
    return new Map(
      rows.map((r) => [
        num(r.id),
        { id: num(r.id), code: r.code as string, name: r.name as string, sortOrder: num(r.sort_order) },
      ])
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Conditions shared by the figures and the drill-downs

  /** Published article rows of the period. */
  function articlesIn(start: Date, end: Date) {
    return knex()(`${table(ARTICLE)} as a`)
      .whereNotNull('a.published_at')
      .where('a.published_at', '>=', start)
      .where('a.published_at', '<', end);
  }

  /** The tasks of the plan(s) of `year`: task rows in Vietnamese (one per task document). */
  function planTaskRows(year: number) {
    const l = link(TASK, 'plan');
    return knex()(`${table(TASK)} as t`)
      .where('t.locale', 'vi')
      .whereIn(
        't.id',
        knex()(`${l.name} as pl`)
          .join(`${table(PLAN)} as p`, 'p.id', `pl.${l.to}`)
          .where('p.year', year)
          .select(`pl.${l.from}`)
      );
  }

  function submissionsIn(start: Date, end: Date) {
    return knex()(`${table(SUBMISSION)} as s`)
      .where('s.created_at', '>=', start)
      .where('s.created_at', '<', end);
  }

  function feedbackReceived(start: Date, end: Date) {
    return knex()(`${table(FEEDBACK)} as f`)
      .where('f.received_at', '>=', start)
      .where('f.received_at', '<', end);
  }
  function feedbackClosed(start: Date, end: Date) {
    return knex()(`${table(FEEDBACK)} as f`)
      .where('f.closed_at', '>=', start)
      .where('f.closed_at', '<', end);
  }

  /** Published Vietnamese procedure rows (one per document). */
  function procedures() {
    return knex()(`${table(PROCEDURE)} as p`)
      .where('p.locale', 'vi')
      .whereNotNull('p.published_at');
  }
  /** In force on the period's last day: started by then, and still in force or ended on or after that day. */
  function listedAt(period: Period) {
    return procedures()
      .where((q) => q.whereNull('p.effective_from').orWhere('p.effective_from', '<=', period.to))
      .where((q) =>
        q
          .where('p.legal_status', 'in_force')
          .orWhere((q2) =>
            q2.whereIn('p.legal_status', ['amended', 'abolished']).where('p.effective_to', '>=', period.to)
          )
      );
  }
  const proceduresAdded = (period: Period) =>
    procedures().where('p.effective_from', '>=', period.from).where('p.effective_from', '<=', period.to);
  const proceduresEnded = (period: Period, status: 'amended' | 'abolished') =>
    procedures()
      .where('p.legal_status', status)
      .where('p.effective_to', '>=', period.from)
      .where('p.effective_to', '<=', period.to);

  /** The Vietnamese row of each of these documents of `uid` (the published one when there are both), by document. */
  async function viRows(uid: string, documentIds: string[], columns: string[]): Promise<Map<string, Raw>> {
    const rows: Raw[] = documentIds.length
      ? await knex()(table(uid))
          .select('document_id', ...columns, 'published_at')
          .whereIn('document_id', documentIds)
          .where('locale', 'vi')
      : [];
    const byDocument = new Map<string, Raw>();
    for (const r of [...rows].sort((a, b) => (a.published_at ? 1 : 0) - (b.published_at ? 1 : 0)))
      byDocument.set(r.document_id as string, r);
    return byDocument;
  }

  const columns = new Map<string, string>();
  /** The column of an attribute of `uid`: the one its metadata names, or Strapi's snake_case of its name. */
  function columnOf(uid: string, attribute: string): string {
    const key = `${uid}#${attribute}`;
    if (!columns.has(key)) {
      const attr = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined;
      columns.set(key, attr?.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    }
    return columns.get(key)!;
  }

  return {
    knex,
    columnOf,
    viRows,
    table,
    link,
    boundsOf,
    unitOf,
    unitRefs,
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
