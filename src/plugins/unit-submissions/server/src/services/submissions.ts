import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, type Language } from '#domain/errors';
import { localDate } from '#domain/working-days';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { validationError } from '#utils/errors';
import { dueWindow, type WaitingItem } from '#domain/waiting';
import { prefixRange } from '#domain/search-text';
import { documentsWithWord } from '#infra/search-index';
import { BULK_MOVES, type BulkRequest } from '../domain/bulk';
import type { ListQuery, SortKey } from '../domain/list-query';
import { mailsForTransition, type Audience } from '../domain/notifications';
import type { SubmissionInput } from '../domain/submission-input';
import { submissionWaitingLines } from '../domain/waiting';
import {
  allowedTransitions,
  decideTransition,
  EDITABLE_BY_UNIT,
  isSending,
  PROBLEM_MESSAGES,
  type Actor,
  type SubmissionState,
} from '../domain/workflow';
import { ACTIONS, SUBMISSION_UID } from '../permissions';
import { ATTACHMENT_FIELDS } from './attachments';

/** Who is asking, and what they may do: computed once per request. */
export interface Access {
  user: { id: number; name: string; email: string };
  unitIds: number[];
  readAll: boolean;
  canSubmit: boolean;
  canReview: boolean;
  /** May publish articles (the Content Manager's permission), so publish one from its submission. */
  canPublishArticles: boolean;
  isSuperAdmin: boolean;
}

interface Ability {
  can(action: string, subject?: unknown): boolean;
}

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
  roles?: { code: string }[];
}

export interface StoredSubmission {
  id: number;
  documentId: string;
  title: string;
  kind: string;
  body: string | null;
  state: SubmissionState;
  version: number;
  proposedChannel: string | null;
  desiredPublicationDate: string | null;
  dueDate: string | null;
  submittedAt: string | null;
  publicUrl: string | null;
  unit: { id: number; documentId: string; name: string; email: string | null } | null;
  planTask: { id: number; documentId: string; code: string; content: string } | null;
  assignee: { id: number; firstname: string | null; lastname: string | null; email: string } | null;
  article: { id: number; documentId: string; title: string; publishedAt: string | null } | null;
  attachments: {
    id: number;
    documentId: string;
    originalName: string | null;
    mime: string;
    size: number;
    mediaFileId: number | null;
  }[];
  createdAt: string;
  updatedAt: string;
}

export const CONFLICT_MESSAGES = {
  vi: 'Tin bài vừa được người khác thay đổi: tải lại rồi thử lại.',
  en: 'The submission was changed by someone else: reload it and try again.',
};

export class ConflictError extends Error {
  constructor() {
    super(CONFLICT_MESSAGES.en);
    this.name = 'ConflictError';
  }
}

const ARTICLE_UID = 'api::article.article';

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
const CM_PUBLISH = 'plugin::content-manager.explorer.publish';

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

const displayName = (user: Pick<AdminUser, 'firstname' | 'lastname' | 'email'>) =>
  [user.lastname, user.firstname].filter(Boolean).join(' ') || user.email;

const POPULATE = {
  unit: { select: ['id', 'documentId', 'name', 'email'] },
  planTask: { select: ['id', 'documentId', 'code', 'content'] },
  assignee: { select: ['id', 'firstname', 'lastname', 'email'] },
  article: { select: ['id', 'documentId', 'title', 'publishedAt'] },
  attachments: { select: ATTACHMENT_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
};

const KIND_TO_ARTICLE: Record<string, string> = {
  news: 'news',
  article: 'article',
  reportage: 'reportage',
  video_clip: 'video_clip',
  photos: 'photo_story',
  document: 'article',
};

/** Paragraphs of plain text (blank-line separated) as Strapi blocks. */
const toBlocks = (text: string | null) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] }));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.plugin('unit-submissions').service('memberships');
  const history = () => strapi.plugin('unit-submissions').service('history');
  const rows = () => strapi.db.query(SUBMISSION_UID);
  const docs = () =>
    strapi.documents(SUBMISSION_UID as never) as unknown as {
      create(params: object): Promise<{ documentId: string }>;
      update(params: object): Promise<unknown>;
    };

  const adminLink = (documentId: string) =>
    `${strapi.config.get('admin.absoluteUrl', '')}/plugins/unit-submissions/submissions/${documentId}`;

  const load = async (documentId: string): Promise<StoredSubmission | null> =>
    (await rows().findOne({ where: { documentId }, populate: POPULATE })) as StoredSubmission | null;

  /** The submissions this user may see, as a where-clause: every unit's, or their own units'. */
  const visibleWhere = (access: Access): Record<string, unknown>[] =>
    access.readAll ? [] : [{ unit: { id: { $in: access.unitIds } } }];

  const visible = (access: Access, submission: StoredSubmission) =>
    access.readAll || (submission.unit !== null && access.unitIds.includes(submission.unit.id));

  /** The roles this user plays on this submission. */
  const actorsFor = (access: Access, submission: Pick<StoredSubmission, 'unit'>): Actor[] => [
    ...(access.canSubmit &&
    (access.isSuperAdmin || (submission.unit !== null && access.unitIds.includes(submission.unit.id)))
      ? (['unit'] as const)
      : []),
    ...(access.canReview ? (['it_center'] as const) : []),
  ];

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
    const memberIds = await memberships().userIdsOf(submission.unit.id);
    const members = memberIds.length
      ? await strapi.db
          .query('admin::user')
          .findMany({ where: { id: { $in: memberIds }, isActive: true }, select: ['email'] })
      : [];
    return [
      ...new Set([submission.unit.email, ...members.map((u: { email: string }) => u.email)].filter(Boolean)),
    ] as string[];
  }

  return {
    async accessOf(user: AdminUser, ability: Ability): Promise<Access> {
      const isSuperAdmin = (user.roles ?? []).some((r) => r.code === 'strapi-super-admin');
      return {
        user: { id: user.id, name: displayName(user), email: user.email },
        unitIds: await memberships().unitIdsOf(user.id),
        readAll: isSuperAdmin || ability.can(ACTIONS.readAll),
        canSubmit: ability.can(ACTIONS.submit),
        canReview: ability.can(ACTIONS.review),
        canPublishArticles: ability.can(CM_PUBLISH, ARTICLE_UID),
        isSuperAdmin,
      };
    },

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
      const submission = await load(documentId);
      if (!submission || !visible(access, submission)) return null;
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
          needsComment: Boolean(t.needsComment),
          needsAssignee: Boolean(t.needsAssignee),
        })),
        canEdit: actors.includes('unit') && EDITABLE_BY_UNIT.includes(submission.state),
        canComment: actors.length > 0,
      };
    },

    /** A unit's new draft; `at` dates its history, for the demo seed's story (now otherwise). */
    async create(access: Access, input: SubmissionInput, language: Language, at?: Date) {
      if (!access.canSubmit || (!access.isSuperAdmin && !access.unitIds.includes(input.unit!))) {
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
      const submission = await load(documentId);
      if (!submission || !visible(access, submission)) return null;
      // The client acted on an older version: whatever it meant, someone changed it first.
      if (submission.version !== version) throw new ConflictError();
      if (!actorsFor(access, submission).includes('unit') || !EDITABLE_BY_UNIT.includes(submission.state)) {
        throw validationError([
          fieldError(
            ['state'],
            'Chỉ đơn vị gửi được sửa tin bài khi đang soạn hoặc được yêu cầu chỉnh sửa.',
            'Only the submitting unit may edit, while the submission is a draft or sent back for changes.',
            language
          ),
        ]);
      }
      if (input.unit !== undefined && !access.isSuperAdmin && !access.unitIds.includes(input.unit)) {
        throw notYourUnit(language);
      }
      await strapi.db.transaction(async () => {
        const { count } = await rows().updateMany({
          where: { documentId, version },
          data: { version: version + 1, updatedAt: new Date() },
        });
        if (count === 0) throw new ConflictError();
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
      const submission = await load(documentId);
      if (!submission || !visible(access, submission)) return null;
      // The client acted on an older version: whatever it meant, someone changed it first.
      if (submission.version !== request.version) throw new ConflictError();
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
      const assigneeId = decision.transition.needsAssignee ? request.assigneeId! : null;
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
      const reviewDays = Number(process.env.SUBMISSION_REVIEW_DAYS ?? 3);
      const now = at ?? new Date();
      const changes: Record<string, unknown> = { state: to, version: request.version + 1, updatedAt: now };
      if (isSending(submission.state, to)) {
        changes.submittedAt = now;
        changes.dueDate = calendar.addWorkingDays(localDate(now, timeZone), reviewDays);
      }

      await strapi.db.transaction(async ({ trx }) => {
        const { count } = await rows().updateMany({
          where: { documentId, version: request.version, state: submission.state },
          data: changes,
        });
        if (count === 0) throw new ConflictError();
        if (assigneeId) await docs().update({ documentId, data: { assignee: assigneeId } });
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
        if (request.comment?.trim())
          await this.addComment(access, documentId, request.comment.trim(), { silent: true, at });
        if (to === 'approved') await this.createArticle(submission, actor, at);
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
              error: itemError(409, 'ConflictError', CONFLICT_MESSAGES, language),
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

    /**
     * Publishes the article made from an approved submission through the Document Service, so that everything a
     * publication does happens (attachments into the library, the submission marked published, the website
     * webhook, the cache). Null when the submission is not the user's to see.
     */
    async publishArticle(access: Access, documentId: string, language: Language) {
      const submission = await load(documentId);
      if (!submission || !visible(access, submission)) return null;
      if (!access.canPublishArticles) {
        throw new errors.ForbiddenError(
          language === 'en' ? 'You may not publish articles.' : 'Bạn không có quyền xuất bản bài viết.'
        );
      }
      if (submission.state !== 'approved' || !submission.article) {
        throw validationError([
          submission.state !== 'approved'
            ? fieldError(
                ['state'],
                'Chỉ xuất bản được bài viết của tin bài đã duyệt và chưa xuất bản.',
                'Only the article of an approved, not yet published submission can be published here.',
                language
              )
            : fieldError(
                ['article'],
                'Tin bài chưa có bài viết để xuất bản.',
                'The submission has no article to publish.',
                language
              ),
        ]);
      }
      await strapi
        .documents(ARTICLE_UID)
        .publish({ documentId: submission.article.documentId, locale: 'vi' });
      return documentId;
    },

    /**
     * Approval: a draft article in Vietnamese, carrying the unit, task and campaign, linked both ways. The
     * attachments join its media when it is published, not before (copyToLibrary). `at` dates the history entry
     * (the demo seed's approvals happened before it ran).
     */
    async createArticle(submission: StoredSubmission, actor: { id: number; name: string }, at?: Date) {
      const task = submission.planTask
        ? await strapi.db.query('api::plan-task.plan-task').findOne({
            where: { id: submission.planTask.id },
            populate: { campaign: { select: ['documentId'] } },
          })
        : null;
      const slug = await strapi
        .plugin('content-manager')
        .service('uid')
        .generateUIDField({
          contentTypeUID: 'api::article.article',
          field: 'slug',
          data: { title: submission.title },
          locale: 'vi',
        });
      const body = submission.body ?? '';
      const article = await strapi.documents('api::article.article').create({
        locale: 'vi',
        data: {
          title: submission.title,
          slug,
          summary: body.split(/\n\s*\n/)[0]?.slice(0, 1000) || null,
          body: toBlocks(body),
          kind: KIND_TO_ARTICLE[submission.kind] ?? 'news',
          channel: submission.proposedChannel ?? 'website',
          unit: submission.unit?.documentId ?? null,
          planTask: submission.planTask?.documentId ?? null,
          campaign: task?.campaign?.documentId ?? null,
        } as never,
      });
      await docs().update({ documentId: submission.documentId, data: { article: article.documentId } });
      await history().append({
        submissionDocumentId: submission.documentId,
        action: 'article_created',
        actor,
        details: { articleDocumentId: article.documentId },
        at,
      });
      return article.documentId;
    },

    /** The automatic last move: the linked article was published. */
    async markPublished(articleDocumentId: string, publicUrl: string) {
      const submission = (await rows().findOne({
        where: { article: { documentId: articleDocumentId }, state: 'approved' },
        select: ['documentId', 'version', 'state'],
      })) as Pick<StoredSubmission, 'documentId' | 'version' | 'state'> | null;
      if (!submission) return;
      const decision = decideTransition({ from: submission.state, to: 'published', actors: ['system'] });
      if (!decision.ok) return;
      const { count } = await rows().updateMany({
        where: { documentId: submission.documentId, state: 'approved' },
        data: { state: 'published', version: submission.version + 1, publicUrl, updatedAt: new Date() },
      });
      if (count === 0) return;
      await history().append({
        submissionDocumentId: submission.documentId,
        action: 'transitioned',
        fromState: 'approved',
        toState: 'published',
        actor: { id: null, name: 'Hệ thống' },
        details: { articleDocumentId, publicUrl },
      });
    },

    async addComment(
      access: Access,
      documentId: string,
      body: string,
      { silent = false, at }: { silent?: boolean; at?: Date } = {}
    ) {
      await strapi.db.query('plugin::unit-submissions.comment').create({
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
      return strapi.db.query('plugin::unit-submissions.comment').findMany({
        where: { submissionDocumentId: documentId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },

    actorsFor,
    visible,
    load,
  };
};
