/**
 * The lists an export writes (the articles published and the feedback received in a report's period), read in
 * pages of PAGE rows by id so that 100,000 rows never load at once. No personal data: a feedback's subject is
 * redacted with its own submitter's fields, which are never written.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { unitTable } from '#api/unit/tables';
import { day } from '#infra/stored-values';
import { redactedSubject, SUBMITTER_FIELDS } from '#feedback-register/domain/redaction';
import type { ArticleListRow, FeedbackListRow } from '../exports/csv';

const PAGE = 1000;

type Raw = Record<string, unknown>;

export function exportRows(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;

  /** The rows of `query()` by ascending `idColumn` (selected as `id`), a page of PAGE rows at a time. */
  async function* byIdPages(query: () => Knex.QueryBuilder, idColumn: string): AsyncGenerator<Raw> {
    let lastId = 0;
    for (;;) {
      const batch: Raw[] = await query().where(idColumn, '>', lastId).orderBy(idColumn, 'asc').limit(PAGE);
      yield* batch;
      if (batch.length < PAGE) return;
      lastId = Number(batch[batch.length - 1].id);
    }
  }

  /** The published articles of the period (one row per document, the published row), by id. */
  async function* articleRows(from: Date, to: Date): AsyncGenerator<ArticleListRow> {
    const article = articleTable(strapi);
    const [unit, campaign, task] = [unitTable(strapi), campaignTable(strapi), planTaskTable(strapi)];
    const { unit: unitLink, campaign: campaignLink, planTask: taskLink } = article.link;
    const a = article.at('a');
    const query = () =>
      knex()(`${article.table} as a`)
        .leftJoin(`${unitLink.name} as lu`, `lu.${unitLink.from}`, a.id)
        .leftJoin(`${unit.table} as u`, unit.at('u').id, `lu.${unitLink.to}`)
        .leftJoin(`${campaignLink.name} as lc`, `lc.${campaignLink.from}`, a.id)
        .leftJoin(`${campaign.table} as c`, campaign.at('c').id, `lc.${campaignLink.to}`)
        .leftJoin(`${taskLink.name} as lt`, `lt.${taskLink.from}`, a.id)
        .leftJoin(`${task.table} as t`, task.at('t').id, `lt.${taskLink.to}`)
        .where(a.publishedAt, '>=', from)
        .where(a.publishedAt, '<', to)
        .where(a.locale, 'vi')
        .select(
          ...article.select(
            'a',
            'id',
            'documentId',
            'publishedAt',
            'title',
            'kind',
            'channel',
            'externalUrl'
          ),
          `${unit.at('u').name} as unitName`,
          `${campaign.at('c').title} as campaignTitle`,
          `${task.at('t').code} as taskCode`
        );
    for await (const r of byIdPages(query, a.id)) {
      yield {
        documentId: String(r.documentId),
        publishedAt: new Date(r.publishedAt as string),
        title: String(r.title ?? ''),
        kind: (r.kind as string) ?? null,
        channel: (r.channel as string) ?? null,
        unit: (r.unitName as string) ?? null,
        campaign: (r.campaignTitle as string) ?? null,
        task: (r.taskCode as string) ?? null,
        externalUrl: (r.externalUrl as string) ?? null,
      };
    }
  }

  /** The feedback received in the period, without personal data: the subject redacted with the row's own fields. */
  async function* feedbackRows(from: Date, to: Date): AsyncGenerator<FeedbackListRow> {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    const query = () =>
      knex()(`${feedback.table} as f`)
        .where(f.receivedAt, '>=', from)
        .where(f.receivedAt, '<', to)
        .select(
          ...feedback.select(
            'f',
            'id',
            'documentId',
            'receivedAt',
            'channel',
            'kind',
            'subject',
            'state',
            'dueDate',
            'answeredAt',
            'onTime',
            ...SUBMITTER_FIELDS
          )
        );
    for await (const r of byIdPages(query, f.id)) {
      yield {
        id: Number(r.id),
        documentId: String(r.documentId),
        receivedAt: new Date(r.receivedAt as string),
        channel: (r.channel as string) ?? null,
        kind: (r.kind as string) ?? null,
        subject: redactedSubject(r),
        state: String(r.state),
        dueDate: day(r.dueDate),
        answeredAt: r.answeredAt ? new Date(r.answeredAt as string) : null,
        onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
      };
    }
  }

  return { articleRows, feedbackRows };
}
