/**
 * The article made from a submission (service `articles`): drafted on approval, published from the submission
 * page, and the submission's last move when it is published (services/article-publication.ts calls markPublished).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, type Language } from '#domain/errors';
import { validationError } from '#utils/errors';
import { decideTransition } from '../domain/workflow';
import { SUBMISSION_UID } from '../permissions';
import { getService } from '../utils';
import { ARTICLE_UID, submissionRecords, type Access, type StoredSubmission } from './submission-records';

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
  const history = () => getService(strapi, 'history');
  const rows = () => strapi.db.query(SUBMISSION_UID);
  const records = submissionRecords(strapi);

  return {
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
          contentTypeUID: ARTICLE_UID,
          field: 'slug',
          data: { title: submission.title },
          locale: 'vi',
        });
      const body = submission.body ?? '';
      const article = await strapi.documents(ARTICLE_UID).create({
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
      await records.documents().update({
        documentId: submission.documentId,
        data: { article: article.documentId },
      });
      await history().append({
        submissionDocumentId: submission.documentId,
        action: 'article_created',
        actor,
        details: { articleDocumentId: article.documentId },
        at,
      });
      return article.documentId;
    },

    /**
     * Publishes the article made from an approved submission through the Document Service, so that everything a
     * publication does happens (attachments into the library, the submission marked published, the website
     * webhook, the cache). Null when the submission is not the user's to see.
     */
    async publishArticle(access: Access, documentId: string, language: Language) {
      const submission = await records.seen(access, documentId);
      if (!submission) return null;
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
  };
};
