/**
 * Outgoing mail. A message is written to `email_outbox` inside the transaction of the event it reports, so a
 * notification exists exactly when its event does; a worker sends it afterwards and retries with back-off, so an
 * unreachable SMTP server never fails or undoes the event. Without SMTP_HOST (development, tests) messages are
 * only captured: the outbox rows are the local capture store, state `captured`.
 */
import type { Core } from '@strapi/strapi';
import { EMAIL_OUTBOX_TABLE } from './models';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is about, e.g. "submission.submitted:<documentId>": tests and operators filter by it. */
  topic: string;
}

const RETRY_MINUTES = [1, 5, 15, 60, 240];
const BATCH = 20;

export const mailIsCaptured = () => !process.env.SMTP_HOST;

export async function enqueueMail(strapi: Core.Strapi, messages: OutgoingMail[], trx?: unknown) {
  if (messages.length === 0) return;
  const now = new Date();
  const rows = messages.map((m) => ({
    recipient: m.to,
    subject: m.subject,
    body: m.text,
    topic: m.topic,
    state: mailIsCaptured() ? 'captured' : 'pending',
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  }));
  const query = strapi.db.connection(EMAIL_OUTBOX_TABLE).insert(rows);
  await (trx ? query.transacting(trx as never) : query);
}

/** Sends the due messages once. Each is claimed by an UPDATE first, so two nodes never send the same one. */
export async function deliverDueMail(strapi: Core.Strapi): Promise<{ sent: number; failed: number }> {
  const knex = strapi.db.connection;
  const due = await knex(EMAIL_OUTBOX_TABLE)
    .where({ state: 'pending' })
    .where('next_attempt_at', '<=', new Date())
    .orderBy('id')
    .limit(BATCH);
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const claimed = await knex(EMAIL_OUTBOX_TABLE)
      .where({ id: message.id, state: 'pending' })
      .update({ state: 'sending' });
    if (claimed !== 1) continue;
    try {
      await strapi.plugin('email').service('email').send({
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      await knex(EMAIL_OUTBOX_TABLE).where({ id: message.id }).update({ state: 'sent', sent_at: new Date() });
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      const delay = RETRY_MINUTES[Math.min(attempts - 1, RETRY_MINUTES.length - 1)];
      await knex(EMAIL_OUTBOX_TABLE)
        .where({ id: message.id })
        .update({
          state: attempts >= 10 ? 'failed' : 'pending',
          attempts,
          next_attempt_at: new Date(Date.now() + delay * 60_000),
          last_error: String((error as Error).message).slice(0, 1000),
        });
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Runs the sender every OUTBOX_INTERVAL_SECONDS (default 15) on this node; returns the stop function. */
export function startOutboxWorker(strapi: Core.Strapi): () => void {
  if (mailIsCaptured()) return () => undefined;
  let running = false;
  const timer = setInterval(
    async () => {
      if (running) return;
      running = true;
      try {
        await deliverDueMail(strapi);
      } catch (error) {
        strapi.log.warn(`email outbox: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    },
    Number(process.env.OUTBOX_INTERVAL_SECONDS ?? 15) * 1000
  );
  timer.unref();
  return () => clearInterval(timer);
}
