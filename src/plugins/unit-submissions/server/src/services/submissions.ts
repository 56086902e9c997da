/**
 * Submissions, read and written by their unit (service `submissions`): who is asking (`accessOf`), the list and
 * review queue, the "waiting for me" counts, one submission with the moves this user may make, a unit's draft and
 * its edits, and comments. The moves are services/transitions.ts, the article made from a submission
 * services/articles.ts.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { localDate } from '#domain/working-days';
import { dueWindow, type WaitingItem } from '#domain/waiting';
import { prefixRange } from '#domain/search-text';
import { inUnit, mayActOnUnit, type Ability, type AdminUser } from '#domain/unit-access';
import { organizationSettings } from '#infra/organization-settings';
import { documentsWithWord } from '#infra/search-index';
import { versionedUpdate } from '#infra/versioned-update';
import { validationError } from '#utils/errors';
import { unitAccess } from '#api/unit/services/access';
import type { ListQuery, SortKey } from '../domain/list-query';
import type { SubmissionInput } from '../domain/submission-input';
import { submissionWaitingLines } from '../domain/waiting';
import { allowedTransitions, EDITABLE_BY_UNIT, NOT_EDITABLE } from '../domain/workflow';
import { SUBMISSION_UID } from '../permissions';
import { getService } from '../utils';
import {
  ACCESS,
  actorsFor,
  ARTICLE_UID,
  POPULATE,
  submissionRecords,
  visibleWhere,
  type Access,
} from './submission-records';

const COMMENT_UID = 'plugin::unit-submissions.comment';

/** How each sortable column orders the query, ties broken by id so that pages never overlap. */
const SORT_COLUMNS: Record<SortKey, (direction: 'asc' | 'desc') => object[]> = {
  title: (d) => [{ title: d }],
  unit: (d) => [{ unit: { name: d } }],
  kind: (d) => [{ kind: d }],
  state: (d) => [{ state: d }],
  dueDate: (d) => [{ dueDate: d }],
  assignee: (d) => [{ assignee: { lastname: d } }, { assignee: { firstname: d } }],
  updatedAt: (d) => [{ updatedAt: d }],
};

const notYourUnit = (language: Language) =>
  validationError([
    fieldError(
      ['unit'],
      'Bạn chỉ gửi được tin bài của đơn vị mình.',
      'You can only submit for your own units.',
      language
    ),
  ]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = () => getService(strapi, 'history');
  const rows = () => strapi.db.query(SUBMISSION_UID);
  const records = submissionRecords(strapi);
  const docs = () => records.documents();

  return {
    accessOf(user: AdminUser, ability: Ability): Promise<Access> {
      return unitAccess(strapi).of(user, ability, ACCESS);
    },

    load: records.load,

    /** One page of the list (or the review queue), filtered, searched and sorted, within what the user may see. */
    async list(access: Access, query: Omit<ListQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
      const where: Record<string, unknown>[] = [...visibleWhere(access)];
      if (query.unit) where.push({ unit: { id: query.unit } });
      if (query.state) where.push({ state: query.state });
      if (query.planTask) where.push({ planTask: { documentId: query.planTask } });
      if (query.assignee) where.push({ assignee: { id: query.assignee } });
      if (query.queue) where.push({ state: { $in: ['submitted', 'in_review'] } });
      // Each word starts a word of the title or body: an index range scan of search_terms per word.
      const knex = strapi.db.connection;
      for (const word of query.words) {
        where.push({ documentId: { $in: documentsWithWord(knex, 'submission', 'vi', prefixRange(word)) } });
      }
      const order = query.sort
        ? SORT_COLUMNS[query.sort.key](query.sort.direction)
        : query.queue
          ? [{ dueDate: 'asc' }, { submittedAt: 'asc' }]
          : [{ updatedAt: 'desc' }];
      const filter = { where: { $and: where } };
      const [results, total] = await Promise.all([
        rows().findMany({
          ...filter,
          populate: { unit: POPULATE.unit, planTask: POPULATE.planTask, assignee: POPULATE.assignee },
          orderBy: [...order, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        rows().count(filter),
      ]);
      return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    /**
     * "Waiting for me": how many submissions wait for this user's next move (domain/waiting.ts), among those the list
     * shows them, each line counted in SQL; review lines also count the overdue and those due soon.
     */
    async waiting(access: Access): Promise<WaitingItem[]> {
      const { timeZone } = await organizationSettings(strapi);
      const { today, soonUntil } = dueWindow(localDate(new Date(), timeZone));
      const lines = submissionWaitingLines({ canSubmit: access.canSubmit, canReview: access.canReview });
      return Promise.all(
        lines.map(async (line) => {
          const where = [
            ...visibleWhere(access),
            { state: line.state },
            ...(line.assignedToMe ? [{ assignee: { id: access.user.id } }] : []),
          ];
          const count = (extra: Record<string, unknown>[] = []) =>
            rows().count({ where: { $and: [...where, ...extra] } });
          if (!line.dated) return { key: line.key, count: await count() };
          const [total, overdue, dueSoon] = await Promise.all([
            count(),
            count([{ dueDate: { $lt: today } }]),
            count([{ dueDate: { $gte: today } }, { dueDate: { $lte: soonUntil } }]),
          ]);
          return { key: line.key, count: total, overdue, dueSoon };
        })
      );
    },

    /** The submission, with the moves this user may make now; null when it is not theirs to see. */
    async findOne(access: Access, documentId: string) {
      const submission = await records.seen(access, documentId);
      if (!submission) return null;
      const actors = actorsFor(access, submission);
      // The relation holds the article's draft: whether it is public is the published row's business.
      const published = submission.article
        ? await strapi.db.query(ARTICLE_UID).findOne({
            where: {
              documentId: submission.article.documentId,
              locale: 'vi',
              publishedAt: { $notNull: true },
            },
            select: ['publishedAt'],
          })
        : null;
      return {
        ...submission,
        article: submission.article && { ...submission.article, publishedAt: published?.publishedAt ?? null },
        canPublishArticle:
          access.canPublishArticles && submission.state === 'approved' && submission.article !== null,
        allowedTransitions: allowedTransitions(submission.state, actors).map((t) => ({
          to: t.to,
          needsComment: t.needs?.includes('comment') ?? false,
          needsAssignee: t.needs?.includes('assignee') ?? false,
        })),
        canEdit: actors.includes('unit') && EDITABLE_BY_UNIT.includes(submission.state),
        canComment: actors.length > 0,
      };
    },

    /** A unit's new draft; `at` dates its history, for the demo seed's story (now otherwise). */
    async create(access: Access, input: SubmissionInput, language: Language, at?: Date) {
      if (!mayActOnUnit(access, access.canSubmit, input.unit)) {
        throw notYourUnit(language);
      }
      return strapi.db.transaction(async () => {
        const created = await docs().create({
          data: {
            title: input.title,
            kind: input.kind,
            body: input.body ?? null,
            unit: input.unit,
            planTask: input.planTask ?? null,
            proposedChannel: input.proposedChannel ?? 'website',
            desiredPublicationDate: input.desiredPublicationDate ?? null,
            state: 'draft',
            version: 0,
          },
        });
        await history().append({
          submissionDocumentId: created.documentId,
          action: 'created',
          toState: 'draft',
          actor: { id: access.user.id, name: access.user.name },
          at,
        });
        return created.documentId;
      });
    },

    /** A unit's edit, while the submission is a draft or sent back; `version` guards against lost updates. */
    async update(
      access: Access,
      documentId: string,
      version: number,
      input: SubmissionInput,
      language: Language
    ) {
      const submission = await records.atVersion(access, documentId, version);
      if (!submission) return null;
      if (!actorsFor(access, submission).includes('unit') || !EDITABLE_BY_UNIT.includes(submission.state)) {
        throw validationError([fieldError(['state'], NOT_EDITABLE.vi, NOT_EDITABLE.en, language)]);
      }
      if (input.unit !== undefined && !access.isSuperAdmin && !inUnit(access, input.unit)) {
        throw notYourUnit(language);
      }
      await strapi.db.transaction(async () => {
        await versionedUpdate(strapi, SUBMISSION_UID, {
          where: { documentId },
          version,
          data: { updatedAt: new Date() },
          subject: 'submission',
        });
        await docs().update({ documentId, data: input });
        await history().append({
          submissionDocumentId: documentId,
          action: 'edited',
          actor: { id: access.user.id, name: access.user.name },
          details: { fields: Object.keys(input) },
        });
      });
      return documentId;
    },

    async addComment(
      access: Access,
      documentId: string,
      body: string,
      { silent = false, at }: { silent?: boolean; at?: Date } = {}
    ) {
      await strapi.db.query(COMMENT_UID).create({
        data: {
          submissionDocumentId: documentId,
          authorId: access.user.id,
          authorName: access.user.name,
          body,
          createdAt: at,
          updatedAt: at,
        },
      });
      if (!silent) {
        await history().append({
          submissionDocumentId: documentId,
          action: 'commented',
          actor: { id: access.user.id, name: access.user.name },
          reason: body,
          at,
        });
      }
    },

    async comments(documentId: string) {
      return strapi.db.query(COMMENT_UID).findMany({
        where: { submissionDocumentId: documentId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },
  };
};
