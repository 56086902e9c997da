/**
 * The dashboard of every unit against the year's plan (the drill-downs behind each figure: services/drill-downs.ts).
 * What each figure counts is defined in domain/dashboard.ts; here it is computed with SQL aggregates grouped by
 * unit (a dozen queries per dashboard, whatever the number of rows), and the drill-downs use the same conditions,
 * so that the number of rows a drill-down lists is the figure.
 *
 * Storage notes (Strapi 5): relations are link tables; articles and plans have a draft and a published row per
 * locale, plan tasks a row per locale. Links to such targets are filtered through subqueries or counted DISTINCT by
 * document, never joined in a way that repeats rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTable } from '#api/plan/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { answerOverdueSql } from '#domain/feedback-deadlines';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { day, iso, num } from '#infra/stored-values';
import type { Link, TableNames } from '#infra/table-names';
import { submissionTable } from '#unit-submissions/tables';
import {
  chartsOf,
  emptyFigures,
  monthKeys,
  monthStarts,
  OPEN_DIFFICULTY_STATES,
  statusesOf,
  taskFiguresByUnit,
  totalsOf,
  yearDays,
  type PlanTaskFact,
  type Row,
} from '../domain/dashboard';
import { difficultyTable, reminderTable } from '../tables';
import type { LatestReport } from './tasks';

const UNIT = 'api::unit.unit';
const PLAN = 'api::plan.plan';

type Raw = Record<string, unknown>;

/** The feedback conditions of the figures, over the feedback table aliased `f`. */
export function feedbackConditions(strapi: Core.Strapi) {
  const f = feedbackTable(strapi).at('f');
  return {
    answered: `${f.answeredAt} IS NOT NULL`,
    onTime: `${f.answeredAt} IS NOT NULL AND ${f.onTime} = TRUE`,
    // Overdue (domain/dashboard.ts feedbackCounts): awaiting its answer past the answer's due date (bound: today),
    // or answered late.
    overdue: `(${answerOverdueSql(f)} OR (${f.answeredAt} IS NOT NULL AND ${f.onTime} = FALSE))`,
  };
}

export interface Clock {
  timeZone: string;
  today: string;
  currentYear: number;
}

export interface Plan {
  documentId: string;
  title: string;
  number: number | null;
  symbol: string | null;
}

interface Task extends PlanTaskFact {
  code: string;
  content: string;
  form: string;
  channel: string | null;
}

/** The instants that bound a year: the start of its first local day (included), of the next year's (excluded). */
export const yearBounds = (year: number, timeZone: string) => {
  const { first, next } = yearDays(year);
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
};

/** The rows of a table (as `alias`) whose `column` is at or after `from` and before `to`: a figure's rows. */
export function rowsBetween<C extends string, L extends string>(
  strapi: Core.Strapi,
  names: TableNames<C, L>,
  alias: string,
  column: C,
  from: Date,
  to: Date
) {
  const at = names.at(alias)[column];
  const knex = strapi.db.connection as unknown as Knex;
  return knex(`${names.table} as ${alias}`).where(at, '>=', from).where(at, '<', to);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;

  const latestReports = (ids?: string[]): Promise<Map<string, LatestReport>> =>
    strapi.plugin('oversight').service('tasks').latestReports(ids);

  async function clock(): Promise<Clock> {
    const { timeZone } = await organizationSettings(strapi);
    const today = localDate(new Date(), timeZone);
    return { timeZone, today, currentYear: Number(today.slice(0, 4)) };
  }

  /** The year's published plan, in Vietnamese (the default locale) when it has that language. */
  async function planOf(year: number): Promise<Plan | null> {
    const rows: Raw[] = await strapi.db.query(PLAN).findMany({
      select: ['documentId', 'title', 'number', 'symbol', 'locale'],
      where: { year, publishedAt: { $notNull: true } },
      orderBy: { id: 'asc' },
    });
    const row = rows.find((r) => r.locale === 'vi') ?? rows[0];
    if (!row) return null;
    return {
      documentId: row.documentId as string,
      title: row.title as string,
      number: row.number === null ? null : num(row.number),
      symbol: (row.symbol as string | null) ?? null,
    };
  }

  /** The plan's tasks (one per document: the `vi` row), with their unit; only one unit's when given. */
  async function tasksOf(planDocumentId: string, unitId?: number): Promise<Task[]> {
    const task = planTaskTable(strapi);
    const plan = planTable(strapi);
    const [t, p] = [task.at('t'), plan.at('p')];
    const { plan: planLink, unit: unitLink } = task.link;
    const query = knex()(`${task.table} as t`)
      .leftJoin(`${unitLink.name} as ul`, `ul.${unitLink.from}`, t.id)
      .where(t.locale, 'vi')
      .whereIn(
        t.id,
        knex()(`${planLink.name} as pl`)
          .join(`${plan.table} as p`, p.id, `pl.${planLink.to}`)
          .where(p.documentId, planDocumentId)
          .select(`pl.${planLink.from}`)
      )
      .select(
        ...task.select('t', 'documentId', 'code', 'content', 'form', 'channel', 'targetCount', 'dueDate'),
        `ul.${unitLink.to} as unit_id`
      )
      .orderByRaw(`${t.dueDate} IS NULL, ${t.dueDate} ASC, ${t.code} ASC, ${t.id} ASC`);
    if (unitId !== undefined) query.where(`ul.${unitLink.to}`, unitId);
    const rows: Raw[] = await query;
    return rows.map((r) => ({
      documentId: r.documentId as string,
      code: r.code as string,
      content: r.content as string,
      form: r.form as string,
      channel: (r.channel as string | null) ?? null,
      targetCount: r.targetCount === null ? null : num(r.targetCount),
      dueDate: day(r.dueDate),
      unitId: r.unit_id === null || r.unit_id === undefined ? null : num(r.unit_id),
    }));
  }

  async function activeUnits(ids?: number[]) {
    const rows: Raw[] = await strapi.db.query(UNIT).findMany({
      select: ['id', 'documentId', 'code', 'name'],
      where: { active: true, ...(ids ? { id: { $in: ids.length ? ids : [-1] } } : {}) },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({
      id: num(r.id),
      documentId: r.documentId as string,
      code: r.code as string,
      name: r.name as string,
    }));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Aggregates by unit

  /**
   * The unit of each row of `alias`, selected first, for a GROUP BY 1. PostgreSQL joins the link table (hash join); SQLite reads the
   * link by a correlated lookup on its unique (row, unit) index, so the scan stays on the table's covering index
   * for the year (a plain join makes it fetch every row by id: 2-3× slower on 100,000 feedback rows).
   */
  function withUnit(query: Knex.QueryBuilder, l: Link, alias: string) {
    if (strapi.db.dialect.client === 'postgres') {
      query.join(`${l.name} as l`, `l.${l.from}`, `${alias}.id`);
      return `l.${l.to} as unit_id`;
    }
    const expression = `(SELECT l.${l.to} FROM ${l.name} l WHERE l.${l.from} = ${alias}.id)`;
    return knex().raw(`${expression} as unit_id`);
  }

  async function submissionCounts(from: Date, to: Date) {
    const submission = submissionTable(strapi);
    const s = submission.at('s');
    const query = rowsBetween(strapi, submission, 's', 'createdAt', from, to);
    const unit = withUnit(query, submission.link.unit, 's');
    const rows: Raw[] = await query.groupByRaw('1, 2').select(unit, `${s.state} as state`).count({ n: '*' });
    return rows;
  }

  async function articleCounts(from: Date, to: Date) {
    const article = articleTable(strapi);
    const a = article.at('a');
    const query = rowsBetween(strapi, article, 'a', 'publishedAt', from, to);
    const unit = withUnit(query, article.link.unit, 'a');
    const rows: Raw[] = await query
      .groupByRaw('1, 2, 3')
      .select(unit, ...article.select('a', 'kind', 'channel'))
      .countDistinct({ n: a.documentId });
    return rows;
  }

  /** By month and unit (then added up over the listed units): published documents. */
  async function publicationsByMonth(year: number, timeZone: string, unitIds: number[]) {
    const starts = monthStarts(year).map((d) => startOfLocalDay(d, timeZone));
    const article = articleTable(strapi);
    const a = article.at('a');
    const cases = starts
      .slice(1)
      .map((_, i) => `WHEN ${a.publishedAt} < ? THEN ${i}`)
      .join(' ');
    const query = rowsBetween(strapi, article, 'a', 'publishedAt', starts[0], starts[12]);
    const unit = withUnit(query, article.link.unit, 'a');
    const rows: Raw[] = await query
      .select(unit, knex().raw(`CASE ${cases} END as m`, starts.slice(1)))
      .countDistinct({ n: a.documentId })
      .groupByRaw('1, 2');
    const listed = new Set(unitIds);
    const counts = new Map<number, number>();
    for (const r of rows) {
      if (listed.has(num(r.unit_id))) counts.set(num(r.m), (counts.get(num(r.m)) ?? 0) + num(r.n));
    }
    return monthKeys(year).map((month, i) => ({ month, count: counts.get(i) ?? 0 }));
  }

  async function feedbackCounts(from: Date, to: Date, today: string) {
    const feedback = feedbackTable(strapi);
    const conditions = feedbackConditions(strapi);
    const query = rowsBetween(strapi, feedback, 'f', 'receivedAt', from, to);
    const unit = withUnit(query, feedback.link.handlingUnit, 'f');
    const rows: Raw[] = await query
      .groupByRaw('1')
      .select(
        unit,
        knex().raw('COUNT(*) as assigned'),
        knex().raw(`SUM(CASE WHEN ${conditions.answered} THEN 1 ELSE 0 END) as answered`),
        knex().raw(`SUM(CASE WHEN ${conditions.onTime} THEN 1 ELSE 0 END) as on_time`),
        knex().raw(`SUM(CASE WHEN ${conditions.overdue} THEN 1 ELSE 0 END) as overdue`, [today])
      );
    return rows;
  }

  /** The rows of a table (as `alias`) by the unit each is linked to (`unit_id`): the per-unit aggregates. */
  function groupedByUnit(names: { table: string; link: Readonly<Record<'unit', Link>> }, alias: string) {
    const l = names.link.unit;
    return knex()(`${names.table} as ${alias}`)
      .join(`${l.name} as l`, `l.${l.from}`, `${alias}.id`)
      .groupBy(`l.${l.to}`)
      .select(`l.${l.to} as unit_id`);
  }

  const lastReminders = (): Promise<Raw[]> =>
    groupedByUnit(reminderTable(strapi), 'r').max({ last: reminderTable(strapi).at('r').sentAt });

  const openDifficulties = (): Promise<Raw[]> =>
    groupedByUnit(difficultyTable(strapi), 'd')
      .whereIn(difficultyTable(strapi).at('d').state, OPEN_DIFFICULTY_STATES)
      .count({ n: '*' });

  return {
    clock,
    planOf,
    activeUnits,

    /** Years of published plans, latest first. */
    async planYears(): Promise<number[]> {
      const { table, column } = planTable(strapi);
      const rows: Raw[] = await knex()(table)
        .distinct(`${column.year} as year`)
        .whereNotNull(column.publishedAt)
        .orderBy(column.year, 'desc');
      return rows.map((r) => num(r.year));
    },

    async unitExists(unitId: number) {
      const row = await strapi.db.query(UNIT).findOne({ select: ['id'], where: { id: unitId } });
      return Boolean(row);
    },

    async dashboard(year: number) {
      const { timeZone, today } = await clock();
      const { from, to } = yearBounds(year, timeZone);
      const [plan, units] = await Promise.all([planOf(year), activeUnits()]);
      const tasks = plan ? await tasksOf(plan.documentId) : [];
      const [reports, submissions, articles, months, feedback, reminders, difficulties] = await Promise.all([
        tasks.length ? latestReports(tasks.map((t) => t.documentId)) : Promise.resolve(new Map()),
        submissionCounts(from, to),
        articleCounts(from, to),
        publicationsByMonth(
          year,
          timeZone,
          units.map((u) => u.id)
        ),
        feedbackCounts(from, to, today),
        lastReminders(),
        openDifficulties(),
      ]);

      const rows = new Map<number, Row>(
        units.map((u) => [u.id, { unit: { id: u.id, code: u.code, name: u.name }, ...emptyFigures() }])
      );
      const rowOf = (unitId: unknown) => rows.get(num(unitId));
      for (const [unitId, figures] of taskFiguresByUnit(tasks, statusesOf(tasks, reports, today))) {
        const row = rows.get(unitId);
        if (!row) continue;
        row.tasks = figures.tasks;
        row.articles.target = figures.target;
      }
      for (const r of submissions) {
        const row = rowOf(r.unit_id);
        if (!row) continue;
        row.submissions.byState[r.state as string] = num(r.n);
        row.submissions.total += num(r.n);
      }
      for (const r of articles) {
        const row = rowOf(r.unit_id);
        if (!row) continue;
        const n = num(r.n);
        row.articles.published += n;
        row.articles.byKind[r.kind as string] = (row.articles.byKind[r.kind as string] ?? 0) + n;
        row.articles.byChannel[r.channel as string] = (row.articles.byChannel[r.channel as string] ?? 0) + n;
      }
      for (const r of feedback) {
        const row = rowOf(r.unit_id);
        if (!row) continue;
        row.feedback = {
          assigned: num(r.assigned),
          answered: num(r.answered),
          answeredOnTime: num(r.on_time),
          overdue: num(r.overdue),
        };
      }
      for (const r of reminders) {
        const row = rowOf(r.unit_id);
        if (row) row.lastReminderAt = iso(r.last);
      }
      for (const r of difficulties) {
        const row = rowOf(r.unit_id);
        if (row) row.openDifficulties = num(r.n);
      }
      const list = [...rows.values()];
      return {
        year,
        today,
        plan,
        units: list,
        totals: totalsOf(list),
        charts: chartsOf(list, months),
      };
    },

    tasksOf,
  };
};
