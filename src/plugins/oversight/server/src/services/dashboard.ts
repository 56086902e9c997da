/**
 * The dashboard of every unit against the year's plan (the drill-downs behind each figure: services/drill-downs.ts).
 * What each figure counts is defined in domain/dashboard.ts. Submissions, articles and feedback are summed from
 * the rollups (../rollups.ts: per unit, local month and bucket), so a dashboard reads units × months, not rows;
 * so are the open difficulties. Tasks (a few hundred a year) and each unit's last reminder (a maximum, not a count)
 * are read from their rows. The drill-downs use the figures' conditions on the rows, so that the number of rows a
 * drill-down lists is the figure.
 *
 * Storage notes (Strapi 5): relations are link tables; articles and plans have a draft and a published row per
 * locale, plan tasks a row per locale. Links to such targets are filtered through subqueries or counted DISTINCT by
 * document, never joined in a way that repeats rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { feedbackTable } from '#api/feedback/tables';
import { planTable } from '#api/plan/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { answerOverdueSql } from '#domain/feedback-deadlines';
import { dimsOf, yearMonths } from '#domain/rollups';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { flush, monthlySums, sums } from '#infra/rollups';
import { day, iso, num } from '#infra/stored-values';
import type { Link, TableNames } from '#infra/table-names';
import {
  addFeedbackCounter,
  chartsOf,
  emptyFigures,
  FEEDBACK_COUNTERS,
  monthKeys,
  OPEN_DIFFICULTY_STATES,
  statusesOf,
  taskFiguresByUnit,
  totalsOf,
  yearDays,
  type PlanTaskFact,
  type Row,
} from '../domain/dashboard';
import { ROLLUP_SOURCES } from '../rollups';
import { reminderTable } from '../tables';
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
  // Aggregates by unit, from the rollups (../rollups.ts): sums over the year's months, whatever the rows stored.

  async function submissionCounts(year: number) {
    const { first, last } = yearMonths(year);
    const counts = await sums(strapi, ROLLUP_SOURCES.submission, first, last, { counters: ['n'] });
    return counts.map((c) => ({ unitId: c.unitId, state: dimsOf(c.dims)[0] as string, n: c.value }));
  }

  async function articleCounts(year: number) {
    const { first, last } = yearMonths(year);
    const counts = await sums(strapi, ROLLUP_SOURCES.article, first, last, { counters: ['documents'] });
    return counts.map((c) => {
      const [kind, channel] = dimsOf(c.dims);
      return { unitId: c.unitId, kind: kind as string, channel: channel as string, n: c.value };
    });
  }

  /** By month (added up over the listed units): published documents, each once a month. */
  async function publicationsByMonth(year: number, unitIds: number[]) {
    const { first, last } = yearMonths(year);
    const listed = new Set(unitIds);
    const counts = new Map<string, number>();
    for (const c of await monthlySums(strapi, ROLLUP_SOURCES.article, 'monthly', first, last)) {
      if (listed.has(c.unitId)) counts.set(c.month, (counts.get(c.month) ?? 0) + c.value);
    }
    return monthKeys(year).map((month) => ({ month, count: counts.get(month) ?? 0 }));
  }

  /** The feedback figures by unit: the year's counters, and its open feedback due before today. */
  async function feedbackCounts(year: number, today: string) {
    const { first, last } = yearMonths(year);
    const source = ROLLUP_SOURCES.feedback;
    const [counts, overdueOpen] = await Promise.all([
      sums(strapi, source, first, last, { counters: FEEDBACK_COUNTERS, byDims: false }),
      sums(strapi, source, first, last, { counters: ['open'], dimsBelow: today, byDims: false }),
    ]);
    const byUnit = new Map<number, Row['feedback']>();
    for (const c of [...counts, ...overdueOpen]) {
      const figures = byUnit.get(c.unitId) ?? { assigned: 0, answered: 0, answeredOnTime: 0, overdue: 0 };
      byUnit.set(c.unitId, addFeedbackCounter(figures, c.counter, c.value));
    }
    return byUnit;
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

  /** Open difficulties by unit, whenever reported: every month's rollups. */
  async function openDifficulties() {
    const counts = await sums(strapi, ROLLUP_SOURCES.difficulty, '0000-01', '9999-12', { counters: ['n'] });
    const open = new Set<string>(OPEN_DIFFICULTY_STATES);
    const byUnit = new Map<number, number>();
    for (const c of counts)
      if (open.has(dimsOf(c.dims)[0] ?? '')) byUnit.set(c.unitId, (byUnit.get(c.unitId) ?? 0) + c.value);
    return byUnit;
  }

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
      const { today } = await clock();
      // Writes made outside Strapi's lifecycles (a bulk load, an operator's SQL) are taken in first.
      await flush(strapi, { all: true });
      const [plan, units] = await Promise.all([planOf(year), activeUnits()]);
      const tasks = plan ? await tasksOf(plan.documentId) : [];
      const [reports, submissions, articles, months, feedback, reminders, difficulties] = await Promise.all([
        tasks.length ? latestReports(tasks.map((t) => t.documentId)) : Promise.resolve(new Map()),
        submissionCounts(year),
        articleCounts(year),
        publicationsByMonth(
          year,
          units.map((u) => u.id)
        ),
        feedbackCounts(year, today),
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
        const row = rows.get(r.unitId);
        if (!row) continue;
        row.submissions.byState[r.state] = (row.submissions.byState[r.state] ?? 0) + r.n;
        row.submissions.total += r.n;
      }
      for (const r of articles) {
        const row = rows.get(r.unitId);
        if (!row) continue;
        row.articles.published += r.n;
        row.articles.byKind[r.kind] = (row.articles.byKind[r.kind] ?? 0) + r.n;
        row.articles.byChannel[r.channel] = (row.articles.byChannel[r.channel] ?? 0) + r.n;
      }
      for (const [unitId, figures] of feedback) {
        const row = rows.get(unitId);
        if (row) row.feedback = figures;
      }
      for (const r of reminders) {
        const row = rowOf(r.unit_id);
        if (row) row.lastReminderAt = iso(r.last);
      }
      for (const [unitId, n] of difficulties) {
        const row = rows.get(unitId);
        if (row) row.openDifficulties = n;
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
