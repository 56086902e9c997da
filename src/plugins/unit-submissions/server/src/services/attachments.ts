import { createHash } from 'crypto';
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import {
  readablePrivateFile,
  removePrivateFiles,
  storeAttachments,
  storePrivateFile,
  withLocalCopy,
} from '#infra/private-files';
import { privateStore } from '#infra/storage';
import { validationError } from '#utils/errors';
import { judgeSubmissionFiles, type IncomingFile } from '../domain/attachment-rules';
import { EDITABLE_BY_UNIT } from '../domain/workflow';
import { ATTACHMENT_UID, SUBMISSION_UID } from '../permissions';
import { settingsOf } from '../config';
import { getService } from '../utils';
import { actorsFor, submissionRecords, type Access } from './submission-records';

const FILE = 'plugin::upload.file';
const DOCUMENT_ID = /^[a-z0-9]{20,32}$/;

/** What the admin API shows of an attachment: never the stored name. */
export const ATTACHMENT_FIELDS = [
  'id',
  'documentId',
  'originalName',
  'kind',
  'mime',
  'size',
  'mediaFileId',
  'createdAt',
];

interface StoredAttachment {
  id: number;
  documentId: string;
  originalName: string | null;
  storedName: string;
  mime: string;
  size: number;
  mediaFileId: number | null;
}

type Refusal = 'not-found' | 'forbidden';

/**
 * Unit submissions' attachments: private files (the same storage as citizens' attachments), readable by whoever
 * may read the submission, changed only by its unit while it may edit it, and copied into the public media
 * library only when the article made from the submission is published.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => privateStore(strapi);
  const rows = () => strapi.db.query(ATTACHMENT_UID);
  const history = () => getService(strapi, 'history');
  const upload = () => strapi.plugin('upload').service('upload');
  /** The join table of library files and what uses them (files_related_mph). */
  const morphs = () => {
    const related = strapi.db.metadata.get(FILE).attributes.related as { joinTable?: { name: string } };
    return strapi.db.connection(related.joinTable!.name);
  };

  const list = (submissionId: number) =>
    rows().findMany({
      where: { submission: { id: submissionId } },
      select: ATTACHMENT_FIELDS,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });

  /** The submission if this user may change its attachments now; a refusal otherwise. */
  async function editable(access: Access, documentId: string, language: Language) {
    const submission = await submissionRecords(strapi).seen(access, documentId);
    if (!submission) return 'not-found' as const;
    if (!actorsFor(access, submission).includes('unit')) return 'forbidden' as const;
    if (!EDITABLE_BY_UNIT.includes(submission.state)) {
      throw validationError([
        fieldError(
          ['state'],
          'Chỉ thêm hoặc gỡ tệp đính kèm khi tin bài đang soạn hoặc được yêu cầu chỉnh sửa.',
          'Attachments can be added or removed only while the submission is a draft or sent back for changes.',
          language
        ),
      ]);
    }
    return submission;
  }

  async function findIn(submissionId: number, attachmentId: string) {
    if (!DOCUMENT_ID.test(attachmentId)) return null;
    return (await rows().findOne({
      where: { documentId: attachmentId, submission: { id: submissionId } },
    })) as StoredAttachment | null;
  }

  /** The library file of a legacy attachment stays there when something published (or not publishable) uses it. */
  async function usedPublicly(fileId: number) {
    const links = await morphs()
      .where({ file_id: fileId })
      .whereNot({ related_type: SUBMISSION_UID })
      .select('related_id', 'related_type');
    for (const link of links as { related_id: number; related_type: string }[]) {
      const model = strapi.getModel(link.related_type as never) as {
        options?: { draftAndPublish?: boolean };
      };
      if (!model) continue;
      if (!model.options?.draftAndPublish) return true;
      const published = await strapi.db.query(link.related_type as never).findOne({
        where: { id: link.related_id, publishedAt: { $notNull: true } },
        select: ['id'],
      });
      if (published) return true;
    }
    return false;
  }

  return {
    list,

    limits: () => settingsOf(strapi).attachments,

    /**
     * Judges every file, then stores all of them or none: files first, rows in one transaction. `at` dates them, for
     * the demo seed's story (now otherwise).
     */
    async add(
      access: Access,
      documentId: string,
      files: IncomingFile[],
      language: Language,
      at?: Date
    ): Promise<Refusal | unknown[]> {
      const submission = await editable(access, documentId, language);
      if (typeof submission === 'string') return submission;
      const existing = Number(await rows().count({ where: { submission: { id: submission.id } } }));
      const judged = await judgeSubmissionFiles(files, existing, this.limits(), language);
      if (!judged.ok) throw validationError(judged.errors);

      await storeAttachments(store(), judged.value, (files) =>
        strapi.db.transaction(async () => {
          for (const file of files) {
            await rows().create({
              data: {
                submission: submission.id,
                ...file,
                uploadedBy: access.user.id,
                createdAt: at,
                updatedAt: at,
              },
            });
          }
          await history().append({
            submissionDocumentId: documentId,
            action: 'edited',
            actor: { id: access.user.id, name: access.user.name },
            details: { fields: ['attachments'], added: judged.value.map((file) => file.originalName) },
            at,
          });
        })
      );
      return list(submission.id);
    },

    async remove(
      access: Access,
      documentId: string,
      attachmentId: string,
      language: Language
    ): Promise<Refusal | unknown[]> {
      const submission = await editable(access, documentId, language);
      if (typeof submission === 'string') return submission;
      const attachment = await findIn(submission.id, attachmentId);
      if (!attachment) return 'not-found';
      await strapi.db.transaction(async () => {
        await rows().delete({ where: { id: attachment.id } });
        await history().append({
          submissionDocumentId: documentId,
          action: 'edited',
          actor: { id: access.user.id, name: access.user.name },
          details: { fields: ['attachments'], removed: [attachment.originalName] },
        });
      });
      // After the commit: a failed delete leaves an orphan for the sweep, never a row without its file.
      await removePrivateFiles(store(), [attachment.storedName]);
      return list(submission.id);
    },

    /** The file, for whoever may read the submission (a submission of another unit is not found). */
    async readable(access: Access, documentId: string, attachmentId: string) {
      const submission = await submissionRecords(strapi).seen(access, documentId);
      if (!submission) return null;
      const attachment = await findIn(submission.id, attachmentId);
      if (!attachment) return null;
      return readablePrivateFile(store(), attachment);
    },

    /**
     * Publication of the article made from a submission: its attachments not yet in the media library are copied
     * there, once (the file id is recorded). Returns the new library files, and how to take them back if the
     * publication fails after all.
     */
    async copyToLibrary(articleDocumentId: string) {
      const submission = await strapi.db.query(SUBMISSION_UID).findOne({
        where: { article: { documentId: articleDocumentId } },
        select: ['id'],
      });
      const pending = submission
        ? ((await rows().findMany({
            where: { submission: { id: submission.id }, mediaFileId: { $null: true } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          })) as StoredAttachment[])
        : [];
      const copied: { attachmentId: number; file: { id: number } }[] = [];
      const undo = async () => {
        for (const { attachmentId, file } of copied.reverse()) {
          await rows().update({ where: { id: attachmentId }, data: { mediaFileId: null } });
          await upload().remove(file);
        }
      };
      try {
        for (const attachment of pending) {
          const name = attachment.originalName ?? `attachment${path.extname(attachment.storedName)}`;
          // The library's upload reads a local file: a copy of the stored one, in this node's temp folder.
          const uploaded = await withLocalCopy(
            store(),
            strapi.dirs.app.root,
            attachment.storedName,
            async ({ path: filepath, size }) =>
              (await upload().upload({
                data: { fileInfo: { name } },
                files: { filepath, originalFilename: name, mimetype: attachment.mime, size },
              })) as { id: number }[]
          );
          if (!uploaded) {
            strapi.log.warn(
              `[unit-submissions] attachment ${attachment.documentId} has no file; not published`
            );
            continue;
          }
          const [file] = uploaded;
          copied.push({ attachmentId: attachment.id, file });
          await rows().update({ where: { id: attachment.id }, data: { mediaFileId: file.id } });
        }
      } catch (error) {
        await undo();
        throw error;
      }
      return { fileIds: copied.map(({ file }) => file.id), undo };
    },

    /**
     * Databases from before private attachments (70d7991) linked submissions to library files. Each one is copied
     * into private storage and unlinked; it leaves the library unless something published uses it. Idempotent:
     * a link is removed in the same transaction that records its attachment.
     */
    async migrateLegacy() {
      const links = (await morphs()
        .where({ related_type: SUBMISSION_UID, field: 'attachments' })
        .orderBy('id')
        .select('id', 'file_id', 'related_id')) as { id: number; file_id: number; related_id: number }[];
      let moved = 0;
      for (const link of links) {
        const file = await strapi.db.query(FILE).findOne({ where: { id: link.file_id } });
        const bytes =
          file && typeof file.url === 'string' && file.url.startsWith('/uploads/')
            ? await fs
                .readFile(path.join(strapi.dirs.static.public, 'uploads', path.basename(file.url)))
                .catch(() => null)
            : null;
        if (!file || !bytes) {
          strapi.log.warn(
            `[unit-submissions] legacy attachment file ${link.file_id} is unreadable; unlinked`
          );
          await morphs().where({ id: link.id }).delete();
          continue;
        }
        const keep = await usedPublicly(file.id);
        const stored = await storePrivateFile(
          store(),
          bytes,
          path.extname(path.basename(file.url)).toLowerCase()
        );
        try {
          await strapi.db.transaction(async ({ trx }) => {
            await rows().create({
              data: {
                submission: link.related_id,
                originalName: file.name ?? null,
                storedName: stored,
                kind: (file.ext ?? '').replace(/^\./, '').slice(0, 16) || 'file',
                mime: file.mime,
                size: bytes.length,
                sha256: createHash('sha256').update(bytes).digest('hex'),
                mediaFileId: keep ? file.id : null,
              },
            });
            await morphs().transacting(trx).where({ id: link.id }).delete();
          });
        } catch (error) {
          await removePrivateFiles(store(), [stored]);
          throw error;
        }
        if (!keep) await upload().remove(file);
        moved += 1;
      }
      if (moved) strapi.log.info(`[unit-submissions] moved ${moved} legacy attachment(s) to private storage`);
      return moved;
    },
  };
};
