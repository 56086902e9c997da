import fs from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { privateFilePath, privateUploadDir } from '../../../../../infra/private-files';

const FEEDBACK = 'api::feedback.feedback';
const ATTACHMENT = 'api::feedback.feedback-attachment';

export interface ReadableAttachment {
  path: string;
  mime: string;
  size: number;
  extension: string;
  originalName: string | null;
}

export interface AttachmentAccess {
  findReadable(
    documentId: string,
    userAbility: unknown
  ): Promise<ReadableAttachment | 'not-found' | 'forbidden'>;
}

export default ({ strapi }: { strapi: Core.Strapi }): AttachmentAccess => ({
  /**
   * An attachment is readable by whoever may read its feedback's `attachments` field in the Content Manager,
   * with the same conditions (so the rules that scope feedback to a unit apply to its files too).
   */
  async findReadable(documentId, userAbility) {
    if (!/^[a-z0-9]{20,32}$/.test(documentId)) return 'not-found';
    const attachment = await strapi.db.query(ATTACHMENT).findOne({
      where: { documentId },
      populate: { feedback: true },
    });
    if (!attachment?.feedback) return 'not-found';
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility, model: FEEDBACK });
    if (!checker.can.read(attachment.feedback, 'attachments')) return 'forbidden';

    const path = privateFilePath(privateUploadDir(strapi.dirs.app.root), attachment.storedName);
    const stat = await fs.stat(path).catch(() => null);
    if (!stat) return 'not-found';
    return {
      path,
      mime: attachment.mime,
      size: stat.size,
      extension: path.slice(path.lastIndexOf('.')),
      originalName: attachment.originalName,
    };
  },
});
