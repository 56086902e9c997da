/**
 * The figures of an annual report's period, computed with SQL aggregates (domain/figures.ts says what each one
 * counts), and the difficulties of the period for the narrative. No personal data leaves this service: staff
 * names of task reports and difficulties are left out.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { procedureFieldTable, procedureLevelTable, procedureTable } from '#api/procedure/tables';
import { surveyResponseTable } from '#api/survey-response/tables';
import { dimsKey, dimsOf } from '#domain/rollups';
import { linkTable } from '#infra/relation-queries';
import { bucketsBetween, flush, NO_UNIT, sums } from '#infra/rollups';
import { iso, ms, num } from '#infra/stored-values';
import type { Link, TableNames } from '#infra/table-names';
import { SURVEY_CRITERIA } from '#domain/survey-intake';
import { difficultyTable, checkTable, reminderTable, taskReportTable } from '#oversight/tables';
import { submissionTable } from '#unit-submissions/tables';
import type { Count, Figures } from '../domain/figures';
import { articleCounts, daysBetween, median, onTimeRate, round, splitPeriod } from '../domain/figures-rules';
import { REPORT_ROLLUP_SOURCES, type ArticleFamily } from '../rollups';
import { byUnitOrder, counts, plainUnit, reportQueries, type Period, type Raw } from './report-queries';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const queries = reportQueries(strapi);
  const { knex } = queries;

  /**
   * `base`'s rows (as `alias`) counted DISTINCT by `counted` per document of `target` they are linked to through
   * `l`, as `k` (null: linked to none).
   */
  const byLinked = (
    base: Knex.QueryBuilder,
    alias: string,
    l: Link,
    target: TableNames<'id' | 'documentId', string>,
    counted: string
  ) => {
    const x = target.at('x');
    return base
      .leftJoin(`${l.name} as xl`, `xl.${l.from}`, `${alias}.id`)
      .leftJoin(`${target.table} as x`, x.id, `xl.${l.to}`)
      .groupBy(x.documentId)
      .select(`${x.documentId} as k`)
      .countDistinct({ n: counted });
  };

  async function articleFigures(period: Period): Promise<Figures['articles']> {
    const year = Number(period.to.slice(0, 4));
    const task = planTaskTable(strapi);
    const t = task.at('t');
    const taskUnit = task.link.unit;
    const [buckets, tasks]: [{ unitId: number; dims: string; value: number }[], Raw[]] = await Promise.all([
      periodBuckets(REPORT_ROLLUP_SOURCES.articles, period),
      queries
        .planTaskRows(year)
        .leftJoin(`${taskUnit.name} as tu`, `tu.${taskUnit.from}`, t.id)
        .select(
          `${t.documentId} as document_id`,
          `${t.code} as code`,
          `${t.content} as content`,
          `${t.targetCount} as target_count`,
          `tu.${taskUnit.to} as unit_id`
        )
        .orderBy([
          { column: t.code, order: 'asc' },
          { column: t.id, order: 'asc' },
        ]),
    ]);
    const counted = articleCounts(
      buckets.map((b) => {
        const [family, value, document] = dimsOf(b.dims);
        return { unitId: b.unitId, family: family!, value, document, rows: b.value };
      })
    );
    /** One grouping's counts as rows of `k` and `n`. */
    const rowsOf = (family: ArticleFamily | 'unit'): Raw[] =>
      [...(counted.get(family) ?? new Map<string | null, number>())].map(([k, n]) => ({ k, n }));
    const [total, kinds, channels, campaigns] = [
      rowsOf('all'),
      rowsOf('kind'),
      rowsOf('channel'),
      rowsOf('campaign'),
    ];
    const units = rowsOf('unit')
      .filter((r) => num(r.k) !== NO_UNIT)
      .map((r) => ({ unit_id: num(r.k), n: r.n }));
    const taskCounts = rowsOf('task');
    // Campaign titles: the Vietnamese row, published first.
    const titles = await queries.viRows(
      campaignTable(strapi),
      campaigns.map((r) => r.k).filter((k): k is string => typeof k === 'string'),
      ['title']
    );
    const byCampaign = campaigns
      .map((r) =>
        r.k === null || r.k === undefined
          ? { campaign: null, count: num(r.n) }
          : {
              campaign: {
                documentId: r.k as string,
                title: (titles.get(r.k as string)?.title as string | null) ?? (r.k as string),
              },
              count: num(r.n),
            }
      )
      .sort(
        (a, b) => b.count - a.count || (a.campaign?.title ?? '~').localeCompare(b.campaign?.title ?? '~')
      );

    const targets = new Map<number, number>();
    for (const t of tasks)
      if (t.unit_id !== null && t.unit_id !== undefined)
        targets.set(num(t.unit_id), (targets.get(num(t.unit_id)) ?? 0) + num(t.target_count));
    const published = new Map<number, number>();
    for (const r of units)
      if (r.unit_id !== null && r.unit_id !== undefined) published.set(num(r.unit_id), num(r.n));
    const unitIds = [...new Set([...targets.keys(), ...published.keys()])];
    const refs = await queries.unitRefs([...unitIds, ...tasks.map((t) => num(t.unit_id)).filter(Boolean)]);
    const byUnit = byUnitOrder(
      unitIds
        .filter((id) => refs.has(id))
        .map((id) => ({
          unit: refs.get(id)!,
          published: published.get(id) ?? 0,
          target: targets.get(id) ?? 0,
        }))
    ).map((r) => ({ ...r, unit: plainUnit(r.unit) }));
    const perTask = new Map(taskCounts.map((r) => [r.k as string, num(r.n)]));
    return {
      published: num(total[0]?.n),
      byKind: counts(kinds),
      byChannel: counts(channels),
      byCampaign,
      byUnit,
      byTask: tasks.map((t) => ({
        task: {
          documentId: t.document_id as string,
          code: t.code as string,
          content: t.content as string,
          unitCode:
            t.unit_id === null || t.unit_id === undefined ? null : (refs.get(num(t.unit_id))?.code ?? null),
        },
        target: num(t.target_count),
        published: perTask.get(t.document_id as string) ?? 0,
      })),
    };
  }

  async function submissionFigures(start: Date, end: Date): Promise<Figures['submissions']> {
    const submission = submissionTable(strapi);
    const article = articleTable(strapi);
    const [s, a, a2] = [submission.at('s'), article.at('a'), article.at('a2')];
    const articleLink = submission.link.article;
    const [rows, published]: Raw[][] = await Promise.all([
      queries
        .submissionsIn(start, end)
        .select(queries.unitOf(submission, 's'), `${s.state} as state`)
        .count({ n: '*' })
        .groupByRaw('1, 2'),
      // Submissions whose article (the document) was first published in the period.
      knex()(`${submission.table} as s`)
        .join(`${articleLink.name} as al`, `al.${articleLink.from}`, s.id)
        .join(`${article.table} as a`, a.id, `al.${articleLink.to}`)
        .join(`${article.table} as a2`, a2.documentId, a.documentId)
        .whereNotNull(a2.publishedAt)
        .whereNotNull(s.submittedAt)
        .where(s.state, 'published')
        .groupBy(s.id, s.submittedAt)
        .select(s.id, `${s.submittedAt} as submitted_at`)
        .min({ published_at: a2.publishedAt })
        .havingRaw(`MIN(${a2.publishedAt}) >= ? AND MIN(${a2.publishedAt}) < ?`, [start, end]),
    ]);
    const perUnit = new Map<number | null, Count[]>();
    for (const r of rows) {
      const unit = r.unit_id === null || r.unit_id === undefined ? null : num(r.unit_id);
      perUnit.set(unit, [...(perUnit.get(unit) ?? []), { key: r.state as string, count: num(r.n) }]);
    }
    const refs = await queries.unitRefs([...perUnit.keys()].filter((k): k is number => k !== null));
    const byUnit = byUnitOrder(
      [...perUnit.entries()]
        .filter(([id]) => id !== null && refs.has(id))
        .map(([id, states]) => ({
          unit: refs.get(id!)!,
          total: states.reduce((s, c) => s + c.count, 0),
          byState: states.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
        }))
    ).map((r) => ({ ...r, unit: plainUnit(r.unit) }));
    const days = published.map((r) => daysBetween(ms(r.submitted_at), ms(r.published_at)));
    const m = median(days);
    return {
      total: rows.reduce((s, r) => s + num(r.n), 0),
      byUnit,
      medianDaysToPublication: m === null ? null : round(m, 1),
    };
  }

  async function procedureFigures(period: Period): Promise<Figures['procedures']> {
    const procedure = procedureTable(strapi);
    const field = procedureFieldTable(strapi);
    const level = procedureLevelTable(strapi);
    const [p, lv] = [procedure.at('p'), level.at('lv')];
    const levels = procedure.link.levels;
    // A component link also names the component type and the attribute (Strapi's own columns, not an owner's).
    const { on } = linkTable(strapi, procedure.uid, 'levels') as unknown as { on?: Record<string, string> };
    const levelQuery = queries
      .listedAt(period)
      .join(`${levels.name} as pc`, `pc.${levels.from}`, p.id)
      .join(`${level.table} as lv`, lv.id, `pc.${levels.to}`)
      .where('pc.component_type', level.uid);
    if (on?.field) levelQuery.where('pc.field', on.field);
    const [listed, fields, byLevel, added, amended, abolished]: Raw[][] = await Promise.all([
      queries.listedAt(period).countDistinct({ n: p.documentId }),
      byLinked(queries.listedAt(period), 'p', procedure.link.field, field, p.documentId),
      levelQuery.groupBy(lv.level).select(`${lv.level} as k`).countDistinct({ n: p.documentId }),
      queries.proceduresAdded(period).countDistinct({ n: p.documentId }),
      queries.proceduresEnded(period, 'amended').countDistinct({ n: p.documentId }),
      queries.proceduresEnded(period, 'abolished').countDistinct({ n: p.documentId }),
    ]);
    const names = await queries.viRows(
      field,
      fields.map((r) => r.k).filter((k): k is string => typeof k === 'string'),
      ['code', 'name']
    );
    return {
      listed: num(listed[0]?.n),
      byField: fields
        .map((r) => ({
          field:
            r.k === null || r.k === undefined
              ? { code: '', name: 'Chưa phân lĩnh vực' }
              : names.has(r.k as string)
                ? {
                    code: (names.get(r.k as string)!.code as string) ?? '',
                    name: names.get(r.k as string)!.name as string,
                  }
                : { code: '', name: r.k as string },
          count: num(r.n),
        }))
        .sort((a, b) => b.count - a.count || a.field.code.localeCompare(b.field.code)),
      byLevel: counts(byLevel),
      added: num(added[0]?.n),
      amended: num(amended[0]?.n),
      abolished: num(abolished[0]?.n),
    };
  }

  /**
   * A report source's counter `n` by unit and bucket over the period: the whole half months summed from the rollups,
   * any edge days computed from the rows by the same SQL.
   */
  async function periodBuckets(source: string, period: Period) {
    const { slices, edges } = splitPeriod(period);
    const out: { unitId: number; dims: string; value: number }[] = [];
    if (slices) out.push(...(await sums(strapi, source, slices.first, slices.last, { counters: ['n'] })));
    for (const edge of edges) {
      const { start, end } = await queries.boundsOf(edge);
      for (const b of await bucketsBetween(strapi, source, start, end))
        out.push({ unitId: b.unitId, dims: dimsKey(b.dims), value: b.counters.n });
    }
    return out;
  }

  /** A report source's counter `n` by bucket (its dimensions' key) over the period, every unit. */
  async function bucketCounts(source: string, period: Period): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const b of await periodBuckets(source, period)) out.set(b.dims, (out.get(b.dims) ?? 0) + b.value);
    return out;
  }

  /** The counts of `buckets` by their `index`-th dimension. */
  const byDimension = (buckets: Map<string, number>, index: number) => {
    const by = new Map<string | null, number>();
    for (const [dims, n] of buckets) {
      const key = dimsOf(dims)[index];
      by.set(key, (by.get(key) ?? 0) + n);
    }
    return by;
  };
  const countsOf = (by: Map<string | null, number>) => counts([...by].map(([k, n]) => ({ k, n })));
  const total = (buckets: Map<string, number>) => [...buckets.values()].reduce((s, n) => s + n, 0);

  async function feedbackFigures(period: Period): Promise<Figures['feedback']> {
    const [received, closed, published] = await Promise.all([
      bucketCounts(REPORT_ROLLUP_SOURCES.received, period),
      bucketCounts(REPORT_ROLLUP_SOURCES.closed, period),
      bucketCounts(REPORT_ROLLUP_SOURCES.answersPublished, period),
    ]);
    const states = byDimension(closed, 0);
    const timeliness = byDimension(closed, 1);
    const onTime = timeliness.get('on_time') ?? 0;
    const late = timeliness.get('late') ?? 0;
    return {
      received: total(received),
      byChannel: countsOf(byDimension(received, 0)),
      byKind: countsOf(byDimension(received, 1)),
      notAccepted: states.get('not_accepted') ?? 0,
      transferred: states.get('transferred') ?? 0,
      answered: (states.get('answered') ?? 0) + (states.get('published') ?? 0),
      onTime,
      late,
      onTimeRate: onTimeRate(onTime, late),
      answersPublished: total(published),
    };
  }

  async function satisfactionFigures(start: Date, end: Date): Promise<Figures['satisfaction']> {
    const survey = surveyResponseTable(strapi);
    const columns = SURVEY_CRITERIA.map((c) => ({ key: c.key, column: survey.column[c.key] }));
    const { submittedAt } = survey.at('r');
    const rows: Raw[] = await knex()(`${survey.table} as r`)
      .where(submittedAt, '>=', start)
      .where(submittedAt, '<', end)
      .select(
        knex().raw('COUNT(*) as n'),
        ...columns.flatMap((c, i) => [
          knex().raw(`AVG(r.${c.column}) as m${i}`),
          knex().raw(`COUNT(r.${c.column}) as c${i}`),
        ])
      );
    const r = rows[0] ?? {};
    return {
      responses: num(r.n),
      criteria: columns.map((c, i) => ({
        criterion: c.key,
        mean:
          r[`m${i}`] === null || r[`m${i}`] === undefined || num(r[`c${i}`]) === 0
            ? null
            : round(num(r[`m${i}`]), 2),
        responses: num(r[`c${i}`]),
      })),
    };
  }

  async function oversightFigures(period: Period, start: Date, end: Date): Promise<Figures['oversight']> {
    const between = (table: string, column: string) =>
      knex()(table).where(column, '>=', start).where(column, '<', end).count({ n: '*' });
    const reminder = reminderTable(strapi);
    const check = checkTable(strapi);
    const difficulty = difficultyTable(strapi);
    const [reminders, checks, raised, resolved, escalated]: Raw[][] = await Promise.all([
      between(reminder.table, reminder.column.sentAt),
      knex()(check.table)
        .where(check.column.date, '>=', period.from)
        .where(check.column.date, '<=', period.to)
        .count({ n: '*' }),
      between(difficulty.table, difficulty.column.reportedAt),
      between(difficulty.table, difficulty.column.resolvedAt),
      between(difficulty.table, difficulty.column.escalatedAt),
    ]);
    return {
      remindersSent: num(reminders[0]?.n),
      checks: num(checks[0]?.n),
      difficultiesRaised: num(raised[0]?.n),
      difficultiesResolved: num(resolved[0]?.n),
      difficultiesEscalated: num(escalated[0]?.n),
    };
  }

  /** The latest report of each task among those reported in the period. */
  async function taskReportFigures(start: Date, end: Date): Promise<Figures['taskReports']> {
    const report = taskReportTable(strapi);
    const task = planTaskTable(strapi);
    const [c, r, t] = [report.column, report.at('r'), task.at('t')];
    const latest = knex()(report.table)
      .where(c.reportedAt, '>=', start)
      .where(c.reportedAt, '<', end)
      .groupBy(c.planTaskDocumentId)
      .select(`${c.planTaskDocumentId} as task`)
      .max({ last: c.reportedAt });
    const rows: Raw[] = await knex()(`${report.table} as r`)
      .join(latest.as('l'), function () {
        this.on('l.task', '=', r.planTaskDocumentId).andOn('l.last', '=', r.reportedAt);
      })
      .leftJoin(`${task.table} as t`, function () {
        this.on(t.documentId, '=', r.planTaskDocumentId).andOnVal(t.locale, '=', 'vi');
      })
      .select(
        r.id,
        `${r.planTaskDocumentId} as plan_task_document_id`,
        `${r.status} as status`,
        `${r.results} as results`,
        `${r.reportedAt} as reported_at`,
        `${t.code} as code`,
        `${t.content} as content`,
        queries.unitOf(report, 'r')
      )
      .orderBy([
        { column: t.code, order: 'asc' },
        { column: r.id, order: 'asc' },
      ]);
    const unitOfRow = await queries.unitLookup(rows);
    const seen = new Set<string>();
    const out: Figures['taskReports'] = [];
    for (const r of rows) {
      // Two reports of a task at the same instant: the first one (lowest id).
      const key = String(r.plan_task_document_id);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        task: { code: (r.code as string) ?? '', content: (r.content as string) ?? '' },
        unit: unitOfRow(r),
        status: r.status === 'done' ? 'done' : 'in_progress',
        results: (r.results as string) ?? '',
        reportedAt: iso(r.reported_at)!,
      });
    }
    return out;
  }

  async function computeFigures(period: Period): Promise<Figures> {
    const { start, end } = await queries.boundsOf(period);
    // Raw writes (an import, an operator's SQL) are taken in before the rollups are read.
    await flush(strapi, { all: true });
    const [articles, submissions, procedures_, feedback, satisfaction, oversight, taskReports] =
      await Promise.all([
        articleFigures(period),
        submissionFigures(start, end),
        procedureFigures(period),
        feedbackFigures(period),
        satisfactionFigures(start, end),
        oversightFigures(period, start, end),
        taskReportFigures(start, end),
      ]);
    return {
      period: { from: period.from, to: period.to },
      computedAt: new Date().toISOString(),
      articles,
      submissions,
      procedures: procedures_,
      feedback,
      satisfaction,
      oversight,
      taskReports,
    };
  }

  return { computeFigures };
};
