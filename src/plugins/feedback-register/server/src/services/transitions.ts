/**
 * The register's writes to a feedback (service `transitions`): the workflow's moves and the unit's draft answer.
 * Each is one conditional UPDATE on the version (src/infra/versioned-update.ts), the changes through the Document
 * Service, a history entry and the mails, in one transaction.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { closedOnTime, publicationDueDate, unitDueDateOf } from '#domain/feedback-deadlines';
import { effectiveProfile } from '#domain/organization';
import { localDate } from '#domain/working-days';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { versionedUpdate } from '#infra/versioned-update';
import { validationError } from '#utils/errors';
import { unitAccess } from '#api/unit/services/access';
import { procedures } from '#api/procedure/services/procedure';
import { mailsForTransition, type Audience } from '../domain/notifications';
import { publicTexts } from '../domain/public-texts';
import type { TransitionBody } from '../domain/register-input';
import {
  ANSWER_EDITABLE,
  decideTransition,
  NOT_ANSWERABLE,
  problemMessage,
  unitDueDateMessage,
} from '../domain/workflow';
import { FEEDBACK_UID, PLUGIN_ID } from '../permissions';
import { getService } from '../utils';
import {
  actorsFor,
  feedbackRecords,
  isoDay,
  UNIT_FIELDS,
  type Access,
  type StoredFeedback,
  type UnitRef,
} from './feedback-records';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = () => getService(strapi, 'history');
  const records = feedbackRecords(strapi);
  const docs = () => records.documents();

  const adminLink = (documentId: string) =>
    `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}/feedbacks/${documentId}`;

  async function organizationName(onDate: string): Promise<string> {
    const organization = await strapi.db.query('api::organization.organization').findOne({
      where: { locale: 'vi', publishedAt: { $notNull: true } },
      populate: { profiles: true },
    });
    const profile = effectiveProfile(
      (organization?.profiles ?? []) as { validFrom: string; issuingBody?: string }[],
      onDate
    );
    return profile?.issuingBody ?? '';
  }

  async function recipients(
    audience: Audience,
    feedback: StoredFeedback,
    unit: UnitRef | null
  ): Promise<string[]> {
    if (audience === 'submitter') return feedback.email ? [feedback.email] : [];
    if (audience === 'office') {
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: 'office' } },
        select: ['email'],
      });
      return users.map((u: { email: string }) => u.email);
    }
    if (!unit) return [];
    const members = await unitAccess(strapi).memberEmails(unit.id);
    return [...new Set([unit.email, ...members].filter(Boolean))] as string[];
  }

  /**
   * The corrections a move carries (kind, procedure, channel), those that change something: the fields to write and
   * the history's `{ field: { from, to } }` (null when nothing changes). An unknown procedure is a ValidationError.
   */
  async function correctionsOf(feedback: StoredFeedback, body: TransitionBody, language: Language) {
    const changes: Record<string, unknown> = {};
    const details: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['kind', 'channel'] as const) {
      const value = body[key];
      if (value !== undefined && value !== feedback[key]) {
        changes[key] = value;
        details[key] = { from: feedback[key], to: value };
      }
    }
    if (body.procedure !== undefined && body.procedure !== (feedback.procedure?.documentId ?? null)) {
      const found = body.procedure
        ? await procedures(strapi).publishedProcedure(body.procedure, language)
        : null;
      if (found && 'error' in found) throw validationError([found.error]);
      const before = feedback.procedure;
      changes.procedure = found?.documentId ?? null;
      details.procedure = {
        from: before
          ? { documentId: before.documentId, nationalCode: before.nationalCode, name: before.name }
          : null,
        to: found,
      };
    }
    return { changes, details: Object.keys(details).length ? details : null };
  }

  return {
    /** The unit saves its draft answer without sending it yet. */
    async saveAnswer(
      access: Access,
      documentId: string,
      body: { answer: string; version: number },
      language: Language
    ) {
      const feedback = await records.atVersion(access, documentId, body.version);
      if (!feedback) return null;
      if (!actorsFor(access, feedback).includes('unit') || !ANSWER_EDITABLE.includes(feedback.state)) {
        throw validationError([fieldError(['answer'], NOT_ANSWERABLE.vi, NOT_ANSWERABLE.en, language)]);
      }
      await strapi.db.transaction(async () => {
        await versionedUpdate(strapi, FEEDBACK_UID, {
          where: { documentId, state: feedback.state },
          version: body.version,
          subject: 'feedback',
        });
        await docs().update({ documentId, data: { answer: body.answer } });
        await history().append({
          feedbackDocumentId: documentId,
          action: 'answer_saved',
          actor: access.user,
        });
      });
      return documentId;
    },

    /**
     * One move of the workflow. The state and version change in one conditional UPDATE, so of two people acting
     * at once exactly one succeeds and the other gets a ConflictError (409).
     */
    async transition(access: Access, documentId: string, body: TransitionBody, language: Language) {
      const feedback = await records.atVersion(access, documentId, body.version);
      if (!feedback) return null;
      const consented = Boolean(feedback.consent?.publishAnswer);
      const decision = decideTransition({
        from: feedback.state,
        to: body.to,
        actors: actorsFor(access, feedback),
        input: { ...body, answer: body.answer ?? feedback.answer },
        consented,
      });
      if (!decision.ok) {
        const message = problemMessage(decision.problem);
        throw validationError([fieldError([decision.problem.field], message.vi, message.en, language)]);
      }
      const to = decision.transition.to;
      const { calendar, timeZone, deadlines } = await organizationSettings(strapi);
      const nowInstant = new Date();
      const now = localDate(nowInstant, timeZone);
      const changes: Record<string, unknown> = {};
      let unit = feedback.handlingUnit;

      if (to === 'not_accepted') changes.notAcceptedReason = body.reason;
      if (to === 'transferred') {
        changes.receivingAgency = body.receivingAgency;
        changes.transferLetterNumber = body.letterNumber;
      }
      // Checked before anything is written: a wrong procedure leaves the item as it was.
      const corrected = await correctionsOf(feedback, body, language);
      Object.assign(changes, corrected.changes);
      if (to === 'assigned' && feedback.state === 'accepted') {
        unit = (await strapi.db.query('api::unit.unit').findOne({
          where: { id: body.unit, active: true },
          select: UNIT_FIELDS,
        })) as UnitRef | null;
        if (!unit) {
          throw validationError([fieldError(['unit'], 'Đơn vị không tồn tại.', 'No such unit.', language)]);
        }
        const resolved = unitDueDateOf(body.unitDueDate, now, feedback.dueDate);
        if ('problem' in resolved) {
          const message = unitDueDateMessage(resolved.problem, feedback.dueDate);
          throw validationError([fieldError(['unitDueDate'], message.vi, message.en, language)]);
        }
        changes.handlingUnit = unit.id;
        changes.assignedAt = nowInstant;
        changes.unitDueDate = resolved.date;
      }
      if (to === 'answer_drafted') changes.answer = body.answer ?? feedback.answer;
      if (to === 'answered') {
        changes.answeredAt = nowInstant;
        if (consented) changes.publicationDueDate = publicationDueDate(now, deadlines, calendar);
      }
      if (to === 'not_accepted' || to === 'transferred' || to === 'answered') {
        changes.closedAt = nowInstant;
        changes.onTime = closedOnTime(to, now, feedback);
      }
      if (to === 'published') {
        Object.assign(changes, publicTexts(feedback, body), {
          answerPublished: true,
          answerPublishedAt: nowInstant,
          publicationOnTime: feedback.publicationDueDate ? now <= isoDay(feedback.publicationDueDate) : true,
        });
      }

      const reason = body.reason ?? body.comment ?? null;
      await strapi.db.transaction(async ({ trx }) => {
        // Claims the move: of two concurrent writers only one finds the version it read.
        await versionedUpdate(strapi, FEEDBACK_UID, {
          where: { documentId, state: feedback.state },
          version: body.version,
          data: { state: to },
          subject: 'feedback',
        });
        await docs().update({ documentId, data: changes });
        await history().append({
          feedbackDocumentId: documentId,
          action: 'transitioned',
          fromState: feedback.state,
          toState: to,
          actor: access.user,
          reason,
          details:
            to === 'assigned' && feedback.state === 'accepted'
              ? { unitId: unit!.id, unitName: unit!.name, unitDueDate: changes.unitDueDate }
              : to === 'transferred'
                ? { receivingAgency: body.receivingAgency, letterNumber: body.letterNumber }
                : corrected.details,
        });
        const mails = mailsForTransition(feedback.state, to, {
          documentId,
          subject: feedback.subject,
          unitName: unit?.name ?? '',
          actorName: access.user.name,
          language: feedback.language,
          reason,
          receivingAgency: body.receivingAgency,
          letterNumber: body.letterNumber,
          answer: (changes.answer as string | undefined) ?? feedback.answer,
          dueDate: (changes.unitDueDate as string | undefined) ?? feedback.unitDueDate ?? null,
          organizationName: await organizationName(now),
          link: adminLink(documentId),
        });
        for (const mail of mails) {
          const to = await recipients(mail.audience, feedback, unit);
          await enqueueMail(
            strapi,
            to.map((address) => ({ to: address, subject: mail.subject, text: mail.text, topic: mail.topic })),
            trx
          );
        }
      });
      return documentId;
    },
  };
};
