/**
 * The rows behind an annual report's figures: the same conditions as the counts (services/report-queries.ts), so a
 * drill-down's total is its figure. Feedback submitters are never selected except to redact subjects.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { procedureTable } from '#api/procedure/tables';
import { day, iso, num, texts } from '#infra/stored-values';
import { submissionTable } from '#unit-submissions/tables';
import { redactedSubject, SUBMITTER_FIELDS } from '#feedback-register/domain/redaction';
import type { RowsQuery } from '../domain/report-input';
import { UIDS } from '../permissions';
import { reportQueries, type Period, type Raw } from './report-queries';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const queries = reportQueries(strapi);
  const { knex } = queries;

  /**
   * One page of the rows behind a figure: the page's ids (DISTINCT `idColumn` of `base`, ascending), then `columns`
   * of the `rows` with those ids, one per id in page order (a document's Vietnamese row when it has several).
   */
  async function pageRows(
    base: Knex.QueryBuilder,
    q: RowsQuery,
    idColumn: string,
    rows: Knex.QueryBuilder,
    columns: (string | Knex.Raw)[]
  ) {
    const [totalRow]: Raw[] = await base.clone().countDistinct({ n: idColumn });
    const page: Raw[] = await base
      .clone()
      .distinct(`${idColumn} as id`)
      .orderBy(`${idColumn}`, 'asc')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize);
    const total = num(totalRow?.n);
    const ids = page.map((r) => r.id as string | number);
    const found: Raw[] = ids.length
      ? await rows.whereIn(idColumn, ids).select(`${idColumn} as page_id`, ...columns)
      : [];
    const byId = new Map<string, Raw>();
    for (const r of found) {
      const seen = byId.get(String(r.page_id));
      if (!seen || (r.locale === 'vi' && seen.locale !== 'vi')) byId.set(String(r.page_id), r);
    }
    return {
      rows: ids.map((id) => byId.get(String(id))!),
      pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total },
    };
  }

  async function articleRows(q: RowsQuery, start: Date, end: Date) {
    const article = articleTable(strapi);
    const a = article.at('a');
    const base = queries.articlesIn(start, end);
    if (q.figure === 'articles.byKind') base.where(a.kind, q.key!);
    if (q.figure === 'articles.byChannel') base.where(a.channel, q.key!);
    if (q.figure === 'articles.byUnit') {
      const l = article.link.unit;
      base.whereIn(a.id, knex()(l.name).select(l.from).where(l.to, q.unitId!));
    }
    if (q.figure === 'articles.byCampaign') {
      const l = article.link.campaign;
      const campaign = campaignTable(strapi);
      const linked = knex()(`${l.name} as cl`)
        .join(`${campaign.table} as c`, campaign.at('c').id, `cl.${l.to}`)
        .select(`cl.${l.from}`);
      if (q.key === 'none') base.whereNotIn(a.id, knex()(l.name).select(l.from));
      else base.whereIn(a.id, linked.where(campaign.at('c').documentId, q.key!));
    }
    if (q.figure === 'articles.byTask') {
      const l = article.link.planTask;
      const task = planTaskTable(strapi);
      base.whereIn(
        a.id,
        knex()(`${l.name} as tl`)
          .join(`${task.table} as t`, task.at('t').id, `tl.${l.to}`)
          .where(task.at('t').documentId, q.key!)
          .select(`tl.${l.from}`)
      );
    }
    const { rows, pagination } = await pageRows(base, q, a.documentId, queries.articlesIn(start, end), [
      ...article.select('a', 'documentId', 'locale', 'title', 'kind', 'channel', 'publishedAt'),
      queries.unitOf(article, 'a'),
    ]);
    const unitOfRow = await queries.unitLookup(rows);
    const results = rows.map((r) => ({
      ...texts(r, ['documentId', 'title', 'kind']),
      channel: (r.channel as string | null) ?? null,
      publishedAt: iso(r.publishedAt),
      unit: unitOfRow(r),
    }));
    return { results, pagination };
  }

  async function submissionRows(q: RowsQuery, start: Date, end: Date) {
    const submission = submissionTable(strapi);
    const s = submission.at('s');
    const base = queries.submissionsIn(start, end);
    if (q.figure === 'submissions.byUnit') {
      const l = submission.link.unit;
      base.whereIn(s.id, knex()(l.name).select(l.from).where(l.to, q.unitId!));
      if (q.state) base.where(s.state, q.state);
    }
    const { rows, pagination } = await pageRows(base, q, s.id, knex()(`${submission.table} as s`), [
      ...submission.select('s', 'documentId', 'title', 'kind', 'state', 'createdAt', 'submittedAt'),
      queries.unitOf(submission, 's'),
    ]);
    const unitOfRow = await queries.unitLookup(rows);
    return {
      results: rows.map((r) => ({
        ...texts(r, ['documentId', 'title', 'kind', 'state']),
        createdAt: iso(r.createdAt),
        submittedAt: iso(r.submittedAt),
        unit: unitOfRow(r),
      })),
      pagination,
    };
  }

  async function feedbackRows(q: RowsQuery, start: Date, end: Date) {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    let base: Knex.QueryBuilder;
    switch (q.figure) {
      case 'feedback.byChannel':
        base = queries.feedbackReceived(start, end).where(f.channel, q.key!);
        break;
      case 'feedback.byKind':
        base = queries.feedbackReceived(start, end).where(f.kind, q.key!);
        break;
      case 'feedback.notAccepted':
        base = queries.feedbackClosed(start, end).where(f.state, 'not_accepted');
        break;
      case 'feedback.transferred':
        base = queries.feedbackClosed(start, end).where(f.state, 'transferred');
        break;
      case 'feedback.answered':
        base = queries.feedbackClosed(start, end).whereIn(f.state, ['answered', 'published']);
        break;
      case 'feedback.onTime':
        base = queries.feedbackClosed(start, end).where(f.onTime, true);
        break;
      case 'feedback.late':
        base = queries.feedbackClosed(start, end).where(f.onTime, false);
        break;
      case 'feedback.answersPublished':
        base = knex()(`${feedback.table} as f`)
          .where(f.answerPublishedAt, '>=', start)
          .where(f.answerPublishedAt, '<', end);
        break;
      default:
        base = queries.feedbackReceived(start, end);
    }
    const { rows, pagination } = await pageRows(
      base,
      q,
      f.id,
      knex()(`${feedback.table} as f`),
      feedback.select(
        'f',
        'documentId',
        'subject',
        'kind',
        'channel',
        'state',
        'receivedAt',
        'dueDate',
        'closedAt',
        'onTime',
        'answerPublishedAt',
        ...SUBMITTER_FIELDS
      )
    );
    return {
      results: rows.map((r) => ({
        ...texts(r, ['documentId', 'kind', 'channel', 'state']),
        subject: redactedSubject(r),
        receivedAt: iso(r.receivedAt),
        dueDate: day(r.dueDate),
        closedAt: iso(r.closedAt),
        onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
        answerPublishedAt: iso(r.answerPublishedAt),
      })),
      pagination,
    };
  }

  async function procedureRows(q: RowsQuery, period: Period) {
    const base =
      q.figure === 'procedures.listed'
        ? queries.listedAt(period)
        : q.figure === 'procedures.added'
          ? queries.proceduresAdded(period)
          : queries.proceduresEnded(period, q.figure === 'procedures.amended' ? 'amended' : 'abolished');
    const procedure = procedureTable(strapi);
    const { documentId } = procedure.at('p');
    const { rows, pagination } = await pageRows(
      base,
      q,
      documentId,
      queries.procedures(),
      procedure.select(
        'p',
        'documentId',
        'nationalCode',
        'name',
        'legalStatus',
        'effectiveFrom',
        'effectiveTo'
      )
    );
    return {
      results: rows.map((r) => ({
        ...texts(r, ['documentId', 'nationalCode', 'name', 'legalStatus']),
        effectiveFrom: day(r.effectiveFrom),
        effectiveTo: day(r.effectiveTo),
      })),
      pagination,
    };
  }

  /** The rows behind a figure of the report's period; null when there is no such report. */
  async function rows(documentId: string, q: RowsQuery) {
    const report = (await strapi.db.query(UIDS.report).findOne({ where: { documentId } })) as Raw | null;
    if (!report) return null;
    const period = { from: day(report.periodFrom)!, to: day(report.periodTo)! };
    const { start, end } = await queries.boundsOf(period);
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

  return { rows };
};
