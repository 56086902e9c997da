/**
 * The pieces every workflow's mails are made of. A workflow's notifications module decides who hears of which move
 * and what they read; the caller turns each audience into addresses and sends through the outbox. Pure module.
 */

/** One mail a move causes, to an audience the caller resolves. `topic` names the event, for the outbox. */
export interface PlannedMail<Audience extends string> {
  audience: Audience;
  subject: string;
  text: string;
  topic: string;
}

/** A mail body from its lines; absent parts (null, undefined, false, '') are left out. */
export const mailLines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join('\n');

/** The last line of a mail to staff: the link to the record's page. */
export const viewLink = (link: string) => `Xem / View: ${link}`;

/** The outbox topics of one record: `<kind>.<event>:<documentId>`. */
export const topicsOf =
  (kind: string, documentId: string) =>
  (event: string): string =>
    `${kind}.${event}:${documentId}`;
