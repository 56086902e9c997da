/**
 * The register's rows for a filter, as one knex query (not a service): the list, the "waiting for me" counts and
 * the CSV export all start from it, so they show the same rows to the same user.
 */
import type { Core } from '@strapi/strapi';
import { startOfLocalDay } from '#domain/working-days';
import { currentDueSql } from '#domain/feedback-deadlines';
import { readableUnits } from '#domain/unit-access';
import { linkTable } from '#infra/relation-queries';
import { feedbackIdsOfProcedure, feedbackTable } from '#api/feedback/tables';
import type { RegisterFilters } from '../domain/register-input';
import { FEEDBACK_UID } from '../permissions';
import type { Access } from './feedback-records';

/** The due date of the step each row waits for (currentDueDate), in SQL over the feedback aliased `f`. */
export const currentDueOf = (strapi: Core.Strapi) => currentDueSql(feedbackTable(strapi).at('f'));

/** The register's rows for a filter, with the handling unit joined (`f` the feedback, `u` its unit). */
export function registerQuery(
  strapi: Core.Strapi,
  access: Access,
  filters: Omit<RegisterFilters, 'page' | 'pageSize'>,
  now: string,
  timeZone: string
) {
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(FEEDBACK_UID);
  const unitLink = linkTable(strapi, FEEDBACK_UID, 'handlingUnit');
  // A feedback has one handling unit row; its procedure has a draft and a published row (per locale), so the
  // procedure is a filter here (a subquery) and is read for the page's rows only, or rows would repeat.
  const query = knex(`${meta.tableName} as f`)
    .leftJoin(`${unitLink.name} as ul`, `ul.${unitLink.joinColumn.name}`, 'f.id')
    .leftJoin(
      `${strapi.db.metadata.get('api::unit.unit').tableName} as u`,
      'u.id',
      `ul.${unitLink.inverseJoinColumn.name}`
    );
  const units = readableUnits(access);
  if (units !== 'all') query.whereIn('u.id', units.length ? units : [-1]);
  if (filters.state) query.where('f.state', filters.state);
  if (filters.kind) query.where('f.kind', filters.kind);
  if (filters.unit) query.where('u.id', filters.unit);
  if (filters.procedure) query.whereIn('f.id', feedbackIdsOfProcedure(strapi, filters.procedure));
  // Received dates are instants; the filter's days are the organization's calendar days.
  if (filters.receivedFrom)
    query.where('f.received_at', '>=', startOfLocalDay(filters.receivedFrom, timeZone));
  if (filters.receivedTo)
    query.where('f.received_at', '<', startOfLocalDay(nextDay(filters.receivedTo), timeZone));
  if (filters.overdue) query.whereRaw(`(${currentDueOf(strapi)}) < ?`, [now]);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.whereRaw(`lower(f.subject) like ? escape '\\'`, [pattern]);
  }
  return query;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
