import fs from 'fs/promises';
import type { Core } from '@strapi/strapi';
import type { Access } from './feedback-records';
import { getService } from '../utils';
import { privateFilePath, privateUploadDir } from '#infra/private-files';

const ATTACHMENT = 'api::feedback.feedback-attachment';

export interface ReadableAttachment {
  path: string;
  mime: string;
  size: number;
  extension: string;
  originalName: string | null;
}

export interface AttachmentAccess {
  findReadable(documentId: string, access: Access): Promise<ReadableAttachment | 'not-found' | 'forbidden'>;
}

export default ({ strapi }: { strapi: Core.Strapi }): AttachmentAccess => ({
  /** An attachment is personal data: readable by those who see its feedback's submitter in the register. */
  async findReadable(documentId, access) {
    if (!/^[a-z0-9]{20,32}$/.test(documentId)) return 'not-found';
    const attachment = await strapi.db.query(ATTACHMENT).findOne({
      where: { documentId },
      populate: { feedback: { select: ['documentId'] } },
    });
    if (!attachment?.feedback) return 'not-found';
    const register = getService(strapi, 'register');
    const feedback = await register.findOne(access, attachment.feedback.documentId);
    if (!feedback) return 'not-found';
    if (!feedback.submitter) return 'forbidden';

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
