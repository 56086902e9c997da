import { factories, type Core } from '@strapi/strapi';
import type { AcceptedAttachment } from '#domain/attachments';
import { receivedFeedback, type FeedbackInput } from '#domain/feedback-intake';
import type { AnsweredParams, PublishedFeedback, StoredFeedback } from '#domain/feedback-public';
import type { PrivacyNotice } from '#domain/privacy-notice';
import { prefixRange } from '#domain/search-text';
import { generateTrackingCode, hashTrackingCode, normalizeTrackingCode } from '#domain/tracking-code';
import { deadlinesOnReceipt } from '#domain/feedback-deadlines';
import { localDate } from '#domain/working-days';
import { spendFormToken } from '#infra/form-tokens';
import { organizationSettings } from '#infra/organization-settings';
import { documentsWithWord } from '#infra/search-index';
import { storeAttachments } from '#infra/private-files';
import { privateStore } from '#infra/storage';
import { feedbackIdsOfProcedure } from '#api/feedback/tables';

const UID = 'api::feedback.feedback';
const ATTACHMENT = 'api::feedback.feedback-attachment';

export interface Receipt {
  trackingCode: string;
  status: 'received';
  receivedAt: string;
  dueDate: string;
}

export interface Intake {
  input: FeedbackInput;
  procedureId: string | null;
  files: { attachment: AcceptedAttachment; originalName: string | null }[];
  tokenNonce: string;
  language: 'vi' | 'en';
  noticeVersion: string;
  /** Runs inside the transaction once the feedback is stored (saves the idempotent response). */
  onStored?: (receipt: Receipt, trx: unknown) => Promise<void>;
}

/** The public side of feedback (`api::feedback.feedback`); the intake's checks are services/intake.ts. */
const feedbackService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Stores a feedback with its attachments, all or nothing (storeAttachments): the files are written first under
   * new names, and removed again if the transaction that records the feedback, its files and the used form token
   * fails.
   */
  async receive(intake: Intake): Promise<Receipt> {
    const { calendar, timeZone, deadlines } = await organizationSettings(strapi);
    const receivedAt = new Date();
    const due = deadlinesOnReceipt(localDate(receivedAt, timeZone), deadlines, calendar);
    const trackingCode = generateTrackingCode();
    const receipt: Receipt = {
      trackingCode,
      status: 'received',
      receivedAt: receivedAt.toISOString(),
      dueDate: due.dueDate,
    };

    await storeAttachments(privateStore(strapi), intake.files, (files) =>
      strapi.db.transaction(async ({ trx }) => {
        await spendFormToken(strapi, intake.tokenNonce, receivedAt, trx);
        const { input } = intake;
        const feedback = await strapi.documents(UID).create({
          data: receivedFeedback({
            input,
            channel: 'web',
            language: intake.language,
            procedureId: intake.procedureId,
            noticeVersion: intake.noticeVersion,
            receivedAt,
            trackingCode,
            due,
          }) as never,
        });
        await strapi
          .plugin('feedback-register')
          .service('history')
          .append({
            feedbackDocumentId: feedback.documentId,
            action: 'received',
            toState: 'received',
            actor: { id: null, name: 'Cổng thông tin' },
            details: { channel: 'web' },
          });
        for (const file of files) {
          await strapi
            .documents(ATTACHMENT)
            .create({ data: { feedback: feedback.documentId, ...file } as never });
        }
        await intake.onStored?.(receipt, trx);
      })
    );
    return receipt;
  },

  /** The feedback a tracking code names, as its status shows it; null for an unknown or malformed code. */
  async byTrackingCode(trackingCode: string): Promise<StoredFeedback | null> {
    const normalized = normalizeTrackingCode(trackingCode);
    if (!normalized) return null;
    return (await strapi.db.query(UID).findOne({
      where: { trackingCodeHash: hashTrackingCode(normalized) },
      select: ['documentId', 'state', 'receivedAt', 'dueDate', 'answeredAt', 'answer'],
    })) as StoredFeedback | null;
  },

  /** The organization's processing notice (published, both languages), or the default until it writes one. */
  async privacyNotice(): Promise<PrivacyNotice> {
    return (await organizationSettings(strapi)).privacyNotice;
  },

  /** Published answers, newest first; `words` match the subject, content and answer. */
  async answered(params: AnsweredParams): Promise<{ rows: PublishedFeedback[]; total: number }> {
    const knex = strapi.db.connection;
    const meta = strapi.db.metadata.get(UID);
    const base = knex(`${meta.tableName} as f`).where({ 'f.state': 'published', 'f.answer_published': true });
    if (params.kind) base.where('f.kind', params.kind);
    if (params.procedure) base.whereIn('f.id', feedbackIdsOfProcedure(strapi, params.procedure));
    for (const word of params.words) {
      base.whereIn('f.document_id', documentsWithWord(knex, 'feedback', 'vi', prefixRange(word)));
    }
    const [{ total }] = await base.clone().count({ total: 'f.id' });
    const ids = (
      await base
        .clone()
        .select('f.id')
        .orderBy([
          { column: 'f.answered_at', order: 'desc' },
          { column: 'f.id', order: 'desc' },
        ])
        .limit(params.pageSize)
        .offset((params.page - 1) * params.pageSize)
    ).map((r: { id: number }) => r.id);
    const rows = (await strapi.db.query(UID).findMany({
      where: { id: { $in: ids } },
      select: [
        'id',
        'documentId',
        'state',
        'kind',
        'publicSubject',
        'publicContent',
        'publicAnswer',
        'receivedAt',
        'dueDate',
        'answeredAt',
      ],
      populate: { procedure: { select: ['documentId', 'nationalCode', 'name'] } },
    })) as (PublishedFeedback & { id: number })[];
    const order = new Map(ids.map((id: number, index: number) => [id, index]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { rows, total: Number(total) };
  },
});

export default factories.createCoreService(UID, feedbackService);

export type FeedbackService = ReturnType<typeof feedbackService>;

/** The feedback service, typed: `feedbacks(strapi).receive(intake)`. */
export const feedbacks = (strapi: Core.Strapi) => strapi.service(UID) as unknown as FeedbackService;
