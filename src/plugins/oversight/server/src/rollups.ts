/**
 * The dashboard's rollups (src/infra/rollups.ts): what each source counts per unit, local month and bucket, in
 * SQL over the rows, following the figures' definitions in domain/dashboard.ts. The dashboard sums them; the
 * drill-downs read the rows with the same conditions.
 */
import type { Core } from '@strapi/strapi';
import { articleTable } from '#api/article/tables';
import { feedbackTable } from '#api/feedback/tables';
import { answerDueSql, AWAITING_ANSWER_STATES } from '#domain/feedback-deadlines';
import { sourceRows, type ComputedBucket, type RollupSource } from '#infra/rollups';
import { day, num } from '#infra/stored-values';
import type { Link } from '#infra/table-names';
import { submissionTable } from '#unit-submissions/tables';
import { difficultyTable } from './tables';

export const ROLLUP_SOURCES = {
  submission: 'submission',
  article: 'article',
  feedback: 'feedback',
  difficulty: 'difficulty',
} as const;

type Raw = Record<string, unknown>;

const bucketsOf = (rows: Raw[], dims: string[], counters: string[]): ComputedBucket[] =>
  rows.map((r) => ({
    unitId: num(r.unit_id),
    dims: dims.map((d) => (r[d] === null || r[d] === undefined ? null : String(r[d]))),
    counters: Object.fromEntries(counters.map((c) => [c, num(r[c])])),
  }));

/** A source of a table's rows linked to a unit, counted (`n`) by state and dated by `at`. */
function byState(
  name: string,
  names: { uid: string; table: string; column: { state: string }; link: { unit: Link } },
  at: string
): RollupSource {
  const source: RollupSource = {
    name,
    uid: names.uid,
    table: names.table,
    at,
    watched: [names.column.state],
    unit: names.link.unit,
    async compute(db, range) {
      const { query, unitId } = sourceRows(db, source, 'r', range);
      const rows: Raw[] = await query
        .groupByRaw('1, 2')
        .select(db.raw(`${unitId} as unit_id`), `r.${names.column.state} as state`)
        .count({ n: '*' });
      return bucketsOf(rows, ['state'], ['n']);
    },
  };
  return source;
}

export function rollupSources(strapi: Core.Strapi): RollupSource[] {
  const submission = submissionTable(strapi);
  const article = articleTable(strapi);
  const feedback = feedbackTable(strapi);

  // Submissions: by state, created in the month.
  const submissions = byState(ROLLUP_SOURCES.submission, submission, submission.column.createdAt);
  // Articles: by kind and channel, the published documents of the month (`monthly`, for the chart), and those whose
  // first published row of the year (same unit, kind and channel) is in the month (`documents`: a document
  // published in two languages counts once a year).
  const articles: RollupSource = {
    name: ROLLUP_SOURCES.article,
    uid: article.uid,
    table: article.table,
    at: article.column.publishedAt,
    document: article.column.documentId,
    watched: [article.column.kind, article.column.channel],
    unit: article.link.unit,
    async compute(db, range) {
      const [a, b] = [article.at('a'), article.at('b')];
      const l = article.link.unit;
      const earlier = `EXISTS (SELECT 1 FROM ${article.table} b JOIN ${l.name} lb ON lb.${l.from} = ${b.id}
        WHERE ${b.documentId} = ${a.documentId} AND lb.${l.to} = l.${l.to}
          AND COALESCE(${b.kind}, '') = COALESCE(${a.kind}, '') AND COALESCE(${b.channel}, '') = COALESCE(${a.channel}, '')
          AND ${b.publishedAt} >= ? AND ${b.publishedAt} < ?)`;
      const rows: Raw[] = await sourceRows(db, articles, 'a', range)
        .query.groupByRaw('1, 2, 3')
        .select(
          `l.${l.to} as unit_id`,
          ...article.select('a', 'kind', 'channel'),
          db.raw(`COUNT(DISTINCT ${a.documentId}) as monthly`),
          db.raw(`COUNT(DISTINCT CASE WHEN NOT ${earlier} THEN ${a.documentId} END) as documents`, [
            range.yearFrom,
            range.from,
          ])
        );
      return bucketsOf(rows, ['kind', 'channel'], ['monthly', 'documents']);
    },
  };

  // Feedback: received in the month, by unit; and the open ones by the day their answer is due, so that "overdue" is
  // the buckets due before today (plus those answered late).
  const feedbacks: RollupSource = {
    name: ROLLUP_SOURCES.feedback,
    uid: feedback.uid,
    table: feedback.table,
    at: feedback.column.receivedAt,
    watched: [
      feedback.column.state,
      feedback.column.dueDate,
      feedback.column.unitDueDate,
      feedback.column.answeredAt,
      feedback.column.onTime,
    ],
    unit: feedback.link.handlingUnit,
    async compute(db, range) {
      const f = feedback.at('f');
      const unit = feedback.link.handlingUnit;
      const rows = () => sourceRows(db, feedbacks, 'f', range).query;
      const answered = `${f.answeredAt} IS NOT NULL`;
      const sum = (condition: string, as: string) =>
        db.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) as ${as}`);
      // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
      const all: Raw[] = await rows()
        .groupByRaw('1')
        .select(
          `l.${unit.to} as unit_id`,
          db.raw('COUNT(*) as assigned'),
          sum(answered, 'answered'),
          sum(`${answered} AND ${f.onTime} = TRUE`, 'on_time'),
          sum(`${answered} AND ${f.onTime} = FALSE`, 'late')
        );
      const open: Raw[] = await rows()
        .whereIn(f.state, AWAITING_ANSWER_STATES)
        .groupByRaw('1, 2')
        .select(`l.${unit.to} as unit_id`, db.raw(`${answerDueSql(f)} as due`))
        .count({ open: '*' });
      return [
        ...bucketsOf(all, [], ['assigned', 'answered', 'on_time', 'late']),
        ...bucketsOf(
          open.map((r) => ({ ...r, due: day(r.due) })),
          ['due'],
          ['open']
        ),
      ];
    },
  };

  // Difficulties: by state, reported in the month (the dashboard sums the open ones of every month).
  const difficulty = difficultyTable(strapi);
  const difficulties = byState(ROLLUP_SOURCES.difficulty, difficulty, difficulty.column.reportedAt);

  return [submissions, articles, feedbacks, difficulties];
}
