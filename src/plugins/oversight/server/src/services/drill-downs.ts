/**
 * The drill-downs of the dashboard (services/dashboard.ts): a unit's tasks, submissions, articles and feedback of
 * a year, with the same conditions as the figures, so that the number of rows a drill-down lists is the figure.
 * Links to targets with a draft and a published row per locale are filtered through subqueries or counted
 * DISTINCT by document, never joined in a way that repeats rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { answerDueSql } from '#domain/feedback-deadlines';
import { idsLinkedTo } from '#infra/relation-queries';
import { day, iso, num } from '#infra/stored-values';
import type { Link, TableNames } from '#infra/table-names';
import { submissionTable } from '#unit-submissions/tables';
import { redactedSubject, SUBMITTER_FIELDS } from '#feedback-register/domain/redaction';
import {
  OPEN_DIFFICULTY_STATES,
  pageOf,
  paginationOf,
  statusesOf,
  type DrillDownQuery,
  type FeedbackFilter,
} from '../domain/dashboard';
import { difficultyTable } from '../tables';
import { feedbackConditions, rowsBetween, yearBounds } from './dashboard';
import type { LatestReport, TaskLinks } from './tasks';

type DashboardService = ReturnType<typeof import('./dashboard').default>;

type Raw = Record<string, unknown>;

/** A unit and the instants that bound its year (`today`: the local day, for deadlines). */
interface UnitYear {
  unitId: number;
  from: Date;
  to: Date;
  today: string;
}

/**
 * What a drill-down lists: the unit's matching rows of the year with the columns a page shows (`rows`: one per item
 * listed, their number the total), and a page's order by those columns' names.
 */
interface Listing {
  rows: Knex.QueryBuilder;
  order: { column: string; order: 'asc' | 'desc' }[];
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const dashboard = () => strapi.plugin('oversight').service('dashboard') as DashboardService;
  const clock = () => dashboard().clock();
  const planOf = (year: number) => dashboard().planOf(year);
  const tasksOf = (planDocumentId: string, unitId?: number) => dashboard().tasksOf(planDocumentId, unitId);
  /** The ids of `uid` rows linked to the unit (the unit is neither localized nor published: one link per row). */
  const rowsOfUnit = (l: Link, unitId: number) => knex()(l.name).select(l.from).where(l.to, unitId);
  const latestReports = (ids?: string[]): Promise<Map<string, LatestReport>> =>
    strapi.plugin('oversight').service('tasks').latestReports(ids);

  /** The ids of `uid` rows linked to the plan task. */
  const linkedToTask = (uid: string, documentId: string) =>
    idsLinkedTo(strapi, { uid, attribute: 'planTask', targetUid: planTaskTable(strapi).uid, documentId });

  /** The rows of a table (as `alias`) of the unit (linked through `unitLink`) whose `column` is in its year. */
  function unitRows<C extends string, L extends string>(
    names: TableNames<C, L>,
    alias: string,
    column: C,
    unitLink: Link,
    { unitId, from, to }: UnitYear
  ) {
    return rowsBetween(strapi, names, alias, column, from, to).whereIn(
      `${alias}.id`,
      rowsOfUnit(unitLink, unitId)
    );
  }

  /** The unit and the bounds of the query's year, in the organization's time zone. */
  async function unitYear(unitId: number, q: DrillDownQuery): Promise<UnitYear> {
    const { timeZone, today } = await clock();
    return { unitId, ...yearBounds(q.year, timeZone), today };
  }

  /**
   * The total and the requested page of a listing, in one query over its rows materialized first. Ordered and
   * limited directly, PostgreSQL walked the index on the order's instant over the whole year, testing each row
   * against the unit, whenever it expected the page's rows among the newest (the overdue feedback, rarely recent:
   * seconds at 1M rows); materialized, it reads the unit's rows from its links once, for the page and the total.
   */
  async function paged(q: DrillDownQuery, { rows: listed, order }: Listing) {
    const rows: Raw[] = await knex()
      .withMaterialized('listed', listed)
      .from('listed')
      .select('*', knex().raw('COUNT(*) OVER () AS total'))
      .orderBy(order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    // A page past the last one has no row to carry the total.
    const total = rows.length
      ? num(rows[0].total)
      : q.page > 1
        ? num((await knex().from(listed.as('listed')).count({ total: '*' }))[0].total)
        : 0;
    return { rows, pagination: paginationOf(q.page, q.pageSize, total) };
  }

  /** Newest first by `column`, then by id (the listing's names). */
  const newestFirst = (column: string, id: string) => [
    { column, order: 'desc' as const },
    { column: id, order: 'desc' as const },
  ];

  function submissionsListing(year: UnitYear, q: DrillDownQuery): Listing {
    const submission = submissionTable(strapi);
    const s = submission.at('s');
    const base = unitRows(submission, 's', 'createdAt', submission.link.unit, year);
    if (q.state) base.where(s.state, q.state);
    if (q.task) base.whereIn(s.id, linkedToTask(submission.uid, q.task));
    return {
      rows: base.select(
        ...submission.select(
          's',
          'id',
          'documentId',
          'title',
          'kind',
          'state',
          'submittedAt',
          'dueDate',
          'createdAt'
        )
      ),
      order: newestFirst('createdAt', 'id'),
    };
  }

  /** One row per document: its first publication in the year. */
  function articlesListing(year: UnitYear, q: DrillDownQuery): Listing {
    const article = articleTable(strapi);
    const a = article.at('a');
    const base = unitRows(article, 'a', 'publishedAt', article.link.unit, year);
    if (q.kind) base.where(a.kind, q.kind);
    if (q.channel) base.where(a.channel, q.channel);
    if (q.task) base.whereIn(a.id, linkedToTask(article.uid, q.task));
    return {
      rows: base
        .groupBy(a.documentId)
        .select(`${a.documentId} as document_id`)
        .min({ published_at: a.publishedAt }),
      order: [
        { column: 'published_at', order: 'desc' },
        { column: 'document_id', order: 'asc' },
      ],
    };
  }

  function feedbackListing(year: UnitYear, filter: FeedbackFilter | undefined): Listing {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    const conditions = feedbackConditions(strapi);
    const base = unitRows(feedback, 'f', 'receivedAt', feedback.link.handlingUnit, year);
    if (filter === 'answered') base.whereRaw(conditions.answered);
    if (filter === 'on_time') base.whereRaw(conditions.onTime);
    if (filter === 'overdue') base.whereRaw(conditions.overdue, [year.today]);
    const columns = feedback.select(
      'f',
      'id',
      'documentId',
      'subject',
      'kind',
      'state',
      'receivedAt',
      'answeredAt',
      'onTime',
      ...SUBMITTER_FIELDS
    );
    return {
      rows: base.select(...columns, knex().raw(`${answerDueSql(f)} as current_due`)),
      order: newestFirst('receivedAt', 'id'),
    };
  }

  /** Per task document: the published articles (documents) and submissions of the unit in the year. */
  async function countsByTask(year: UnitYear, taskIds: string[]) {
    if (taskIds.length === 0) return { articles: new Map(), submissions: new Map(), difficulties: new Map() };
    const [article, submission, task, difficulty] = [
      articleTable(strapi),
      submissionTable(strapi),
      planTaskTable(strapi),
      difficultyTable(strapi),
    ];
    const [t, d] = [task.at('t'), difficulty.at('d')];
    /** `query`'s rows (as `alias`) by the listed task they are linked to (through `l`), as `task`. */
    const byTask = (query: Knex.QueryBuilder, l: Link, alias: string) =>
      query
        .join(`${l.name} as tl`, `tl.${l.from}`, `${alias}.id`)
        .join(`${task.table} as t`, t.id, `tl.${l.to}`)
        .whereIn(t.documentId, taskIds)
        .groupBy(t.documentId)
        .select(`${t.documentId} as task`);
    const [articles, submissions, difficulties]: Raw[][] = await Promise.all([
      byTask(
        unitRows(article, 'a', 'publishedAt', article.link.unit, year),
        article.link.planTask,
        'a'
      ).countDistinct({ n: article.at('a').documentId }),
      byTask(
        unitRows(submission, 's', 'createdAt', submission.link.unit, year),
        submission.link.planTask,
        's'
      ).countDistinct({ n: submission.at('s').id }),
      knex()(`${difficulty.table} as d`)
        .whereIn(d.planTaskDocumentId, taskIds)
        .whereIn(d.state, OPEN_DIFFICULTY_STATES)
        .whereIn(d.id, rowsOfUnit(difficulty.link.unit, year.unitId))
        .groupBy(d.planTaskDocumentId)
        .select(`${d.planTaskDocumentId} as task`)
        .count({ n: '*' }),
    ]);
    const toMap = (rows: Raw[]) => new Map(rows.map((r) => [r.task as string, num(r.n)]));
    return { articles: toMap(articles), submissions: toMap(submissions), difficulties: toMap(difficulties) };
  }

  /** Plan task references ({ documentId, code }) of the rows of `uid` with these ids. */
  async function taskRefs(l: Link, ids: number[]) {
    if (ids.length === 0) return new Map<number, { documentId: string; code: string }>();
    const task = planTaskTable(strapi);
    const rows: Raw[] = await knex()(`${l.name} as tl`)
      .join(`${task.table} as t`, task.at('t').id, `tl.${l.to}`)
      .whereIn(`tl.${l.from}`, ids)
      .select(`tl.${l.from} as row_id`, ...task.select('t', 'documentId', 'code'));
    return new Map(
      rows.map((r) => [num(r.row_id), { documentId: r.documentId as string, code: r.code as string }])
    );
  }

  return {
    /** The unit's tasks of the year's plan, with their status and what was done for each. */
    async tasks(unitId: number, q: DrillDownQuery) {
      const year = await unitYear(unitId, q);
      const { today } = year;
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
        countsByTask(year, pageIds),
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
      const { rows, pagination } = await paged(q, submissionsListing(await unitYear(unitId, q), q));
      const submission = submissionTable(strapi);
      const refs = await taskRefs(
        submission.link.planTask,
        rows.map((r) => num(r.id))
      );
      return {
        results: rows.map((r) => ({
          documentId: r.documentId,
          title: r.title,
          kind: r.kind,
          state: r.state,
          submittedAt: iso(r.submittedAt),
          dueDate: day(r.dueDate),
          planTask: refs.get(num(r.id)) ?? null,
        })),
        pagination,
      };
    },

    /** The unit's articles published in the year, one per document. */
    async articles(unitId: number, q: DrillDownQuery) {
      const { rows: docs, pagination } = await paged(q, articlesListing(await unitYear(unitId, q), q));
      const article = articleTable(strapi);
      const a = article.at('a');
      const ids = docs.map((d) => d.document_id as string);
      // The published rows of the page's documents, Vietnamese first: title, kind, channel, task.
      const rows: Raw[] = ids.length
        ? await knex()(`${article.table} as a`)
            .whereIn(a.documentId, ids)
            .whereNotNull(a.publishedAt)
            .select(...article.select('a', 'id', 'documentId', 'locale', 'title', 'kind', 'channel'))
        : [];
      const refs = await taskRefs(
        article.link.planTask,
        rows.map((r) => num(r.id))
      );
      const best = new Map<string, Raw>();
      for (const r of rows) {
        const seen = best.get(r.documentId as string);
        if (!seen || (r.locale === 'vi' && seen.locale !== 'vi')) best.set(r.documentId as string, r);
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
        pagination,
      };
    },

    /** The feedback assigned to the unit received in the year: no personal data, the subject redacted. */
    async feedback(unitId: number, q: DrillDownQuery) {
      const { rows, pagination } = await paged(q, feedbackListing(await unitYear(unitId, q), q.filter));
      return {
        results: rows.map((r) => ({
          documentId: r.documentId,
          subject: redactedSubject(r),
          kind: r.kind,
          state: r.state,
          receivedAt: iso(r.receivedAt),
          dueDate: day(r.current_due),
          answeredAt: iso(r.answeredAt),
          onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
        })),
        pagination,
      };
    },
  };
};
