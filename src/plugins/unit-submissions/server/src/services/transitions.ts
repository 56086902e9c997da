/**
 * The workflow's moves on a submission (service `transitions`): one move, and the IT Center's bulk claim or
 * approval. Each is one conditional UPDATE on the version (src/infra/versioned-update.ts), history, comment, the
 * article on approval (services/articles.ts) and mail to the outbox, in one transaction.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONFLICT_MESSAGES, ConflictError, fieldError, type Language } from '#domain/errors';
import { localDate } from '#domain/working-days';
import { displayName, type AdminUser } from '#domain/unit-access';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { versionedUpdate } from '#infra/versioned-update';
import { validationError } from '#utils/errors';
import { unitAccess } from '#api/unit/services/access';
import { BULK_MOVES, type BulkRequest } from '../domain/bulk';
import { mailsForTransition, type Audience } from '../domain/notifications';
import { decideTransition, isSending, PROBLEM_MESSAGES, type SubmissionState } from '../domain/workflow';
import { settingsOf } from '../config';
import { SUBMISSION_UID } from '../permissions';
import { getService } from '../utils';
import { actorsFor, submissionRecords, type Access, type StoredSubmission } from './submission-records';

const NOT_FOUND = { vi: 'Không tìm thấy tin bài.', en: 'Submission not found.' };
const UNEXPECTED = { vi: 'Lỗi không mong đợi, hãy thử lại.', en: 'Unexpected error: try again.' };

interface ItemError {
  status: number;
  name: string;
  message: string;
  details?: unknown;
}

/** One item of a bulk move: its new state, or why it did not move. */
export type BulkResult =
  | { documentId: string; ok: true; state: SubmissionState }
  | { documentId: string; ok: false; error: ItemError };

const itemError = (
  status: number,
  name: string,
  messages: { vi: string; en: string },
  language: Language
): ItemError => ({ status, name, message: messages[language], details: {} });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = () => getService(strapi, 'history');
  const rows = () => strapi.db.query(SUBMISSION_UID);

  const adminLink = (documentId: string) =>
    `${strapi.config.get('admin.absoluteUrl', '')}/plugins/unit-submissions/submissions/${documentId}`;

  /** Recipients of a planned mail; the assignee is the one just named, else the one stored (a resubmission). */
  async function recipients(audience: Audience, submission: StoredSubmission, assigneeId: number | null) {
    if (audience === 'assignee') {
      const id = assigneeId ?? submission.assignee?.id;
      const assignee = id
        ? await strapi.db.query('admin::user').findOne({ where: { id, isActive: true } })
        : null;
      return assignee?.email ? [assignee.email] : [];
    }
    if (audience === 'it_center') {
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: 'it-center-editor' } },
        select: ['email'],
      });
      return users.map((u: { email: string }) => u.email);
    }
    if (!submission.unit) return [];
    const members = await unitAccess(strapi).memberEmails(submission.unit.id);
    return [...new Set([submission.unit.email, ...members].filter(Boolean))] as string[];
  }

  return {
    /**
     * One move of the workflow. The state and version change in one conditional UPDATE, so of two reviewers acting
     * at once exactly one succeeds and the other gets a ConflictError (409). A move recorded after the fact (`at`,
     * the demo seed's story) is dated then and notifies nobody: it is no news.
     */
    async transition(
      access: Access,
      documentId: string,
      request: { to: string; version: number; comment?: string | null; assigneeId?: number | null },
      language: Language,
      { at }: { at?: Date } = {}
    ) {
      const submission = await submissionRecords(strapi).atVersion(access, documentId, request.version);
      if (!submission) return null;
      const decision = decideTransition({
        from: submission.state,
        to: request.to,
        actors: actorsFor(access, submission),
        comment: request.comment,
        assigneeId: request.assigneeId,
      });
      if (!decision.ok) {
        const message = PROBLEM_MESSAGES[decision.problem.code];
        throw validationError([fieldError([decision.problem.field], message.vi, message.en, language)]);
      }
      const to = decision.transition.to;
      const assigneeId = decision.transition.needs?.includes('assignee') ? request.assigneeId! : null;
      let assignee: AdminUser | null = null;
      if (assigneeId) {
        assignee = await strapi.db.query('admin::user').findOne({
          where: {
            id: assigneeId,
            isActive: true,
            roles: { code: { $in: ['it-center-editor', 'strapi-super-admin'] } },
          },
        });
        if (!assignee) {
          throw validationError([
            fieldError(
              ['assignee'],
              'Người phụ trách phải là biên tập viên Trung tâm CNTT.',
              'The assignee must be an IT Center editor.',
              language
            ),
          ]);
        }
      }

      const { calendar, timeZone } = await organizationSettings(strapi);
      const { reviewDays } = settingsOf(strapi);
      const now = at ?? new Date();
      const changes: Record<string, unknown> = { state: to, updatedAt: now };
      if (isSending(submission.state, to)) {
        changes.submittedAt = now;
        changes.dueDate = calendar.addWorkingDays(localDate(now, timeZone), reviewDays);
      }

      await strapi.db.transaction(async ({ trx }) => {
        await versionedUpdate(strapi, SUBMISSION_UID, {
          where: { documentId, state: submission.state },
          version: request.version,
          data: changes,
          subject: 'submission',
        });
        if (assigneeId)
          await submissionRecords(strapi)
            .documents()
            .update({ documentId, data: { assignee: assigneeId } });
        const actor = { id: access.user.id, name: access.user.name };
        await history().append({
          submissionDocumentId: documentId,
          action: 'transitioned',
          fromState: submission.state,
          toState: to,
          actor,
          reason: request.comment?.trim() || null,
          at,
        });
        if (assignee) {
          await history().append({
            submissionDocumentId: documentId,
            action: 'assigned',
            actor,
            details: { assigneeId: assignee.id, assigneeName: displayName(assignee) },
            at,
          });
        }
        if (request.comment?.trim()) {
          await getService(strapi, 'submissions').addComment(access, documentId, request.comment.trim(), {
            silent: true,
            at,
          });
        }
        if (to === 'approved') await getService(strapi, 'articles').createArticle(submission, actor, at);
        if (at) return;

        const mails = mailsForTransition(
          { from: submission.state, to },
          {
            documentId,
            title: submission.title,
            unitName: submission.unit?.name ?? '',
            actorName: access.user.name,
            comment: request.comment,
            link: adminLink(documentId),
          },
          Boolean(assigneeId)
        );
        const outgoing = [];
        for (const mail of mails) {
          for (const to of await recipients(mail.audience, submission, assigneeId)) {
            outgoing.push({ to, subject: mail.subject, text: mail.text, topic: mail.topic });
          }
        }
        await enqueueMail(strapi, outgoing, trx);
      });
      return documentId;
    },

    /**
     * The IT Center's bulk claim (to itself) or approval: each item is the single move, with its rules, version
     * check, transaction, history and mail; one item's failure is reported and the others go on.
     */
    async bulk(access: Access, request: BulkRequest, language: Language) {
      const to = BULK_MOVES[request.move];
      const results: BulkResult[] = [];
      for (const documentId of request.ids) {
        try {
          const stored = await rows().findOne({ where: { documentId }, select: ['version'] });
          const done =
            stored &&
            (await this.transition(
              access,
              documentId,
              {
                to,
                version: request.versions[documentId] ?? stored.version,
                comment: request.comment,
                assigneeId: request.move === 'claim' ? access.user.id : null,
              },
              language
            ));
          results.push(
            done
              ? { documentId, ok: true, state: to }
              : { documentId, ok: false, error: itemError(404, 'NotFoundError', NOT_FOUND, language) }
          );
        } catch (error) {
          if (error instanceof ConflictError) {
            results.push({
              documentId,
              ok: false,
              error: itemError(409, 'ConflictError', CONFLICT_MESSAGES[error.subject], language),
            });
          } else if (error instanceof errors.ValidationError) {
            results.push({
              documentId,
              ok: false,
              error: { status: 400, name: 'ValidationError', message: error.message, details: error.details },
            });
          } else {
            strapi.log.error(`Bulk ${request.move} of submission ${documentId} failed: ${error}`);
            results.push({
              documentId,
              ok: false,
              error: itemError(500, 'InternalServerError', UNEXPECTED, language),
            });
          }
        }
      }
      return results;
    },
  };
};
