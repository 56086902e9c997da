import type { Core } from '@strapi/strapi';
import type { Access } from './feedback-records';
import { getService } from '../utils';
import { readablePrivateFile, type ReadablePrivateFile } from '#infra/private-files';
import { privateStore } from '#infra/storage';

const ATTACHMENT = 'api::feedback.feedback-attachment';

export interface AttachmentAccess {
  findReadable(documentId: string, access: Access): Promise<ReadablePrivateFile | 'not-found' | 'forbidden'>;
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
    return (await readablePrivateFile(privateStore(strapi), attachment)) ?? 'not-found';
  },
});
