import type { Core } from '@strapi/strapi';
import { ConflictError, type ConflictSubject } from '#domain/errors';

/** The client acted on an older version than the one just read: whatever it meant, someone changed it first. */
export function assertVersion(read: number, expected: number, subject: ConflictSubject) {
  if (read !== expected) throw new ConflictError(subject);
}

/**
 * The optimistic lock every workflow shares: one conditional UPDATE of the rows still at the version the client
 * read (and whatever else `where` pins, such as the state read), setting version + 1 with the changes. Of two
 * writers that read the same version exactly one succeeds; the other gets a ConflictError (409). Inside
 * `strapi.db.transaction` it joins the transaction.
 */
export async function versionedUpdate(
  strapi: Core.Strapi,
  uid: string,
  {
    where,
    version,
    data = {},
    subject,
  }: {
    where: Record<string, unknown>;
    version: number;
    data?: Record<string, unknown>;
    subject: ConflictSubject;
  }
): Promise<void> {
  const { count } = await strapi.db.query(uid as never).updateMany({
    where: { ...where, version },
    data: { ...data, version: version + 1 },
  });
  if (count === 0) throw new ConflictError(subject);
}
