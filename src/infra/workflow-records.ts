/**
 * The stored records of a workflow (submissions, feedback, difficulties) as their services read and write them:
 * one record by documentId with its relations, the record only when the user may see it (another unit's answers
 * as if it did not exist), the record the client acted on at the version it read, and writes through the
 * Document Service. Each plugin declares its records once (uid, relations, who sees one) and its services share
 * them.
 */
import type { Core } from '@strapi/strapi';
import type { ConflictSubject } from '#domain/errors';
import { assertVersion } from './versioned-update';

/** The Document Service writes a workflow's services make, so the search index, the cache and the unit guard follow. */
export interface RecordDocuments {
  create(params: object): Promise<{ documentId: string }>;
  update(params: object): Promise<unknown>;
}

export function workflowRecords<R extends { version: number }, A>({
  uid,
  populate,
  visible,
  subject,
}: {
  uid: string;
  populate: object;
  /** Whether this user may see the record. */
  visible: (access: A, record: R) => boolean;
  /** Whose conflict a stale version is (its 409 message). */
  subject: ConflictSubject;
}) {
  return (strapi: Core.Strapi) => {
    const load = async (documentId: string) =>
      (await strapi.db.query(uid).findOne({ where: { documentId }, populate })) as R | null;

    /** The record when this user may see it; null otherwise, whether it exists or not. */
    const seen = async (access: A, documentId: string) => {
      const record = await load(documentId);
      return record && visible(access, record) ? record : null;
    };

    return {
      load,
      seen,

      /**
       * The record the client acted on: null when the user may not see it; a ConflictError when it is no longer
       * at the version the client read (whatever the client meant, someone changed it first).
       */
      async atVersion(access: A, documentId: string, version: number) {
        const record = await seen(access, documentId);
        if (record) assertVersion(record.version, version, subject);
        return record;
      },

      documents: () => strapi.documents(uid as never) as unknown as RecordDocuments,
    };
  };
}
