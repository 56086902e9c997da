/**
 * The rows behind an annual report's figures: the same conditions as the counts (services/report-queries.ts), so a
 * drill-down's total is its figure. Feedback submitters are never selected except to redact subjects.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { day, iso, num } from '#infra/stored-values';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import type { RowsQuery } from '../domain/report-input';
import { UIDS } from '../permissions';
import {
  ARTICLE,
  CAMPAIGN,
  FEEDBACK,
  plainUnit,
  reportQueries,
  SUBMISSION,
  TASK,
  type Period,
  type Raw,
} from './report-queries';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const {
    knex,
    table,
    link,
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
