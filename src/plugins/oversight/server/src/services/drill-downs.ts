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
import type { Link } from '#infra/table-names';
import { submissionTable } from '#unit-submissions/tables';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import {
  OPEN_DIFFICULTY_STATES,
  pageOf,
  paginationOf,
  statusesOf,
  type DrillDownQuery,
  type FeedbackFilter,
} from '../domain/dashboard';
import { difficultyTable } from '../tables';
import { feedbackConditions, yearBounds } from './dashboard';
import type { LatestReport, TaskLinks } from './tasks';

type DashboardService = ReturnType<typeof import('./dashboard').default>;

type Raw = Record<string, unknown>;

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

  function submissionsQuery(unitId: number, q: DrillDownQuery, from: Date, to: Date) {
    const submission = submissionTable(strapi);
    const s = submission.at('s');
    const query = knex()(`${submission.table} as s`)
      .whereIn(s.id, rowsOfUnit(submission.link.unit, unitId))
      .where(s.createdAt, '>=', from)
      .where(s.createdAt, '<', to);
    if (q.state) query.where(s.state, q.state);
    if (q.task) query.whereIn(s.id, linkedToTask(submission.uid, q.task));
    return query;
  }

  function articlesQuery(unitId: number, q: DrillDownQuery, from: Date, to: Date) {
    const article = articleTable(strapi);
    const a = article.at('a');
    const query = knex()(`${article.table} as a`)
      .whereIn(a.id, rowsOfUnit(article.link.unit, unitId))
      .where(a.publishedAt, '>=', from)
      .where(a.publishedAt, '<', to);
    if (q.kind) query.where(a.kind, q.kind);
    if (q.channel) query.where(a.channel, q.channel);
    if (q.task) query.whereIn(a.id, linkedToTask(article.uid, q.task));
    return query;
  }

  function feedbackQuery(
    unitId: number,
    filter: FeedbackFilter | undefined,
    from: Date,
    to: Date,
    today: string
  ) {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    const conditions = feedbackConditions(strapi);
    const query = knex()(`${feedback.table} as f`)
      .whereIn(f.id, rowsOfUnit(feedback.link.handlingUnit, unitId))
      .where(f.receivedAt, '>=', from)
      .where(f.receivedAt, '<', to);
    if (filter === 'answered') query.whereRaw(conditions.answered);
    if (filter === 'on_time') query.whereRaw(conditions.onTime);
    if (filter === 'overdue') query.whereRaw(conditions.overdue, [today]);
    return query;
  }

  /** Per task document: the published articles (documents) and submissions of the unit in the year. */
  async function countsByTask(unitId: number, taskIds: string[], from: Date, to: Date) {
    if (taskIds.length === 0) return { articles: new Map(), submissions: new Map(), difficulties: new Map() };
    const [article, submission, task, difficulty] = [
      articleTable(strapi),
      submissionTable(strapi),
      planTaskTable(strapi),
      difficultyTable(strapi),
    ];
    const [a, s, t, d] = [article.at('a'), submission.at('s'), task.at('t'), difficulty.at('d')];
    const articleTask = article.link.planTask;
    const submissionTask = submission.link.planTask;
    const [articles, submissions, difficulties]: Raw[][] = await Promise.all([
      knex()(`${article.table} as a`)
        .join(`${articleTask.name} as tl`, `tl.${articleTask.from}`, a.id)
        .join(`${task.table} as t`, t.id, `tl.${articleTask.to}`)
        .whereIn(t.documentId, taskIds)
        .whereIn(a.id, rowsOfUnit(article.link.unit, unitId))
        .where(a.publishedAt, '>=', from)
        .where(a.publishedAt, '<', to)
        .groupBy(t.documentId)
        .select(`${t.documentId} as task`)
        .countDistinct({ n: a.documentId }),
      knex()(`${submission.table} as s`)
        .join(`${submissionTask.name} as tl`, `tl.${submissionTask.from}`, s.id)
        .join(`${task.table} as t`, t.id, `tl.${submissionTask.to}`)
        .whereIn(t.documentId, taskIds)
        .whereIn(s.id, rowsOfUnit(submission.link.unit, unitId))
        .where(s.createdAt, '>=', from)
        .where(s.createdAt, '<', to)
        .groupBy(t.documentId)
        .select(`${t.documentId} as task`)
        .countDistinct({ n: s.id }),
      knex()(`${difficulty.table} as d`)
        .whereIn(d.planTaskDocumentId, taskIds)
        .whereIn(d.state, OPEN_DIFFICULTY_STATES)
        .whereIn(d.id, rowsOfUnit(difficulty.link.unit, unitId))
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
      const submission = submissionTable(strapi);
      const s = submission.at('s');
      const base = submissionsQuery(unitId, q, from, to);
      const [[{ total }], rows] = await Promise.all([
        base.clone().count({ total: '*' }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .select(
            ...submission.select('s', 'id', 'documentId', 'title', 'kind', 'state', 'submittedAt', 'dueDate')
          )
          .orderBy([
            { column: s.createdAt, order: 'desc' },
            { column: s.id, order: 'desc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
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
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },

    /** The unit's articles published in the year, one per document. */
    async articles(unitId: number, q: DrillDownQuery) {
      const { timeZone } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const article = articleTable(strapi);
      const a = article.at('a');
      const base = articlesQuery(unitId, q, from, to);
      const [[{ total }], docs] = await Promise.all([
        base.clone().countDistinct({ total: a.documentId }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .groupBy(a.documentId)
          .select(`${a.documentId} as document_id`)
          .min({ published_at: a.publishedAt })
          .orderBy([
            { column: 'published_at', order: 'desc' },
            { column: a.documentId, order: 'asc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
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
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },

    /** The feedback assigned to the unit received in the year: no personal data, the subject redacted. */
    async feedback(unitId: number, q: DrillDownQuery) {
      const { timeZone, today } = await clock();
      const { from, to } = yearBounds(q.year, timeZone);
      const feedback = feedbackTable(strapi);
      const f = feedback.at('f');
      const base = feedbackQuery(unitId, q.filter, from, to, today);
      const [[{ total }], rows] = await Promise.all([
        base.clone().count({ total: '*' }) as unknown as Promise<Raw[]>,
        base
          .clone()
          .select(
            ...feedback.select(
              'f',
              'documentId',
              'subject',
              'kind',
              'state',
              'receivedAt',
              'answeredAt',
              'onTime',
              'fullName',
              'address',
              'phone',
              'email'
            ),
            knex().raw(`${answerDueSql(f)} as current_due`)
          )
          .orderBy([
            { column: f.receivedAt, order: 'desc' },
            { column: f.id, order: 'desc' },
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<Raw[]>,
      ]);
      return {
        results: rows.map((r) => ({
          documentId: r.documentId,
          subject: redactPersonalData(String(r.subject ?? ''), {
            fullName: r.fullName as string | null,
            address: r.address as string | null,
            phone: r.phone as string | null,
            email: r.email as string | null,
          }),
          kind: r.kind,
          state: r.state,
          receivedAt: iso(r.receivedAt),
          dueDate: day(r.current_due),
          answeredAt: iso(r.answeredAt),
          onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
        })),
        pagination: paginationOf(q.page, q.pageSize, num(total)),
      };
    },
  };
};
