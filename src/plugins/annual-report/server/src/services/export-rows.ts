/**
 * The lists an export writes (the articles published and the feedback received in a report's period), read in
 * pages of PAGE rows by id so that 100,000 rows never load at once. No personal data: a feedback's subject is
 * redacted with its own submitter's fields, which are never written.
 */
import type { Core } from '@strapi/strapi';
import { linkColumns } from '#infra/relation-queries';
import { day } from '#infra/stored-values';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import type { ArticleListRow, FeedbackListRow } from '../exports/csv';

const PAGE = 1000;

type Raw = Record<string, unknown>;

export function exportRows(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const link = (uid: string, attribute: string) => linkColumns(strapi, uid, attribute);

  /** The published articles of the period (one row per document, the published row), by id. */
  async function* articleRows(from: Date, to: Date): AsyncGenerator<ArticleListRow> {
    const ARTICLE = 'api::article.article';
    const unit = link(ARTICLE, 'unit');
    const campaign = link(ARTICLE, 'campaign');
    const task = link(ARTICLE, 'planTask');
    let lastId = 0;
    for (;;) {
      const batch: Raw[] = await knex()(`${table(ARTICLE)} as a`)
        .leftJoin(`${unit.name} as lu`, `lu.${unit.from}`, 'a.id')
        .leftJoin(`${table('api::unit.unit')} as u`, 'u.id', `lu.${unit.to}`)
        .leftJoin(`${campaign.name} as lc`, `lc.${campaign.from}`, 'a.id')
        .leftJoin(`${table('api::campaign.campaign')} as c`, 'c.id', `lc.${campaign.to}`)
        .leftJoin(`${task.name} as lt`, `lt.${task.from}`, 'a.id')
        .leftJoin(`${table('api::plan-task.plan-task')} as t`, 't.id', `lt.${task.to}`)
        .where('a.published_at', '>=', from)
        .where('a.published_at', '<', to)
        .where('a.locale', 'vi')
        .where('a.id', '>', lastId)
        .orderBy('a.id', 'asc')
        .limit(PAGE)
        .select(
          'a.id',
          'a.document_id',
          'a.published_at',
          'a.title',
          'a.kind',
          'a.channel',
          'a.external_url',
          'u.name as unit_name',
          'c.title as campaign_title',
          't.code as task_code'
        );
      for (const r of batch) {
        yield {
          documentId: String(r.document_id),
          publishedAt: new Date(r.published_at as string),
          title: String(r.title ?? ''),
          kind: (r.kind as string) ?? null,
          channel: (r.channel as string) ?? null,
          unit: (r.unit_name as string) ?? null,
          campaign: (r.campaign_title as string) ?? null,
          task: (r.task_code as string) ?? null,
          externalUrl: (r.external_url as string) ?? null,
        };
      }
      if (batch.length < PAGE) return;
      lastId = Number(batch[batch.length - 1].id);
    }
  }

  /** The feedback received in the period, without personal data: the subject redacted with the row's own fields. */
  async function* feedbackRows(from: Date, to: Date): AsyncGenerator<FeedbackListRow> {
    let lastId = 0;
    for (;;) {
      const batch: Raw[] = await knex()(`${table('api::feedback.feedback')} as f`)
        .where('f.received_at', '>=', from)
        .where('f.received_at', '<', to)
        .where('f.id', '>', lastId)
        .orderBy('f.id', 'asc')
        .limit(PAGE)
        .select(
          'f.id',
          'f.document_id',
          'f.received_at',
          'f.channel',
          'f.kind',
          'f.subject',
          'f.state',
          'f.due_date',
          'f.answered_at',
          'f.on_time',
          'f.full_name',
          'f.address',
          'f.phone',
          'f.email'
        );
      for (const r of batch) {
        const submitter = {
          fullName: r.full_name as string | null,
          address: r.address as string | null,
          phone: r.phone as string | null,
          email: r.email as string | null,
        };
        yield {
          id: Number(r.id),
          documentId: String(r.document_id),
          receivedAt: new Date(r.received_at as string),
          channel: (r.channel as string) ?? null,
          kind: (r.kind as string) ?? null,
          subject: redactPersonalData(String(r.subject ?? ''), submitter),
          state: String(r.state),
          dueDate: day(r.due_date),
          answeredAt: r.answered_at ? new Date(r.answered_at as string) : null,
          onTime: r.on_time === null || r.on_time === undefined ? null : Boolean(r.on_time),
        };
      }
      if (batch.length < PAGE) return;
      lastId = Number(batch[batch.length - 1].id);
    }
  }

  return { articleRows, feedbackRows };
}
