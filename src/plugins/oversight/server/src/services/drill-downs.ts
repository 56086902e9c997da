/**
 * The drill-downs of the dashboard (services/dashboard.ts): a unit's tasks, submissions, articles and feedback of
 * a year, with the same conditions as the figures, so that the number of rows a drill-down lists is the figure.
 * Links to targets with a draft and a published row per locale are filtered through subqueries or counted
 * DISTINCT by document, never joined in a way that repeats rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ANSWER_DUE_SQL } from '#domain/feedback-deadlines';
import { idsLinkedTo, linkColumns } from '#infra/relation-queries';
import { day, iso, num } from '#infra/stored-values';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import {
  OPEN_DIFFICULTY_STATES,
  pageOf,
  paginationOf,
  statusesOf,
  type DrillDownQuery,
  type FeedbackFilter,
} from '../domain/dashboard';
import { UIDS } from '../permissions';
import { ANSWERED_SQL, ON_TIME_SQL, OVERDUE_SQL, yearBounds } from './dashboard';
import type { LatestReport, TaskLinks } from './tasks';

type DashboardService = ReturnType<typeof import('./dashboard').default>;

const TASK = 'api::plan-task.plan-task';
const ARTICLE = 'api::article.article';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FEEDBACK = 'api::feedback.feedback';

type Raw = Record<string, unknown>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);
  const dashboard = () => strapi.plugin('oversight').service('dashboard') as DashboardService;
  const clock = () => dashboard().clock();
  const planOf = (year: number) => dashboard().planOf(year);
  const tasksOf = (planDocumentId: string, unitId?: number) => dashboard().tasksOf(planDocumentId, unitId);
  /** The ids of `uid` rows linked to the unit (the unit is neither localized nor published: one link per row). */
  const rowsOfUnit = (uid: string, attribute: string, unitId: number) => {
    const l = link(uid, attribute);
    return knex()(l.name).select(l.from).where(l.to, unitId);
  };
  const latestReports = (ids?: string[]): Promise<Map<string, LatestReport>> =>
    strapi.plugin('oversight').service('tasks').latestReports(ids);

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
            knex().raw(`${ANSWER_DUE_SQL} as current_due`)
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
