/**
 * The lists an export writes (the articles published and the feedback received in a report's period), read in
 * pages of PAGE rows by id so that 100,000 rows never load at once, and handed on in chunks of at most TURN rows.
 * No personal data: a feedback's subject is redacted with its own submitter's fields, which are never written.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { unitTable } from '#api/unit/tables';
import { day } from '#infra/stored-values';
import { SUBMITTER_FIELDS } from '#feedback-register/domain/redaction';
import {
  redactedRow,
  type ArticleListRow,
  type FeedbackListRow,
  type UnredactedFeedbackRow,
} from '../exports/csv';

/**
 * Rows per page. better-sqlite3 reads a page synchronously and the event loop waits meanwhile (1,000 feedback rows
 * took 12 ms, several times that when the CPUs were shared with the export's worker), so a page on SQLite is small;
 * on PostgreSQL a page arrives asynchronously and costs a round trip.
 */
const PAGE = { sqlite: 250, other: 1000 };
/**
 * Rows mapped between two turns of the event loop. A feedback row costs about 10 µs once its subject is redacted in
 * the same turn (the CSV), and a writer consumes rows as fast as they come (a CSV, a batch for the XLSX worker):
 * without a turn now and then a page would hold the server's requests for 10 ms, longer when the CPU is shared.
 */
const TURN = 200;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

type Raw = Record<string, unknown>;

/** A list's rows, in chunks of at most TURN rows: the unit the writers take them in (one await per chunk). */
export type Chunks<R> = AsyncIterable<R[]>;

/** The chunks with each feedback's subject redacted on this thread, as they come. */
export async function* redactedChunks(
  chunks: Chunks<UnredactedFeedbackRow>
): AsyncGenerator<FeedbackListRow[]> {
  for await (const chunk of chunks) yield chunk.map(redactedRow);
}

/** The rows of chunks, one by one. */
export async function* rowsOf<R>(chunks: Chunks<R>): AsyncGenerator<R> {
  for await (const chunk of chunks) yield* chunk;
}

/**
 * The rows `page(lastId)` returns (the next `size` rows by ascending id, selected as `id`), page after page, mapped
 * by `map`, in chunks of TURN rows with a turn of the event loop between two.
 */
async function* byIdChunks<R>(
  size: number,
  page: (lastId: number) => Promise<Raw[]>,
  map: (row: Raw) => R
): AsyncGenerator<R[]> {
  let lastId = 0;
  for (;;) {
    const rows = await page(lastId);
    for (let i = 0; i < rows.length; i += TURN) {
      if (i > 0) await nextTurn();
      const chunk: R[] = [];
      for (let j = i; j < Math.min(i + TURN, rows.length); j += 1) chunk.push(map(rows[j]));
      yield chunk;
    }
    if (rows.length < size) return;
    lastId = Number(rows[rows.length - 1].id);
    await nextTurn();
  }
}

export function exportRows(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const pageSize = strapi.db.dialect.client === 'sqlite' ? PAGE.sqlite : PAGE.other;

  /** The published articles of the period (one row per document, the published row), by id. */
  function articleChunks(from: Date, to: Date): Chunks<ArticleListRow> {
    const article = articleTable(strapi);
    const [unit, campaign, task] = [unitTable(strapi), campaignTable(strapi), planTaskTable(strapi)];
    const { unit: unitLink, campaign: campaignLink, planTask: taskLink } = article.link;
    const a = article.at('a');
    // A page's ids first, then their joins by those ids. Asked for both at once, PostgreSQL merge-joined the link
    // tables, walking each one's index from its first row for every page: 88 s for the 400,000 articles of a
    // million-row bench, 4.8 s this way.
    const pageIds = (lastId: number): Promise<number[]> =>
      knex()(`${article.table} as a`)
        .where(a.publishedAt, '>=', from)
        .where(a.publishedAt, '<', to)
        .where(a.locale, 'vi')
        .where(a.id, '>', lastId)
        .orderBy(a.id, 'asc')
        .limit(pageSize)
        .pluck(a.id);
    const page = async (lastId: number): Promise<Raw[]> => {
      const ids = await pageIds(lastId);
      if (ids.length === 0) return [];
      return knex()(`${article.table} as a`)
        .whereIn(a.id, ids)
        .orderBy(a.id, 'asc')
        .leftJoin(`${unitLink.name} as lu`, `lu.${unitLink.from}`, a.id)
        .leftJoin(`${unit.table} as u`, unit.at('u').id, `lu.${unitLink.to}`)
        .leftJoin(`${campaignLink.name} as lc`, `lc.${campaignLink.from}`, a.id)
        .leftJoin(`${campaign.table} as c`, campaign.at('c').id, `lc.${campaignLink.to}`)
        .leftJoin(`${taskLink.name} as lt`, `lt.${taskLink.from}`, a.id)
        .leftJoin(`${task.table} as t`, task.at('t').id, `lt.${taskLink.to}`)
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
    };
    return byIdChunks(
      pageSize,
      page,
      (r): ArticleListRow => ({
        documentId: String(r.documentId),
        publishedAt: new Date(r.publishedAt as string),
        title: String(r.title ?? ''),
        kind: (r.kind as string) ?? null,
        channel: (r.channel as string) ?? null,
        unit: (r.unitName as string) ?? null,
        campaign: (r.campaignTitle as string) ?? null,
        task: (r.taskCode as string) ?? null,
        externalUrl: (r.externalUrl as string) ?? null,
      })
    );
  }

  /** The feedback received in the period, each with its submitter's fields to redact its subject with. */
  function feedbackChunks(from: Date, to: Date): Chunks<UnredactedFeedbackRow> {
    const feedback = feedbackTable(strapi);
    const f = feedback.at('f');
    const page = (lastId: number): Promise<Raw[]> =>
      knex()(`${feedback.table} as f`)
        .where(f.receivedAt, '>=', from)
        .where(f.receivedAt, '<', to)
        .where(f.id, '>', lastId)
        .orderBy(f.id, 'asc')
        .limit(pageSize)
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
    return byIdChunks(
      pageSize,
      page,
      (r): UnredactedFeedbackRow => ({
        id: Number(r.id),
        documentId: String(r.documentId),
        receivedAt: new Date(r.receivedAt as string),
        channel: (r.channel as string) ?? null,
        kind: (r.kind as string) ?? null,
        unredactedSubject: String(r.subject ?? ''),
        submitter: {
          fullName: r.fullName as string | null,
          address: r.address as string | null,
          phone: r.phone as string | null,
          email: r.email as string | null,
        },
        state: String(r.state),
        dueDate: day(r.dueDate),
        answeredAt: r.answeredAt ? new Date(r.answeredAt as string) : null,
        onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
      })
    );
  }

  return { articleChunks, feedbackChunks };
}
