import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { linkColumns } from '#infra/relation-queries';
import { iso, num } from '#infra/stored-values';
import { LINKED_PREVIEW, type OutputFacts } from '../domain/task-outputs';
import { UIDS } from '../permissions';

const TASK = 'api::plan-task.plan-task';
const ARTICLE = 'api::article.article';
const SUBMISSION = 'plugin::unit-submissions.submission';

type Raw = Record<string, unknown>;

export interface LatestReport {
  planTaskDocumentId: string;
  status: 'in_progress' | 'done';
  reportedAt: string;
  results: string;
  reportedByName: string;
  outputCount: number | null;
}

export interface LinkedArticle {
  documentId: string;
  title: string | null;
  published: boolean;
  /** When its published version went out (null for a draft). */
  publishedAt: string | null;
  updatedAt: string | null;
}

export interface LinkedSubmission {
  documentId: string;
  title: string;
  state: string;
  submittedAt: string | null;
  createdAt: string | null;
  /** The article approved from it (null before approval): linked both, they are one output. */
  articleDocumentId: string | null;
}

/** What is linked to a task: the total, and the latest few (domain/task-outputs.ts LINKED_PREVIEW). */
export interface Linked<T> {
  total: number;
  latest: T[];
}

export interface TaskLinks {
  articles: Linked<LinkedArticle>;
  submissions: Linked<LinkedSubmission>;
}

export const noLinks = (): TaskLinks => ({
  articles: { total: 0, latest: [] },
  submissions: { total: 0, latest: [] },
});

/** Plan tasks as the oversight sees them: each task's latest report decides whether it is done. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The latest report of each of these tasks (all tasks when omitted), by task documentId. */
  async latestReports(taskDocumentIds?: string[]): Promise<Map<string, LatestReport>> {
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(UIDS.taskReport).tableName;
    const latest = knex(table)
      .select('plan_task_document_id')
      .max({ last: 'reported_at' })
      .groupBy('plan_task_document_id');
    if (taskDocumentIds) latest.whereIn('plan_task_document_id', taskDocumentIds);
    const rows = await knex(`${table} as r`)
      .join(latest.as('l'), function () {
        this.on('l.plan_task_document_id', '=', 'r.plan_task_document_id').andOn(
          'l.last',
          '=',
          'r.reported_at'
        );
      })
      .select(
        'r.plan_task_document_id as planTaskDocumentId',
        'r.status',
        'r.reported_at as reportedAt',
        'r.results',
        'r.reported_by_name as reportedByName',
        'r.output_count as outputCount'
      );
    return new Map(rows.map((r: LatestReport) => [r.planTaskDocumentId, r]));
  },

  /**
   * The articles (one per document) and submissions linked to each of these tasks, of the task's own unit: the
   * total and the latest LINKED_PREVIEW of each task, in two queries whatever the number of tasks (a window
   * function ranks the rows of each task). Storage: infra/relation-queries.ts.
   */
  async linkedOutputs(taskDocumentIds: string[]): Promise<Map<string, TaskLinks>> {
    const links = new Map(taskDocumentIds.map((id) => [id, noLinks()]));
    if (taskDocumentIds.length === 0) return links;
    const knex = strapi.db.connection as unknown as Knex;
    const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
    const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);
    const taskUnit = link(TASK, 'unit');
    /** The rows of `uid` (alias `alias`) whose unit is a unit of the task document `t` (per locale rows). */
    const ofTaskUnit = (uid: string, alias: string) => {
      const own = link(uid, 'unit');
      return knex(`${own.name} as ou`)
        .join(`${taskUnit.name} as tu`, `tu.${taskUnit.to}`, `ou.${own.to}`)
        .join(`${table(TASK)} as t2`, 't2.id', `tu.${taskUnit.from}`)
        .whereRaw(`ou.${own.from} = ${alias}.id`)
        .whereRaw('t2.document_id = t.document_id')
        .select(knex.raw('1'));
    };
    const linkedTo = (uid: string, alias: string) => {
      const l = link(uid, 'planTask');
      return knex(`${table(uid)} as ${alias}`)
        .join(`${l.name} as tl`, `tl.${l.from}`, `${alias}.id`)
        .join(`${table(TASK)} as t`, 't.id', `tl.${l.to}`)
        .whereIn('t.document_id', taskDocumentIds)
        .whereExists(ofTaskUnit(uid, alias));
    };
    const ranked = (inner: Knex.QueryBuilder, sortAt: string) =>
      knex
        .from(
          knex
            .from(inner.as('x'))
            .select(
              'x.*',
              knex.raw(
                `ROW_NUMBER() OVER (PARTITION BY x.task ORDER BY ${sortAt} DESC, x.document_id ASC) as rn`
              ),
              knex.raw('COUNT(*) OVER (PARTITION BY x.task) as total')
            )
            .as('r')
        )
        .where('r.rn', '<=', LINKED_PREVIEW)
        .orderBy([{ column: 'r.task' }, { column: 'r.rn' }]);

    const [articles, submissions]: Raw[][] = await Promise.all([
      ranked(
        linkedTo(ARTICLE, 'a')
          .groupBy('t.document_id', 'a.document_id')
          .select('t.document_id as task', 'a.document_id as document_id')
          .max({ published_at: 'a.published_at', updated_at: 'a.updated_at' }),
        'COALESCE(x.published_at, x.updated_at)'
      ),
      ranked(
        linkedTo(SUBMISSION, 's').select(
          't.document_id as task',
          's.document_id as document_id',
          's.title',
          's.state',
          's.submitted_at',
          's.created_at'
        ),
        'x.created_at'
      ),
    ]);
    // Titles of the listed articles: the Vietnamese row first, then the published one.
    const titleRows: Raw[] = articles.length
      ? await knex(table(ARTICLE))
          .whereIn(
            'document_id',
            articles.map((r) => r.document_id as string)
          )
          .select('document_id', 'locale', 'title', 'published_at')
      : [];
    const rank = (r: Raw) => (r.locale === 'vi' ? 2 : 0) + (r.published_at ? 1 : 0);
    const titles = new Map<string, Raw>();
    for (const r of titleRows) {
      const seen = titles.get(r.document_id as string);
      if (!seen || rank(r) > rank(seen)) titles.set(r.document_id as string, r);
    }
    for (const r of articles) {
      const entry = links.get(r.task as string)!.articles;
      entry.total = num(r.total);
      entry.latest.push({
        documentId: r.document_id as string,
        title: (titles.get(r.document_id as string)?.title as string | undefined) ?? null,
        published: r.published_at !== null && r.published_at !== undefined,
        publishedAt: iso(r.published_at),
        updatedAt: iso(r.updated_at),
      });
    }
    // The articles approved from the listed submissions: a report linking both counts them once.
    const approved = link(SUBMISSION, 'article');
    const articleRows: Raw[] = submissions.length
      ? await knex(`${approved.name} as sa`)
          .join(`${table(SUBMISSION)} as s`, 's.id', `sa.${approved.from}`)
          .join(`${table(ARTICLE)} as a`, 'a.id', `sa.${approved.to}`)
          .whereIn(
            's.document_id',
            submissions.map((r) => r.document_id as string)
          )
          .distinct('s.document_id as submission', 'a.document_id as article')
      : [];
    const articleOf = new Map(articleRows.map((r) => [r.submission as string, r.article as string]));
    for (const r of submissions) {
      const entry = links.get(r.task as string)!.submissions;
      entry.total = num(r.total);
      entry.latest.push({
        documentId: r.document_id as string,
        title: r.title as string,
        state: r.state as string,
        submittedAt: iso(r.submitted_at),
        createdAt: iso(r.created_at),
        articleDocumentId: articleOf.get(r.document_id as string) ?? null,
      });
    }
    return links;
  },

  /** What a task report needs to know of the items it links (domain/task-outputs.ts checkOutputLinks). */
  async outputFacts(links: { articles: string[]; submissions: string[] }) {
    const facts = (rows: Raw[]) => {
      const map = new Map<string, OutputFacts>();
      for (const row of rows) {
        const documentId = row.documentId as string;
        const seen = map.get(documentId);
        const unit = row.unit as { id: number } | null;
        const task = row.planTask as { documentId: string } | null;
        const fact: OutputFacts = seen ?? {
          documentId,
          title: row.title as string,
          unitIds: [],
          taskDocumentIds: [],
          articleDocumentId: (row.article as { documentId: string } | null | undefined)?.documentId ?? null,
        };
        if (unit && !fact.unitIds.includes(unit.id)) fact.unitIds.push(unit.id);
        if (task && !fact.taskDocumentIds.includes(task.documentId))
          fact.taskDocumentIds.push(task.documentId);
        // The Vietnamese row names the article when it has one.
        if (seen && row.locale === 'vi') fact.title = row.title as string;
        map.set(documentId, fact);
      }
      return map;
    };
    const rowsOf = (uid: string, documentIds: string[], extra: object) =>
      documentIds.length
        ? (strapi.db.query(uid).findMany({
            where: { documentId: { $in: documentIds } },
            select: ['documentId', 'title', ...(uid === ARTICLE ? ['locale'] : [])],
            populate: {
              unit: { select: ['id'] },
              planTask: { select: ['documentId'] },
              ...extra,
            },
          }) as Promise<Raw[]>)
        : Promise.resolve([]);
    const [articles, submissions] = await Promise.all([
      rowsOf(ARTICLE, links.articles, {}),
      rowsOf(SUBMISSION, links.submissions, { article: { select: ['documentId'] } }),
    ]);
    return { articles: facts(articles), submissions: facts(submissions) };
  },
});
