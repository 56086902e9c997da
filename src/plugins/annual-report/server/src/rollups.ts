/**
 * The annual report's rollups (src/infra/rollups.ts): the feedback and article figures of domain/figures.ts counted
 * per unit (or none: `unlinked`, every row counts) and local half month, so that a report sums its whole half
 * months (the period from 15/12 to 14/12 has nothing else) and computes any edge days from the rows, with the same
 * SQL (services/figures.ts).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { sourceRows, type ComputedBucket, type MonthRange, type RollupSource } from '#infra/rollups';
import { num } from '#infra/stored-values';

export const REPORT_ROLLUP_SOURCES = {
  received: 'report_received',
  closed: 'report_closed',
  answersPublished: 'report_answers',
  articles: 'report_articles',
} as const;

/**
 * The groupings of the published articles' counters: every article, by kind, by channel, by campaign and by plan
 * task (a campaign's or a task's document id).
 */
export const ARTICLE_FAMILIES = ['all', 'kind', 'channel', 'campaign', 'task'] as const;
export type ArticleFamily = (typeof ARTICLE_FAMILIES)[number];

type Raw = Record<string, unknown>;

export function reportRollupSources(strapi: Core.Strapi): RollupSource[] {
  const feedback = feedbackTable(strapi);
  const f = feedback.at('f');
  const c = feedback.column;
  // Half months: the report's period (15/12 to 14/12) is whole slices.
  const span = 'half-month' as const;
  const common = {
    uid: feedback.uid,
    table: feedback.table,
    unit: feedback.link.handlingUnit,
    unlinked: true,
    span,
  };

  /** The rows of a slice (or of edge days) grouped by unit and `dims` (SQL, each `as` its name), counted as `n`. */
  const grouped = async (
    db: Knex,
    source: RollupSource,
    range: MonthRange,
    dims: Record<string, string>
  ): Promise<ComputedBucket[]> => {
    const { query, unitId } = sourceRows(db, source, 'f', range);
    const names = Object.keys(dims);
    const rows: Raw[] = await query
      .select(db.raw(`${unitId} as unit_id`), ...names.map((d) => db.raw(`${dims[d]} as ${d}`)))
      .count({ n: '*' })
      .groupByRaw(names.map((_, i) => i + 2).reduce((g, i) => `${g}, ${i}`, '1'));
    return rows.map((r) => ({
      unitId: num(r.unit_id),
      dims: names.map((d) => (r[d] === null || r[d] === undefined ? null : String(r[d]))),
      counters: { n: num(r.n) },
    }));
  };

  // Received in the month: by channel and kind.
  const received: RollupSource = {
    ...common,
    name: REPORT_ROLLUP_SOURCES.received,
    at: c.receivedAt,
    watched: [c.channel, c.kind],
    compute: (db, range) => grouped(db, received, range, { channel: f.channel, kind: f.kind }),
  };
  // Closed in the month: by state, and on time or late (null: neither).
  const closed: RollupSource = {
    ...common,
    name: REPORT_ROLLUP_SOURCES.closed,
    at: c.closedAt,
    watched: [c.state, c.onTime],
    compute: (db, range) =>
      grouped(db, closed, range, {
        state: f.state,
        timeliness: `CASE WHEN ${f.onTime} = TRUE THEN 'on_time' WHEN ${f.onTime} = FALSE THEN 'late' END`,
      }),
  };
  // Answers published in the month.
  const answersPublished: RollupSource = {
    ...common,
    name: REPORT_ROLLUP_SOURCES.answersPublished,
    at: c.answerPublishedAt,
    watched: [],
    compute: (db, range) => grouped(db, answersPublished, range, {}),
  };

  const article = articleTable(strapi);
  const a = article.at('a');
  // Published articles, counted DISTINCT by document in a period, which months cannot add up when a document has
  // several published rows (its locales): a row of a document published only once counts in its buckets (`document`
  // empty); a row of a document published in several rows counts under its document id, so that the figures count
  // the distinct ids of the period's months and edge days. Kind and channel are not localized; the links are.
  const articles: RollupSource = {
    uid: article.uid,
    table: article.table,
    unit: article.link.unit,
    unlinked: true,
    span,
    name: REPORT_ROLLUP_SOURCES.articles,
    at: article.column.publishedAt,
    document: article.column.documentId,
    watched: [article.column.kind, article.column.channel],
    async compute(db, range) {
      const { query, unitId } = sourceRows(db, articles, 'a', range);
      const [cl, tl] = [article.link.campaign, article.link.planTask];
      const [c, t] = [campaignTable(strapi).at('c'), planTaskTable(strapi).at('t')];
      const b = article.at('b');
      const others = `EXISTS (SELECT 1 FROM ${article.table} b
        WHERE ${b.documentId} = ${a.documentId} AND ${b.publishedAt} IS NOT NULL AND ${b.id} <> ${a.id})`;
      const rows: Raw[] = await query
        .leftJoin(`${cl.name} as cl`, `cl.${cl.from}`, a.id)
        .leftJoin(`${campaignTable(strapi).table} as c`, c.id, `cl.${cl.to}`)
        .leftJoin(`${tl.name} as tl`, `tl.${tl.from}`, a.id)
        .leftJoin(`${planTaskTable(strapi).table} as t`, t.id, `tl.${tl.to}`)
        .select(
          db.raw(`${unitId} as unit_id`),
          `${a.kind} as kind`,
          `${a.channel} as channel`,
          `${c.documentId} as campaign`,
          `${t.documentId} as task`,
          db.raw(`CASE WHEN ${others} THEN ${a.documentId} END as document`)
        )
        .count({ n: '*' })
        .groupByRaw('1, 2, 3, 4, 5, 6');
      const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
      return rows.flatMap((r) =>
        ARTICLE_FAMILIES.map((family) => ({
          unitId: num(r.unit_id),
          dims: [family, family === 'all' ? null : text(r[family]), text(r.document)],
          counters: { n: num(r.n) },
        }))
      );
    },
  };

  return [received, closed, answersPublished, articles];
}
