/**
 * The dashboard of every unit against the year's plan, and the drill-downs behind each figure. What each figure
 * counts is defined in domain/dashboard.ts; here it is computed with SQL aggregates grouped by unit (a dozen
 * queries per dashboard, whatever the number of rows), and the drill-downs use the same conditions, so that the
 * number of rows a drill-down lists is the figure.
 *
 * Storage notes (Strapi 5): relations are link tables; articles and plans have a draft and a published row per
 * locale, plan tasks a row per locale. Links to such targets are filtered through subqueries or counted DISTINCT by
 * document, never joined in a way that repeats rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { idsLinkedTo, linkColumns } from '#infra/relation-queries';
import { day, iso, num } from '#infra/stored-values';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import {
  chartsOf,
  emptyFigures,
  FEEDBACK_OPEN_STATES,
  monthKeys,
  monthStarts,
  OPEN_DIFFICULTY_STATES,
  pageOf,
  paginationOf,
  statusesOf,
  taskFiguresByUnit,
  totalsOf,
  yearDays,
  type DrillDownQuery,
  type FeedbackFilter,
  type PlanTaskFact,
  type Row,
} from '../domain/dashboard';
import { UIDS } from '../permissions';
import type { LatestReport, TaskLinks } from './tasks';

const UNIT = 'api::unit.unit';
const PLAN = 'api::plan.plan';
const TASK = 'api::plan-task.plan-task';
const ARTICLE = 'api::article.article';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FEEDBACK = 'api::feedback.feedback';

type Raw = Record<string, unknown>;

const OPEN_STATES_SQL = FEEDBACK_OPEN_STATES.map((s) => `'${s}'`).join(', ');
// The due date of the step an open feedback waits for (domain/dashboard.ts feedbackCounts).
const CURRENT_DUE_SQL = `(CASE WHEN f.state = 'assigned' THEN COALESCE(f.unit_due_date, f.due_date) ELSE f.due_date END)`;
// Overdue: open and past its current due date (bound: today), or answered late.
const OVERDUE_SQL = `((f.state IN (${OPEN_STATES_SQL}) AND ${CURRENT_DUE_SQL} < ?) OR (f.answered_at IS NOT NULL AND f.on_time = FALSE))`;
const ANSWERED_SQL = 'f.answered_at IS NOT NULL';
const ON_TIME_SQL = 'f.answered_at IS NOT NULL AND f.on_time = TRUE';

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

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);
  /** The ids of `uid` rows linked to the unit (the unit is neither localized nor published: one link per row). */
  const rowsOfUnit = (uid: string, attribute: string, unitId: number) => {
    const l = link(uid, attribute);
    return knex()(l.name).select(l.from).where(l.to, unitId);
  };
  const latestReports = (ids?: string[]): Promise<Map<string, LatestReport>> =>
    strapi.plugin('oversight').service('tasks').latestReports(ids);

  const yearBounds = (year: number, timeZone: string) => {
    const { first, next } = yearDays(year);
    return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
  };

  async function clock(): Promise<Clock> {
    const { timeZone } = await organizationSettings(strapi);
    const today = localDate(new Date(), timeZone);
    return { timeZone, today, currentYear: Number(today.slice(0, 4)) };
  }

  /** The year's published plan, in Vietnamese (the default locale) when it has that language. */
  async function planOf(year: number): Promise<Plan | null> {
    const rows: Raw[] = await knex()(table(PLAN))
      .select('document_id', 'title', 'number', 'symbol', 'locale')
      .where('year', year)
      .whereNotNull('published_at')
      .orderBy('id', 'asc');
    const row = rows.find((r) => r.locale === 'vi') ?? rows[0];
    if (!row) return null;
    return {
      documentId: row.document_id as string,
      title: row.title as string,
      number: row.number === null ? null : num(row.number),
      symbol: (row.symbol as string | null) ?? null,
    };
  }

  /** The plan's tasks (one per document: the `vi` row), with their unit; only one unit's when given. */
  async function tasksOf(planDocumentId: string, unitId?: number): Promise<Task[]> {
    const planLink = link(TASK, 'plan');
    const unitLink = link(TASK, 'unit');
    const query = knex()(`${table(TASK)} as t`)
      .leftJoin(`${unitLink.name} as ul`, `ul.${unitLink.from}`, 't.id')
      .where('t.locale', 'vi')
      .whereIn(
        't.id',
        knex()(`${planLink.name} as pl`)
          .join(`${table(PLAN)} as p`, 'p.id', `pl.${planLink.to}`)
          .where('p.document_id', planDocumentId)
          .select(`pl.${planLink.from}`)
      )
      .select(
        't.document_id',
        't.code',
        't.content',
        't.form',
        't.channel',
        't.target_count',
        't.due_date',
        `ul.${unitLink.to} as unit_id`
      )
      .orderByRaw('t.due_date IS NULL, t.due_date ASC, t.code ASC, t.id ASC');
    if (unitId !== undefined) query.where(`ul.${unitLink.to}`, unitId);
    const rows: Raw[] = await query;
    return rows.map((r) => ({
      documentId: r.document_id as string,
      code: r.code as string,
      content: r.content as string,
      form: r.form as string,
      channel: (r.channel as string | null) ?? null,
      targetCount: r.target_count === null ? null : num(r.target_count),
      dueDate: day(r.due_date),
      unitId: r.unit_id === null || r.unit_id === undefined ? null : num(r.unit_id),
    }));
  }

  async function activeUnits(ids?: number[]) {
    const query = knex()(table(UNIT))
      .select('id', 'document_id', 'code', 'name')
      .where('active', true)
      .orderBy([
        { column: 'sort_order', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    if (ids) query.whereIn('id', ids.length ? ids : [-1]);
    const rows: Raw[] = await query;
    return rows.map((r) => ({
      id: num(r.id),
      documentId: r.document_id as string,
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
  function withUnit(query: Knex.QueryBuilder, uid: string, attribute: string, alias: string) {
    const l = link(uid, attribute);
    if (strapi.db.dialect.client === 'postgres') {
      query.join(`${l.name} as l`, `l.${l.from}`, `${alias}.id`);
      return `l.${l.to} as unit_id`;
    }
    const expression = `(SELECT l.${l.to} FROM ${l.name} l WHERE l.${l.from} = ${alias}.id)`;
    return knex().raw(`${expression} as unit_id`);
  }

  async function submissionCounts(from: Date, to: Date) {
    const query = knex()(`${table(SUBMISSION)} as s`)
      .where('s.created_at', '>=', from)
      .where('s.created_at', '<', to);
    const unit = withUnit(query, SUBMISSION, 'unit', 's');
    const rows: Raw[] = await query.groupByRaw('1, 2').select(unit, 's.state').count({ n: '*' });
    return rows;
  }

  async function articleCounts(from: Date, to: Date) {
    const query = knex()(`${table(ARTICLE)} as a`)
      .where('a.published_at', '>=', from)
      .where('a.published_at', '<', to);
    const unit = withUnit(query, ARTICLE, 'unit', 'a');
    const rows: Raw[] = await query
      .groupByRaw('1, 2, 3')
      .select(unit, 'a.kind', 'a.channel')
      .countDistinct({ n: 'a.document_id' });
    return rows;
  }

  /** By month and unit (then added up over the listed units): published documents. */
  async function publicationsByMonth(year: number, timeZone: string, unitIds: number[]) {
    const starts = monthStarts(year).map((d) => startOfLocalDay(d, timeZone));
    const cases = starts
      .slice(1)
      .map((_, i) => `WHEN a.published_at < ? THEN ${i}`)
      .join(' ');
    const query = knex()(`${table(ARTICLE)} as a`)
      .where('a.published_at', '>=', starts[0])
      .where('a.published_at', '<', starts[12]);
    const unit = withUnit(query, ARTICLE, 'unit', 'a');
    const rows: Raw[] = await query
      .select(unit, knex().raw(`CASE ${cases} END as m`, starts.slice(1)))
      .countDistinct({ n: 'a.document_id' })
      .groupByRaw('1, 2');
    const listed = new Set(unitIds);
    const counts = new Map<number, number>();
    for (const r of rows) {
      if (listed.has(num(r.unit_id))) counts.set(num(r.m), (counts.get(num(r.m)) ?? 0) + num(r.n));
    }
    return monthKeys(year).map((month, i) => ({ month, count: counts.get(i) ?? 0 }));
  }

  async function feedbackCounts(from: Date, to: Date, today: string) {
    const query = knex()(`${table(FEEDBACK)} as f`)
      .where('f.received_at', '>=', from)
      .where('f.received_at', '<', to);
    const unit = withUnit(query, FEEDBACK, 'handlingUnit', 'f');
    const rows: Raw[] = await query
      .groupByRaw('1')
      .select(
        unit,
        knex().raw('COUNT(*) as assigned'),
        knex().raw(`SUM(CASE WHEN ${ANSWERED_SQL} THEN 1 ELSE 0 END) as answered`),
        knex().raw(`SUM(CASE WHEN ${ON_TIME_SQL} THEN 1 ELSE 0 END) as on_time`),
        knex().raw(`SUM(CASE WHEN ${OVERDUE_SQL} THEN 1 ELSE 0 END) as overdue`, [today])
      );
    return rows;
  }

  async function lastReminders() {
    const l = link(UIDS.reminder, 'unit');
    const rows: Raw[] = await knex()(`${table(UIDS.reminder)} as r`)
      .join(`${l.name} as l`, `l.${l.from}`, 'r.id')
      .groupBy(`l.${l.to}`)
      .select(`l.${l.to} as unit_id`)
      .max({ last: 'r.sent_at' });
    return rows;
  }

  async function openDifficulties() {
    const l = link(UIDS.difficulty, 'unit');
    const rows: Raw[] = await knex()(`${table(UIDS.difficulty)} as d`)
      .join(`${l.name} as l`, `l.${l.from}`, 'd.id')
      .whereIn('d.state', OPEN_DIFFICULTY_STATES)
      .groupBy(`l.${l.to}`)
      .select(`l.${l.to} as unit_id`)
      .count({ n: '*' });
    return rows;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Drill-down conditions, shared by the counts and the pages

  function submissionsQuery(unitId: number, q: DrillDownQuery, from: Date, to: Date) {
    const query = knex()(`${table(SUBMISSION)} as s`)
      .whereIn('s.id', rowsOfUnit(SUBMISSION, 'unit', unitId))
      .where('s.created_at', '>=', from)
      .where('s.created_at', '<', to);
    if (q.state) query.where('s.state', q.state);
    if (q.task)
      query.whereIn(
        's.id',
        idsLinkedTo(strapi, { uid: SUBMISSION, attribute: 'planTask', targetUid: TASK, documentId: q.task })
      );
    return query;
  }

  function articlesQuery(unitId: number, q: DrillDownQuery, from: Date, to: Date) {
    const query = knex()(`${table(ARTICLE)} as a`)
      .whereIn('a.id', rowsOfUnit(ARTICLE, 'unit', unitId))
      .where('a.published_at', '>=', from)
      .where('a.published_at', '<', to);
    if (q.kind) query.where('a.kind', q.kind);
    if (q.channel) query.where('a.channel', q.channel);
    if (q.task)
      query.whereIn(
        'a.id',
        idsLinkedTo(strapi, { uid: ARTICLE, attribute: 'planTask', targetUid: TASK, documentId: q.task })
      );
    return query;
  }

  function feedbackQuery(
    unitId: number,
    filter: FeedbackFilter | undefined,
    from: Date,
    to: Date,
    today: string
  ) {
    const query = knex()(`${table(FEEDBACK)} as f`)
      .whereIn('f.id', rowsOfUnit(FEEDBACK, 'handlingUnit', unitId))
      .where('f.received_at', '>=', from)
      .where('f.received_at', '<', to);
    if (filter === 'answered') query.whereRaw(ANSWERED_SQL);
    if (filter === 'on_time') query.whereRaw(ON_TIME_SQL);
    if (filter === 'overdue') query.whereRaw(OVERDUE_SQL, [today]);
    return query;
  }

  /** Per task document: the published articles (documents) and submissions of the unit in the year. */
  async function countsByTask(unitId: number, taskIds: string[], from: Date, to: Date) {
    if (taskIds.length === 0) return { articles: new Map(), submissions: new Map(), difficulties: new Map() };
    const articleTask = link(ARTICLE, 'planTask');
    const submissionTask = link(SUBMISSION, 'planTask');
    const [articles, submissions, difficulties]: Raw[][] = await Promise.all([
      knex()(`${table(ARTICLE)} as a`)
        .join(`${articleTask.name} as tl`, `tl.${articleTask.from}`, 'a.id')
        .join(`${table(TASK)} as t`, 't.id', `tl.${articleTask.to}`)
        .whereIn('t.document_id', taskIds)
        .whereIn('a.id', rowsOfUnit(ARTICLE, 'unit', unitId))
        .where('a.published_at', '>=', from)
        .where('a.published_at', '<', to)
        .groupBy('t.document_id')
        .select('t.document_id as task')
        .countDistinct({ n: 'a.document_id' }),
      knex()(`${table(SUBMISSION)} as s`)
        .join(`${submissionTask.name} as tl`, `tl.${submissionTask.from}`, 's.id')
        .join(`${table(TASK)} as t`, 't.id', `tl.${submissionTask.to}`)
        .whereIn('t.document_id', taskIds)
        .whereIn('s.id', rowsOfUnit(SUBMISSION, 'unit', unitId))
        .where('s.created_at', '>=', from)
        .where('s.created_at', '<', to)
        .groupBy('t.document_id')
        .select('t.document_id as task')
        .countDistinct({ n: 's.id' }),
      knex()(`${table(UIDS.difficulty)} as d`)
        .whereIn('d.plan_task_document_id', taskIds)
        .whereIn('d.state', OPEN_DIFFICULTY_STATES)
        .whereIn('d.id', rowsOfUnit(UIDS.difficulty, 'unit', unitId))
        .groupBy('d.plan_task_document_id')
        .select('d.plan_task_document_id as task')
        .count({ n: '*' }),
    ]);
    const toMap = (rows: Raw[]) => new Map(rows.map((r) => [r.task as string, num(r.n)]));
    return { articles: toMap(articles), submissions: toMap(submissions), difficulties: toMap(difficulties) };
  }

  /** Plan task references ({ documentId, code }) of the rows of `uid` with these ids. */
  async function taskRefs(uid: string, ids: number[]) {
    if (ids.length === 0) return new Map<number, { documentId: string; code: string }>();
    const l = link(uid, 'planTask');
    const rows: Raw[] = await knex()(`${l.name} as tl`)
      .join(`${table(TASK)} as t`, 't.id', `tl.${l.to}`)
      .whereIn(`tl.${l.from}`, ids)
      .select(`tl.${l.from} as row_id`, 't.document_id', 't.code');
    return new Map(
      rows.map((r) => [num(r.row_id), { documentId: r.document_id as string, code: r.code as string }])
    );
  }

  return {
    clock,
    planOf,
    activeUnits,

    /** Years of published plans, latest first. */
    async planYears(): Promise<number[]> {
      const rows: Raw[] = await knex()(table(PLAN))
        .distinct('year')
        .whereNotNull('published_at')
        .orderBy('year', 'desc');
      return rows.map((r) => num(r.year));
    },

    async unitExists(unitId: number) {
      const [row] = await knex()(table(UNIT)).where('id', unitId).select('id').limit(1);
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

    /** The unit's tasks of the year's plan, with their status and what was done for each. */
    async tasks(unitId: number, q: DrillDownQuery) {
      const { timeZone, today } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const plan = await planOf(q.year);
      const tasks = plan ? await tasksOf(plan.documentId, unitId) : [];
      const reports: Map<string, LatestReport> = tasks.length
        ? await latestReports(tasks.map((t) => t.documentId))
        : new Map();
      const statuses = statusesOf(tasks, reports, today);
      const matching = q.status ? tasks.filter((t) => statuses.get(t.documentId) === q.status) : tasks;
      const page = pageOf(matching, q.page, q.pageSize);
      const pageIds = page.results.map((t) => t.documentId);
      const [counts, links] = await Promise.all([
        countsByTask(unitId, pageIds, from, to),
        strapi.plugin('oversight').service('tasks').linkedOutputs(pageIds) as Promise<Map<string, TaskLinks>>,
      ]);
      return {
        results: page.results.map((t) => {
          const report = reports.get(t.documentId);
          return {
            documentId: t.documentId,
            code: t.code,
            content: t.content,
            form: t.form,
            channel: t.channel,
            targetCount: t.targetCount,
            dueDate: t.dueDate,
            status: statuses.get(t.documentId),
            publishedArticles: counts.articles.get(t.documentId) ?? 0,
            submissions: counts.submissions.get(t.documentId) ?? 0,
            lastReport: report
              ? {
                  status: report.status,
                  reportedAt: iso(report.reportedAt),
                  results: report.results,
                  reportedByName: report.reportedByName,
                }
              : null,
            openDifficulties: counts.difficulties.get(t.documentId) ?? 0,
            linked: links.get(t.documentId)!,
          };
        }),
        pagination: page.pagination,
      };
    },

    /** The unit's submissions created in the year. */
    async submissions(unitId: number, q: DrillDownQuery) {
      const { timeZone } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const base = submissionsQuery(unitId, q, from, to);
      const [[{ total }], rows] = await Promise.all([
        base.clone().count({ total: '*' }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .select('s.id', 's.document_id', 's.title', 's.kind', 's.state', 's.submitted_at', 's.due_date')
          .orderBy([
            { column: 's.created_at', order: 'desc' },
            { column: 's.id', order: 'desc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
      const refs = await taskRefs(
        SUBMISSION,
        rows.map((r) => num(r.id))
      );
      return {
        results: rows.map((r) => ({
          documentId: r.document_id,
          title: r.title,
          kind: r.kind,
          state: r.state,
          submittedAt: iso(r.submitted_at),
          dueDate: day(r.due_date),
          planTask: refs.get(num(r.id)) ?? null,
        })),
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },

    /** The unit's articles published in the year, one per document. */
    async articles(unitId: number, q: DrillDownQuery) {
      const { timeZone } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const base = articlesQuery(unitId, q, from, to);
      const [[{ total }], docs] = await Promise.all([
        base.clone().countDistinct({ total: 'a.document_id' }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .groupBy('a.document_id')
          .select('a.document_id')
          .min({ published_at: 'a.published_at' })
          .orderBy([
            { column: 'published_at', order: 'desc' },
            { column: 'a.document_id', order: 'asc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
      const ids = docs.map((d) => d.document_id as string);
      // The published rows of the page's documents, Vietnamese first: title, kind, channel, task.
      const rows: Raw[] = ids.length
        ? await knex()(table(ARTICLE))
            .whereIn('document_id', ids)
            .whereNotNull('published_at')
            .select('id', 'document_id', 'locale', 'title', 'kind', 'channel')
        : [];
      const refs = await taskRefs(
        ARTICLE,
        rows.map((r) => num(r.id))
      );
      const best = new Map<string, Raw>();
      for (const r of rows) {
        const seen = best.get(r.document_id as string);
        if (!seen || (r.locale === 'vi' && seen.locale !== 'vi')) best.set(r.document_id as string, r);
      }
      return {
        results: docs.map((d) => {
          const r = best.get(d.document_id as string) ?? {};
          return {
            documentId: d.document_id,
            title: r.title ?? null,
            kind: r.kind ?? null,
            channel: r.channel ?? null,
            publishedAt: iso(d.published_at),
            planTask: refs.get(num(r.id)) ?? null,
          };
        }),
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },

    /** The feedback assigned to the unit received in the year: no personal data, the subject redacted. */
    async feedback(unitId: number, q: DrillDownQuery) {
      const { timeZone, today } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const base = feedbackQuery(unitId, q.filter, from, to, today);
      const [[{ total }], rows] = await Promise.all([
        base.clone().count({ total: '*' }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .select(
            'f.document_id',
            'f.subject',
            'f.kind',
            'f.state',
            'f.received_at',
            'f.answered_at',
            'f.on_time',
            'f.full_name',
            'f.address',
            'f.phone',
            'f.email',
            knex().raw(`${CURRENT_DUE_SQL} as current_due`)
          )
          .orderBy([
            { column: 'f.received_at', order: 'desc' },
            { column: 'f.id', order: 'desc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
      return {
        results: rows.map((r) => ({
          documentId: r.document_id,
          subject: redactPersonalData(String(r.subject ?? ''), {
            fullName: r.full_name as string | null,
            address: r.address as string | null,
            phone: r.phone as string | null,
            email: r.email as string | null,
          }),
          kind: r.kind,
          state: r.state,
          receivedAt: iso(r.received_at),
          dueDate: day(r.current_due),
          answeredAt: iso(r.answered_at),
          onTime: r.on_time === null || r.on_time === undefined ? null : Boolean(r.on_time),
        })),
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },
  };
};
