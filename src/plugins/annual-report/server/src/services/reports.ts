/**
 * Annual reports: the figures of a period computed with SQL aggregates (domain/figures.ts says what each one
 * counts), frozen into a draft's snapshot with a prefilled narrative, recomputed until the report is issued, and
 * the drill-down rows behind the figures (same conditions as the counts, so a drill-down's total is the figure).
 *
 * Every item counts by its local day (the organization's time zone): an instant counts when it is at or after
 * the start of the first day and before the start of the day after the last one; dates compare as dates.
 * Storage (Strapi 5): relations are link tables; articles, procedures, fields and campaigns have a draft and a
 * published row per locale, plan tasks a row per locale, so counts are DISTINCT by document.
 * No personal data leaves this service: feedback submitters are never selected except to redact subjects, and
 * staff names of task reports and difficulties are left out.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startOfLocalDay } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { linkColumns, linkTable } from '#infra/relation-queries';
import { day, iso, ms, num } from '#infra/stored-values';
import { reportPeriod } from '#domain/organization';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import { SURVEY_CRITERIA } from '#domain/survey-intake';
import type { Count, Figures, Narrative, UnitRef } from '../domain/figures';
import {
  daysBetween,
  diffFigures,
  median,
  nextDay,
  onTimeRate,
  round,
  type Change,
} from '../domain/figures-rules';
import { prefillNarrative, type DifficultyFact } from '../domain/narrative';
import { profileOn } from './organization-profile';
import type { CreateInput, ListQuery, NarrativeInput, RowsQuery } from '../domain/report-input';
import { UIDS } from '../permissions';

const UNIT = 'api::unit.unit';
const PLAN = 'api::plan.plan';
const TASK = 'api::plan-task.plan-task';
const ARTICLE = 'api::article.article';
const CAMPAIGN = 'api::campaign.campaign';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FEEDBACK = 'api::feedback.feedback';
const PROCEDURE = 'api::procedure.procedure';
const FIELD = 'api::procedure-field.procedure-field';
const SURVEY = 'api::survey-response.survey-response';
const REMINDER = 'plugin::oversight.reminder';
const INSPECTION = 'plugin::oversight.inspection';
const DIFFICULTY = 'plugin::oversight.difficulty';
const TASK_REPORT = 'plugin::oversight.task-report';

type Raw = Record<string, unknown>;

export interface Period {
  from: string;
  to: string;
}

/** A write refused because the report changed since it was read (→ 409). */
export class ConflictError extends Error {
  constructor() {
    super('The report was changed by someone else: reload it and try again.');
    this.name = 'ConflictError';
  }
}

/** A write refused because the report is issued (→ 400 on `state`). */
export class IssuedError extends Error {
  constructor() {
    super('The report is issued: it can no longer be changed.');
    this.name = 'IssuedError';
  }
}

const counts = (rows: Raw[], key = 'k'): Count[] =>
  rows
    .filter((r) => r[key] !== null && r[key] !== undefined)
    .map((r) => ({ key: String(r[key]), count: num(r.n) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

export interface ReportView {
  documentId: string;
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  state: 'draft' | 'issued';
  number: string | null;
  recipients: string | null;
  computedAt: string | null;
  issuedAt: string | null;
  issuedByName: string | null;
  createdByName: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  version: number;
}

export interface ReportDetail extends ReportView {
  snapshot: Figures | null;
  narrative: Narrative | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);

  /** The instants that bound the period: start of its first local day (included), of the day after (excluded). */
  async function boundsOf(period: Period) {
    const { timeZone } = await organizationSettings(strapi);
    return {
      start: startOfLocalDay(period.from, timeZone),
      end: startOfLocalDay(nextDay(period.to), timeZone),
    };
  }

  /** The unit of each row as `unit_id`, through the link table (units are neither localized nor published). */
  function unitOf(uid: string, alias: string) {
    const l = link(uid, 'unit');
    return knex().raw(`(SELECT ul.${l.to} FROM ${l.name} ul WHERE ul.${l.from} = ${alias}.id) as unit_id`);
  }

  async function unitRefs(ids: number[]): Promise<Map<number, UnitRef & { sortOrder: number }>> {
    if (ids.length === 0) return new Map();
    const rows: Raw[] = await knex()(table(UNIT))
      .select('id', 'code', 'name', 'sort_order')
      .whereIn('id', ids);
    return new Map(
      rows.map((r) => [
        num(r.id),
        { id: num(r.id), code: r.code as string, name: r.name as string, sortOrder: num(r.sort_order) },
      ])
    );
  }
  const byUnitOrder = <T extends { unit: UnitRef & { sortOrder?: number } }>(items: T[]) =>
    items.sort((a, b) => (a.unit.sortOrder ?? 0) - (b.unit.sortOrder ?? 0) || a.unit.id - b.unit.id);
  const plainUnit = (u: UnitRef & { sortOrder?: number }): UnitRef => ({
    id: u.id,
    code: u.code,
    name: u.name,
  });

  // -------------------------------------------------------------------------------------------------------------
  // Conditions shared by the figures and the drill-downs

  /** Published article rows of the period. */
  function articlesIn(start: Date, end: Date) {
    return knex()(`${table(ARTICLE)} as a`)
      .whereNotNull('a.published_at')
      .where('a.published_at', '>=', start)
      .where('a.published_at', '<', end);
  }

  /** The tasks of the plan(s) of `year`: task rows in Vietnamese (one per task document). */
  function planTaskRows(year: number) {
    const l = link(TASK, 'plan');
    return knex()(`${table(TASK)} as t`)
      .where('t.locale', 'vi')
      .whereIn(
        't.id',
        knex()(`${l.name} as pl`)
          .join(`${table(PLAN)} as p`, 'p.id', `pl.${l.to}`)
          .where('p.year', year)
          .select(`pl.${l.from}`)
      );
  }

  function submissionsIn(start: Date, end: Date) {
    return knex()(`${table(SUBMISSION)} as s`)
      .where('s.created_at', '>=', start)
      .where('s.created_at', '<', end);
  }

  function feedbackReceived(start: Date, end: Date) {
    return knex()(`${table(FEEDBACK)} as f`)
      .where('f.received_at', '>=', start)
      .where('f.received_at', '<', end);
  }
  function feedbackClosed(start: Date, end: Date) {
    return knex()(`${table(FEEDBACK)} as f`)
      .where('f.closed_at', '>=', start)
      .where('f.closed_at', '<', end);
  }

  /** Published Vietnamese procedure rows (one per document). */
  function procedures() {
    return knex()(`${table(PROCEDURE)} as p`)
      .where('p.locale', 'vi')
      .whereNotNull('p.published_at');
  }
  /** In force on the period's last day: started by then, and still in force or ended on or after that day. */
  function listedAt(period: Period) {
    return procedures()
      .where((q) => q.whereNull('p.effective_from').orWhere('p.effective_from', '<=', period.to))
      .where((q) =>
        q
          .where('p.legal_status', 'in_force')
          .orWhere((q2) =>
            q2.whereIn('p.legal_status', ['amended', 'abolished']).where('p.effective_to', '>=', period.to)
          )
      );
  }
  const proceduresAdded = (period: Period) =>
    procedures().where('p.effective_from', '>=', period.from).where('p.effective_from', '<=', period.to);
  const proceduresEnded = (period: Period, status: 'amended' | 'abolished') =>
    procedures()
      .where('p.legal_status', status)
      .where('p.effective_to', '>=', period.from)
      .where('p.effective_to', '<=', period.to);

  // -------------------------------------------------------------------------------------------------------------
  // Figures

  async function articleFigures(period: Period, start: Date, end: Date): Promise<Figures['articles']> {
    const year = Number(period.to.slice(0, 4));
    const campaignLink = link(ARTICLE, 'campaign');
    const taskLink = link(ARTICLE, 'planTask');
    const taskUnit = link(TASK, 'unit');
    const [total, kinds, channels, campaigns, units, tasks, taskCounts]: Raw[][] = await Promise.all([
      articlesIn(start, end).countDistinct({ n: 'a.document_id' }),
      articlesIn(start, end).groupBy('a.kind').select('a.kind as k').countDistinct({ n: 'a.document_id' }),
      articlesIn(start, end)
        .groupBy('a.channel')
        .select('a.channel as k')
        .countDistinct({ n: 'a.document_id' }),
      articlesIn(start, end)
        .leftJoin(`${campaignLink.name} as cl`, `cl.${campaignLink.from}`, 'a.id')
        .leftJoin(`${table(CAMPAIGN)} as c`, 'c.id', `cl.${campaignLink.to}`)
        .groupBy('c.document_id')
        .select('c.document_id as k')
        .countDistinct({ n: 'a.document_id' }),
      articlesIn(start, end)
        .select(unitOf(ARTICLE, 'a'))
        .countDistinct({ n: 'a.document_id' })
        .groupByRaw('1'),
      planTaskRows(year)
        .leftJoin(`${taskUnit.name} as tu`, `tu.${taskUnit.from}`, 't.id')
        .select('t.document_id', 't.code', 't.content', 't.target_count', `tu.${taskUnit.to} as unit_id`)
        .orderBy([
          { column: 't.code', order: 'asc' },
          { column: 't.id', order: 'asc' },
        ]),
      articlesIn(start, end)
        .join(`${taskLink.name} as tl`, `tl.${taskLink.from}`, 'a.id')
        .join(`${table(TASK)} as t`, 't.id', `tl.${taskLink.to}`)
        .groupBy('t.document_id')
        .select('t.document_id as k')
        .countDistinct({ n: 'a.document_id' }),
    ]);
    // Campaign titles: the Vietnamese row, published first.
    const campaignIds = campaigns.map((r) => r.k).filter((k): k is string => typeof k === 'string');
    const titleRows: Raw[] = campaignIds.length
      ? await knex()(table(CAMPAIGN))
          .select('document_id', 'title', 'published_at')
          .whereIn('document_id', campaignIds)
          .where('locale', 'vi')
      : [];
    const titles = new Map<string, string>();
    for (const r of [...titleRows].sort((a, b) => (a.published_at ? 1 : 0) - (b.published_at ? 1 : 0)))
      titles.set(r.document_id as string, r.title as string);
    const byCampaign = campaigns
      .map((r) =>
        r.k === null || r.k === undefined
          ? { campaign: null, count: num(r.n) }
          : {
              campaign: { documentId: r.k as string, title: titles.get(r.k as string) ?? (r.k as string) },
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
    const refs = await unitRefs([...unitIds, ...tasks.map((t) => num(t.unit_id)).filter(Boolean)]);
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
    const articleLink = link(SUBMISSION, 'article');
    const [rows, published]: Raw[][] = await Promise.all([
      submissionsIn(start, end)
        .select(unitOf(SUBMISSION, 's'), 's.state')
        .count({ n: '*' })
        .groupByRaw('1, 2'),
      // Submissions whose article (the document) was first published in the period.
      knex()(`${table(SUBMISSION)} as s`)
        .join(`${articleLink.name} as al`, `al.${articleLink.from}`, 's.id')
        .join(`${table(ARTICLE)} as a`, 'a.id', `al.${articleLink.to}`)
        .join(`${table(ARTICLE)} as a2`, 'a2.document_id', 'a.document_id')
        .whereNotNull('a2.published_at')
        .whereNotNull('s.submitted_at')
        .where('s.state', 'published')
        .groupBy('s.id', 's.submitted_at')
        .select('s.id', 's.submitted_at')
        .min({ published_at: 'a2.published_at' })
        .havingRaw('MIN(a2.published_at) >= ? AND MIN(a2.published_at) < ?', [start, end]),
    ]);
    const perUnit = new Map<number | null, Count[]>();
    for (const r of rows) {
      const unit = r.unit_id === null || r.unit_id === undefined ? null : num(r.unit_id);
      perUnit.set(unit, [...(perUnit.get(unit) ?? []), { key: r.state as string, count: num(r.n) }]);
    }
    const refs = await unitRefs([...perUnit.keys()].filter((k): k is number => k !== null));
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
    const fieldLink = link(PROCEDURE, 'field');
    const levels = linkTable(strapi, PROCEDURE, 'levels') as unknown as {
      name: string;
      joinColumn: { name: string };
      inverseJoinColumn: { name: string };
      on?: Record<string, string>;
      morphColumn?: { typeColumn?: { name: string } };
    };
    const levelTable = table('procedure.level');
    const levelQuery = listedAt(period)
      .join(`${levels.name} as pc`, `pc.${levels.joinColumn.name}`, 'p.id')
      .join(`${levelTable} as lv`, 'lv.id', `pc.${levels.inverseJoinColumn.name}`)
      .where('pc.component_type', 'procedure.level');
    if (levels.on?.field) levelQuery.where('pc.field', levels.on.field);
    const [listed, fields, byLevel, added, amended, abolished]: Raw[][] = await Promise.all([
      listedAt(period).countDistinct({ n: 'p.document_id' }),
      listedAt(period)
        .leftJoin(`${fieldLink.name} as fl`, `fl.${fieldLink.from}`, 'p.id')
        .leftJoin(`${table(FIELD)} as f`, 'f.id', `fl.${fieldLink.to}`)
        .groupBy('f.document_id')
        .select('f.document_id as k')
        .countDistinct({ n: 'p.document_id' }),
      levelQuery.groupBy('lv.level').select('lv.level as k').countDistinct({ n: 'p.document_id' }),
      proceduresAdded(period).countDistinct({ n: 'p.document_id' }),
      proceduresEnded(period, 'amended').countDistinct({ n: 'p.document_id' }),
      proceduresEnded(period, 'abolished').countDistinct({ n: 'p.document_id' }),
    ]);
    const fieldIds = fields.map((r) => r.k).filter((k): k is string => typeof k === 'string');
    const fieldRows: Raw[] = fieldIds.length
      ? await knex()(table(FIELD))
          .select('document_id', 'code', 'name', 'published_at')
          .whereIn('document_id', fieldIds)
          .where('locale', 'vi')
      : [];
    const names = new Map<string, { code: string; name: string }>();
    for (const r of [...fieldRows].sort((a, b) => (a.published_at ? 1 : 0) - (b.published_at ? 1 : 0)))
      names.set(r.document_id as string, { code: (r.code as string) ?? '', name: r.name as string });
    return {
      listed: num(listed[0]?.n),
      byField: fields
        .map((r) => ({
          field:
            r.k === null || r.k === undefined
              ? { code: '', name: 'Chưa phân lĩnh vực' }
              : (names.get(r.k as string) ?? { code: '', name: r.k as string }),
          count: num(r.n),
        }))
        .sort((a, b) => b.count - a.count || a.field.code.localeCompare(b.field.code)),
      byLevel: counts(byLevel),
      added: num(added[0]?.n),
      amended: num(amended[0]?.n),
      abolished: num(abolished[0]?.n),
    };
  }

  async function feedbackFigures(start: Date, end: Date): Promise<Figures['feedback']> {
    const [received, channels, kinds, closed, published]: Raw[][] = await Promise.all([
      feedbackReceived(start, end).count({ n: '*' }),
      feedbackReceived(start, end).groupBy('f.channel').select('f.channel as k').count({ n: '*' }),
      feedbackReceived(start, end).groupBy('f.kind').select('f.kind as k').count({ n: '*' }),
      feedbackClosed(start, end).select(
        knex().raw(`SUM(CASE WHEN f.state = 'not_accepted' THEN 1 ELSE 0 END) as not_accepted`),
        knex().raw(`SUM(CASE WHEN f.state = 'transferred' THEN 1 ELSE 0 END) as transferred`),
        knex().raw(`SUM(CASE WHEN f.state IN ('answered', 'published') THEN 1 ELSE 0 END) as answered`),
        knex().raw('SUM(CASE WHEN f.on_time = TRUE THEN 1 ELSE 0 END) as on_time'),
        knex().raw('SUM(CASE WHEN f.on_time = FALSE THEN 1 ELSE 0 END) as late')
      ),
      knex()(`${table(FEEDBACK)} as f`)
        .where('f.answer_published_at', '>=', start)
        .where('f.answer_published_at', '<', end)
        .count({ n: '*' }),
    ]);
    const c = closed[0] ?? {};
    return {
      received: num(received[0]?.n),
      byChannel: counts(channels),
      byKind: counts(kinds),
      notAccepted: num(c.not_accepted),
      transferred: num(c.transferred),
      answered: num(c.answered),
      onTime: num(c.on_time),
      late: num(c.late),
      onTimeRate: onTimeRate(num(c.on_time), num(c.late)),
      answersPublished: num(published[0]?.n),
    };
  }

  async function satisfactionFigures(start: Date, end: Date): Promise<Figures['satisfaction']> {
    const columns = SURVEY_CRITERIA.map((c) => ({ key: c.key, column: snake(c.key) }));
    const rows: Raw[] = await knex()(`${table(SURVEY)} as r`)
      .where('r.submitted_at', '>=', start)
      .where('r.submitted_at', '<', end)
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
    const between = (uid: string, column: string) =>
      knex()(table(uid)).where(column, '>=', start).where(column, '<', end).count({ n: '*' });
    const [reminders, checks, raised, resolved, escalated]: Raw[][] = await Promise.all([
      between(REMINDER, 'sent_at'),
      knex()(table(INSPECTION))
        .where('date', '>=', period.from)
        .where('date', '<=', period.to)
        .count({ n: '*' }),
      between(DIFFICULTY, 'reported_at'),
      between(DIFFICULTY, 'resolved_at'),
      between(DIFFICULTY, 'escalated_at'),
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
    const t = table(TASK_REPORT);
    const latest = knex()(t)
      .where('reported_at', '>=', start)
      .where('reported_at', '<', end)
      .groupBy('plan_task_document_id')
      .select('plan_task_document_id')
      .max({ last: 'reported_at' });
    const rows: Raw[] = await knex()(`${t} as r`)
      .join(latest.as('l'), function () {
        this.on('l.plan_task_document_id', '=', 'r.plan_task_document_id').andOn(
          'l.last',
          '=',
          'r.reported_at'
        );
      })
      .leftJoin(`${table(TASK)} as t`, function () {
        this.on('t.document_id', '=', 'r.plan_task_document_id').andOnVal('t.locale', '=', 'vi');
      })
      .select(
        'r.id',
        'r.plan_task_document_id',
        'r.status',
        'r.results',
        'r.reported_at',
        't.code',
        't.content',
        unitOf(TASK_REPORT, 'r')
      )
      .orderBy([
        { column: 't.code', order: 'asc' },
        { column: 'r.id', order: 'asc' },
      ]);
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    const seen = new Set<string>();
    const out: Figures['taskReports'] = [];
    for (const r of rows) {
      // Two reports of a task at the same instant: the first one (lowest id).
      const key = String(r.plan_task_document_id);
      if (seen.has(key)) continue;
      seen.add(key);
      const unit = r.unit_id === null || r.unit_id === undefined ? null : refs.get(num(r.unit_id));
      out.push({
        task: { code: (r.code as string) ?? '', content: (r.content as string) ?? '' },
        unit: unit ? plainUnit(unit) : null,
        status: r.status === 'done' ? 'done' : 'in_progress',
        results: (r.results as string) ?? '',
        reportedAt: iso(r.reported_at)!,
      });
    }
    return out;
  }

  const snakeCache = new Map<string, string>();
  function snake(attribute: string): string {
    if (!snakeCache.has(attribute)) {
      const attr = strapi.db.metadata.get(SURVEY).attributes[attribute] as
        | { columnName?: string }
        | undefined;
      snakeCache.set(
        attribute,
        attr?.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
      );
    }
    return snakeCache.get(attribute)!;
  }

  async function computeFigures(period: Period): Promise<Figures> {
    const { start, end } = await boundsOf(period);
    const [articles, submissions, procedures_, feedback, satisfaction, oversight, taskReports] =
      await Promise.all([
        articleFigures(period, start, end),
        submissionFigures(start, end),
        procedureFigures(period),
        feedbackFigures(start, end),
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

  /** The difficulties raised in the period (what and proposal, with the unit's name), for the narrative. */
  async function difficultiesOf(period: Period): Promise<DifficultyFact[]> {
    const { start, end } = await boundsOf(period);
    const rows: Raw[] = await knex()(`${table(DIFFICULTY)} as d`)
      .where('d.reported_at', '>=', start)
      .where('d.reported_at', '<', end)
      .select('d.what', 'd.proposal', unitOf(DIFFICULTY, 'd'))
      .orderBy([
        { column: 'd.reported_at', order: 'asc' },
        { column: 'd.id', order: 'asc' },
      ]);
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    return rows.map((r) => ({
      unitName: refs.get(num(r.unit_id))?.name ?? null,
      what: (r.what as string) ?? '',
      proposal: (r.proposal as string | null) ?? null,
    }));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reports

  const REPORT_FIELDS = [
    'documentId',
    'title',
    'year',
    'periodFrom',
    'periodTo',
    'state',
    'number',
    'recipients',
    'computedAt',
    'issuedAt',
    'issuedByName',
    'createdByName',
    'createdAt',
    'updatedAt',
    'version',
  ] as const;

  const viewOf = (r: Raw): ReportView => ({
    documentId: r.documentId as string,
    title: r.title as string,
    year: num(r.year),
    periodFrom: day(r.periodFrom)!,
    periodTo: day(r.periodTo)!,
    state: r.state === 'issued' ? 'issued' : 'draft',
    number: (r.number as string | null) ?? null,
    recipients: (r.recipients as string | null) ?? null,
    computedAt: iso(r.computedAt),
    issuedAt: iso(r.issuedAt),
    issuedByName: (r.issuedByName as string | null) ?? null,
    createdByName: (r.createdByName as string | null) ?? null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: num(r.version),
  });

  const parseJson = <T>(value: unknown): T | null =>
    value === null || value === undefined
      ? null
      : typeof value === 'string'
        ? (JSON.parse(value) as T)
        : (value as T);

  async function row(documentId: string): Promise<Raw | null> {
    return (await strapi.db.query(UIDS.report).findOne({ where: { documentId } })) as Raw | null;
  }

  async function list(query: ListQuery) {
    const where: Raw = {};
    if (query.year !== undefined) where.year = query.year;
    if (query.state) where.state = query.state;
    const [rows, total] = await Promise.all([
      strapi.db.query(UIDS.report).findMany({
        where,
        select: [...REPORT_FIELDS],
        orderBy: [{ year: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      strapi.db.query(UIDS.report).count({ where }),
    ]);
    return {
      results: (rows as Raw[]).map(viewOf),
      pagination: {
        page: query.page,
        pageSize: query.pageSize,
        pageCount: Math.ceil(num(total) / query.pageSize),
        total: num(total),
      },
    };
  }

  async function findOne(documentId: string): Promise<ReportDetail | null> {
    const r = await row(documentId);
    if (!r) return null;
    return {
      ...viewOf(r),
      snapshot: parseJson<Figures>(r.snapshot),
      narrative: parseJson<Narrative>(r.narrative),
    };
  }

  async function periodFor(input: CreateInput): Promise<{ year: number; period: Period }> {
    if (input.from && input.to)
      return { year: input.year ?? Number(input.to.slice(0, 4)), period: { from: input.from, to: input.to } };
    const orgs: Raw[] = await knex()(table('api::organization.organization'))
      .select('report_period_start', 'report_period_end', 'locale')
      .whereNotNull('published_at');
    const org = orgs.find((o) => o.locale === 'vi') ?? orgs[0];
    const valid = (v: unknown) => typeof v === 'string' && /^\d{2}-\d{2}$/.test(v);
    const start = valid(org?.report_period_start) ? (org!.report_period_start as string) : '12-15';
    const end = valid(org?.report_period_end) ? (org!.report_period_end as string) : '12-14';
    return { year: input.year!, period: reportPeriod(input.year!, start, end) };
  }

  async function create(input: CreateInput, userName: string): Promise<ReportDetail> {
    const { year, period } = await periodFor(input);
    const figures = await computeFigures(period);
    const narrative = prefillNarrative(figures, await difficultiesOf(period));
    // "Nơi nhận" prefilled from the organization's data: the default list of the profile of the period.
    const profile = await profileOn(strapi, period.to).catch(() => null);
    const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const created = (await strapi.db.query(UIDS.report).create({
      data: {
        title: input.title ?? `Báo cáo kết quả năm ${year} (từ ${vn(period.from)} đến ${vn(period.to)})`,
        year,
        periodFrom: period.from,
        periodTo: period.to,
        state: 'draft',
        snapshot: figures,
        narrative,
        recipients: profile?.reportRecipients?.trim() || null,
        computedAt: new Date(figures.computedAt),
        createdByName: userName,
        version: 0,
      },
    })) as Raw;
    return (await findOne(created.documentId as string))!;
  }

  /**
   * One conditional UPDATE on (documentId, version, state draft): 0 rows → the report is gone, issued or stale.
   * Returns false when there is no such report.
   */
  async function update(documentId: string, version: number | undefined, changes: Raw): Promise<boolean> {
    const current = await row(documentId);
    if (!current) return false;
    if (current.state === 'issued') throw new IssuedError();
    const expected = version ?? num(current.version);
    if (num(current.version) !== expected) throw new ConflictError();
    const updated = await knex()(table(UIDS.report))
      .where({ document_id: documentId, version: expected, state: 'draft' })
      .update({ ...changes, version: expected + 1, updated_at: new Date() });
    if (updated === 0) {
      const again = await row(documentId);
      if (again?.state === 'issued') throw new IssuedError();
      throw new ConflictError();
    }
    return true;
  }

  async function saveNarrative(documentId: string, input: NarrativeInput): Promise<ReportDetail | null> {
    const changes: Raw = { narrative: JSON.stringify(input.narrative) };
    if (input.number !== undefined) changes.number = input.number;
    if (input.recipients !== undefined) changes.recipients = input.recipients;
    if (!(await update(documentId, input.version, changes))) return null;
    return findOne(documentId);
  }

  async function recompute(
    documentId: string,
    version?: number
  ): Promise<{ report: ReportDetail; changes: Change[] } | null> {
    const current = await findOne(documentId);
    if (!current) return null;
    if (current.state === 'issued') throw new IssuedError();
    const figures = await computeFigures({ from: current.periodFrom, to: current.periodTo });
    const changes = current.snapshot ? diffFigures(current.snapshot, figures) : [];
    await update(documentId, version ?? current.version, {
      snapshot: JSON.stringify(figures),
      computed_at: new Date(figures.computedAt),
    });
    return { report: (await findOne(documentId))!, changes };
  }

  async function issue(documentId: string, input: { version: number; number: string }, userName: string) {
    const ok = await update(documentId, input.version, {
      state: 'issued',
      number: input.number,
      issued_at: new Date(),
      issued_by_name: userName,
    });
    return ok ? findOne(documentId) : null;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Drill-downs

  async function page(base: Knex.QueryBuilder, q: RowsQuery, idColumn: string) {
    const [totalRow]: Raw[] = await base.clone().countDistinct({ n: idColumn });
    const ids: Raw[] = await base
      .clone()
      .distinct(`${idColumn} as id`)
      .orderBy(`${idColumn}`, 'asc')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize);
    const total = num(totalRow?.n);
    return {
      ids: ids.map((r) => r.id as string | number),
      pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total },
    };
  }

  async function articleRows(q: RowsQuery, start: Date, end: Date) {
    const base = articlesIn(start, end);
    if (q.figure === 'articles.byKind') base.where('a.kind', q.key!);
    if (q.figure === 'articles.byChannel') base.where('a.channel', q.key!);
    if (q.figure === 'articles.byUnit') {
      const l = link(ARTICLE, 'unit');
      base.whereIn('a.id', knex()(l.name).select(l.from).where(l.to, q.unitId!));
    }
    if (q.figure === 'articles.byCampaign') {
      const l = link(ARTICLE, 'campaign');
      const linked = knex()(`${l.name} as cl`)
        .join(`${table(CAMPAIGN)} as c`, 'c.id', `cl.${l.to}`)
        .select(`cl.${l.from}`);
      if (q.key === 'none') base.whereNotIn('a.id', knex()(l.name).select(l.from));
      else base.whereIn('a.id', linked.where('c.document_id', q.key!));
    }
    if (q.figure === 'articles.byTask') {
      const l = link(ARTICLE, 'planTask');
      base.whereIn(
        'a.id',
        knex()(`${l.name} as tl`)
          .join(`${table(TASK)} as t`, 't.id', `tl.${l.to}`)
          .where('t.document_id', q.key!)
          .select(`tl.${l.from}`)
      );
    }
    const { ids, pagination } = await page(base, q, 'a.document_id');
    const rows: Raw[] = ids.length
      ? await articlesIn(start, end)
          .whereIn('a.document_id', ids)
          .select(
            'a.document_id',
            'a.locale',
            'a.title',
            'a.kind',
            'a.channel',
            'a.published_at',
            unitOf(ARTICLE, 'a')
          )
      : [];
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    const results = ids.map((id) => {
      const mine = rows.filter((r) => r.document_id === id);
      const r = mine.find((x) => x.locale === 'vi') ?? mine[0];
      const unit = refs.get(num(r.unit_id));
      return {
        documentId: id as string,
        title: r.title as string,
        kind: r.kind as string,
        channel: (r.channel as string | null) ?? null,
        publishedAt: iso(r.published_at),
        unit: unit ? plainUnit(unit) : null,
      };
    });
    return { results, pagination };
  }

  async function submissionRows(q: RowsQuery, start: Date, end: Date) {
    const base = submissionsIn(start, end);
    if (q.figure === 'submissions.byUnit') {
      const l = link(SUBMISSION, 'unit');
      base.whereIn('s.id', knex()(l.name).select(l.from).where(l.to, q.unitId!));
      if (q.state) base.where('s.state', q.state);
    }
    const { ids, pagination } = await page(base, q, 's.id');
    const rows: Raw[] = ids.length
      ? await knex()(`${table(SUBMISSION)} as s`)
          .whereIn('s.id', ids)
          .select(
            's.id',
            's.document_id',
            's.title',
            's.kind',
            's.state',
            's.created_at',
            's.submitted_at',
            unitOf(SUBMISSION, 's')
          )
      : [];
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    const byId = new Map(rows.map((r) => [num(r.id), r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(num(id))!;
        const unit = refs.get(num(r.unit_id));
        return {
          documentId: r.document_id as string,
          title: r.title as string,
          kind: r.kind as string,
          state: r.state as string,
          createdAt: iso(r.created_at),
          submittedAt: iso(r.submitted_at),
          unit: unit ? plainUnit(unit) : null,
        };
      }),
      pagination,
    };
  }

  async function feedbackRows(q: RowsQuery, start: Date, end: Date) {
    let base: Knex.QueryBuilder;
    switch (q.figure) {
      case 'feedback.byChannel':
        base = feedbackReceived(start, end).where('f.channel', q.key!);
        break;
      case 'feedback.byKind':
        base = feedbackReceived(start, end).where('f.kind', q.key!);
        break;
      case 'feedback.notAccepted':
        base = feedbackClosed(start, end).where('f.state', 'not_accepted');
        break;
      case 'feedback.transferred':
        base = feedbackClosed(start, end).where('f.state', 'transferred');
        break;
      case 'feedback.answered':
        base = feedbackClosed(start, end).whereIn('f.state', ['answered', 'published']);
        break;
      case 'feedback.onTime':
        base = feedbackClosed(start, end).where('f.on_time', true);
        break;
      case 'feedback.late':
        base = feedbackClosed(start, end).where('f.on_time', false);
        break;
      case 'feedback.answersPublished':
        base = knex()(`${table(FEEDBACK)} as f`)
          .where('f.answer_published_at', '>=', start)
          .where('f.answer_published_at', '<', end);
        break;
      default:
        base = feedbackReceived(start, end);
    }
    const { ids, pagination } = await page(base, q, 'f.id');
    const rows: Raw[] = ids.length
      ? await knex()(`${table(FEEDBACK)} as f`)
          .whereIn('f.id', ids)
          .select(
            'f.id',
            'f.document_id',
            'f.subject',
            'f.kind',
            'f.channel',
            'f.state',
            'f.received_at',
            'f.due_date',
            'f.closed_at',
            'f.on_time',
            'f.answer_published_at',
            // Only to redact the subject; never returned.
            'f.full_name',
            'f.address',
            'f.phone',
            'f.email'
          )
      : [];
    const byId = new Map(rows.map((r) => [num(r.id), r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(num(id))!;
        return {
          documentId: r.document_id as string,
          subject: redactPersonalData((r.subject as string) ?? '', {
            fullName: r.full_name as string | null,
            address: r.address as string | null,
            phone: r.phone as string | null,
            email: r.email as string | null,
          }),
          kind: r.kind as string,
          channel: r.channel as string,
          state: r.state as string,
          receivedAt: iso(r.received_at),
          dueDate: day(r.due_date),
          closedAt: iso(r.closed_at),
          onTime: r.on_time === null || r.on_time === undefined ? null : Boolean(r.on_time),
          answerPublishedAt: iso(r.answer_published_at),
        };
      }),
      pagination,
    };
  }

  async function procedureRows(q: RowsQuery, period: Period) {
    const base =
      q.figure === 'procedures.listed'
        ? listedAt(period)
        : q.figure === 'procedures.added'
          ? proceduresAdded(period)
          : proceduresEnded(period, q.figure === 'procedures.amended' ? 'amended' : 'abolished');
    const { ids, pagination } = await page(base, q, 'p.document_id');
    const rows: Raw[] = ids.length
      ? await procedures()
          .whereIn('p.document_id', ids)
          .select(
            'p.document_id',
            'p.national_code',
            'p.name',
            'p.legal_status',
            'p.effective_from',
            'p.effective_to'
          )
      : [];
    const byId = new Map(rows.map((r) => [r.document_id as string, r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(id as string)!;
        return {
          documentId: id as string,
          nationalCode: r.national_code as string,
          name: r.name as string,
          legalStatus: r.legal_status as string,
          effectiveFrom: day(r.effective_from),
          effectiveTo: day(r.effective_to),
        };
      }),
      pagination,
    };
  }

  /** The rows behind a figure of the report's period; null when there is no such report. */
  async function rows(documentId: string, q: RowsQuery) {
    const report = await row(documentId);
    if (!report) return null;
    const period = { from: day(report.periodFrom)!, to: day(report.periodTo)! };
    const { start, end } = await boundsOf(period);
    const area = q.figure.split('.')[0];
    const data =
      area === 'articles'
        ? await articleRows(q, start, end)
        : area === 'submissions'
          ? await submissionRows(q, start, end)
          : area === 'feedback'
            ? await feedbackRows(q, start, end)
            : await procedureRows(q, period);
    return {
      ...data,
      meta: { figure: q.figure, key: q.key ?? (q.unitId !== undefined ? String(q.unitId) : null), period },
    };
  }

  return { computeFigures, list, findOne, create, saveNarrative, recompute, issue, rows };
};
