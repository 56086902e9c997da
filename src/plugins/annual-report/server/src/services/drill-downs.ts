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
import { day, iso, num } from '#infra/stored-values';
import { submissionTable } from '#unit-submissions/tables';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import type { RowsQuery } from '../domain/report-input';
import { UIDS } from '../permissions';
import { plainUnit, reportQueries, type Period, type Raw } from './report-queries';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const {
    knex,
    boundsOf,
    unitOf,
    unitRefs,
    articlesIn,
    submissionsIn,
    feedbackReceived,
    feedbackClosed,
    procedures,
    listedAt,
    proceduresAdded,
    proceduresEnded,
  } = reportQueries(strapi);

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
    const article = articleTable(strapi);
    const a = article.at('a');
    const base = articlesIn(start, end);
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
    const { ids, pagination } = await page(base, q, a.documentId);
    const rows: Raw[] = ids.length
      ? await articlesIn(start, end)
          .whereIn(a.documentId, ids)
          .select(
            ...article.select('a', 'documentId', 'locale', 'title', 'kind', 'channel', 'publishedAt'),
            unitOf(article, 'a')
          )
      : [];
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    const results = ids.map((id) => {
      const mine = rows.filter((r) => r.documentId === id);
      const r = mine.find((x) => x.locale === 'vi') ?? mine[0];
      const unit = refs.get(num(r.unit_id));
      return {
        documentId: id as string,
        title: r.title as string,
        kind: r.kind as string,
        channel: (r.channel as string | null) ?? null,
        publishedAt: iso(r.publishedAt),
        unit: unit ? plainUnit(unit) : null,
      };
    });
    return { results, pagination };
  }

  async function submissionRows(q: RowsQuery, start: Date, end: Date) {
    const submission = submissionTable(strapi);
    const s = submission.at('s');
    const base = submissionsIn(start, end);
    if (q.figure === 'submissions.byUnit') {
      const l = submission.link.unit;
      base.whereIn(s.id, knex()(l.name).select(l.from).where(l.to, q.unitId!));
      if (q.state) base.where(s.state, q.state);
    }
    const { ids, pagination } = await page(base, q, s.id);
    const rows: Raw[] = ids.length
      ? await knex()(`${submission.table} as s`)
          .whereIn(s.id, ids)
          .select(
            ...submission.select(
              's',
              'id',
              'documentId',
              'title',
              'kind',
              'state',
              'createdAt',
              'submittedAt'
            ),
            unitOf(submission, 's')
          )
      : [];
    const refs = await unitRefs(rows.map((r) => num(r.unit_id)).filter(Boolean));
    const byId = new Map(rows.map((r) => [num(r.id), r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(num(id))!;
        const unit = refs.get(num(r.unit_id));
        return {
          documentId: r.documentId as string,
          title: r.title as string,
          kind: r.kind as string,
          state: r.state as string,
          createdAt: iso(r.createdAt),
          submittedAt: iso(r.submittedAt),
          unit: unit ? plainUnit(unit) : null,
        };
      }),
      pagination,
    };
  }

  async function feedbackRows(q: RowsQuery, start: Date, end: Date) {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    let base: Knex.QueryBuilder;
    switch (q.figure) {
      case 'feedback.byChannel':
        base = feedbackReceived(start, end).where(f.channel, q.key!);
        break;
      case 'feedback.byKind':
        base = feedbackReceived(start, end).where(f.kind, q.key!);
        break;
      case 'feedback.notAccepted':
        base = feedbackClosed(start, end).where(f.state, 'not_accepted');
        break;
      case 'feedback.transferred':
        base = feedbackClosed(start, end).where(f.state, 'transferred');
        break;
      case 'feedback.answered':
        base = feedbackClosed(start, end).whereIn(f.state, ['answered', 'published']);
        break;
      case 'feedback.onTime':
        base = feedbackClosed(start, end).where(f.onTime, true);
        break;
      case 'feedback.late':
        base = feedbackClosed(start, end).where(f.onTime, false);
        break;
      case 'feedback.answersPublished':
        base = knex()(`${feedback.table} as f`)
          .where(f.answerPublishedAt, '>=', start)
          .where(f.answerPublishedAt, '<', end);
        break;
      default:
        base = feedbackReceived(start, end);
    }
    const { ids, pagination } = await page(base, q, f.id);
    const rows: Raw[] = ids.length
      ? await knex()(`${feedback.table} as f`)
          .whereIn(f.id, ids)
          .select(
            ...feedback.select(
              'f',
              'id',
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
              // Only to redact the subject; never returned.
              'fullName',
              'address',
              'phone',
              'email'
            )
          )
      : [];
    const byId = new Map(rows.map((r) => [num(r.id), r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(num(id))!;
        return {
          documentId: r.documentId as string,
          subject: redactPersonalData((r.subject as string) ?? '', {
            fullName: r.fullName as string | null,
            address: r.address as string | null,
            phone: r.phone as string | null,
            email: r.email as string | null,
          }),
          kind: r.kind as string,
          channel: r.channel as string,
          state: r.state as string,
          receivedAt: iso(r.receivedAt),
          dueDate: day(r.dueDate),
          closedAt: iso(r.closedAt),
          onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
          answerPublishedAt: iso(r.answerPublishedAt),
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
    const procedure = procedureTable(strapi);
    const { documentId } = procedure.at('p');
    const { ids, pagination } = await page(base, q, documentId);
    const rows: Raw[] = ids.length
      ? await procedures()
          .whereIn(documentId, ids)
          .select(
            ...procedure.select(
              'p',
              'documentId',
              'nationalCode',
              'name',
              'legalStatus',
              'effectiveFrom',
              'effectiveTo'
            )
          )
      : [];
    const byId = new Map(rows.map((r) => [r.documentId as string, r]));
    return {
      results: ids.map((id) => {
        const r = byId.get(id as string)!;
        return {
          documentId: id as string,
          nationalCode: r.nationalCode as string,
          name: r.name as string,
          legalStatus: r.legalStatus as string,
          effectiveFrom: day(r.effectiveFrom),
          effectiveTo: day(r.effectiveTo),
        };
      }),
      pagination,
    };
  }

  /** The rows behind a figure of the report's period; null when there is no such report. */
  async function rows(documentId: string, q: RowsQuery) {
    const report = (await strapi.db.query(UIDS.report).findOne({ where: { documentId } })) as Raw | null;
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

  return { rows };
};
