/** A feedback the Office received by phone, on paper or by e-mail (service `registration`). */
import type { Core } from '@strapi/strapi';
import type { Language } from '#domain/errors';
import { deadlinesOnReceipt } from '#domain/feedback-deadlines';
import { receivedFeedback } from '#domain/feedback-intake';
import { generateTrackingCode } from '#domain/tracking-code';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { validationError } from '#utils/errors';
import { procedures } from '#api/procedure/services/procedure';
import type { Registration } from '../domain/register-input';
import { getService } from '../utils';
import { feedbackRecords, type Access } from './feedback-records';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Records the feedback with its tracking code for the submitter; `procedure` is the documentId of a published
   * procedure (anything else is a ValidationError on `procedure`).
   */
  async register(access: Access, registration: Registration, procedure: string | null, language: Language) {
    let procedureId: string | null = null;
    if (procedure) {
      const found = await procedures(strapi).publishedProcedure(procedure, language);
      if ('error' in found) throw validationError([found.error]);
      procedureId = found.documentId;
    }
    const { calendar, timeZone, deadlines, privacyNotice } = await organizationSettings(strapi);
    const trackingCode = generateTrackingCode();
    const { feedback: input, channel, receivedAt } = registration;
    const due = deadlinesOnReceipt(localDate(receivedAt, timeZone), deadlines, calendar);
    const documentId = await strapi.db.transaction(async () => {
      const created = await feedbackRecords(strapi)
        .documents()
        .create({
          data: receivedFeedback({
            input,
            channel,
            language: 'vi',
            procedureId,
            noticeVersion: privacyNotice.version,
            receivedAt,
            trackingCode,
            due,
          }),
        });
      await getService(strapi, 'history').append({
        feedbackDocumentId: created.documentId,
        action: 'registered',
        toState: 'received',
        actor: access.user,
        details: { channel },
      });
      return created.documentId;
    });
    return { documentId, trackingCode };
  },
});
