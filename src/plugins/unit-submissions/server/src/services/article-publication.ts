import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { settingsOf } from '../config';
import { getService } from '../utils';

const ARTICLE = 'api::article.article';

/** Adds library files to the media of every draft locale of the article (the field is not localized). */
async function linkMedia(strapi: Core.Strapi, documentId: string, fileIds: number[]) {
  const drafts = await strapi.db.query(ARTICLE).findMany({
    where: { documentId, publishedAt: null },
    select: ['id'],
    populate: { media: { select: ['id'] } },
  });
  for (const draft of drafts as { id: number; media?: { id: number }[] | null }[]) {
    const current = (draft.media ?? []).map((file) => file.id);
    await strapi.db.query(ARTICLE).update({
      where: { id: draft.id },
      data: { media: [...current, ...fileIds.filter((id) => !current.includes(id))] },
    });
  }
}

/** The public address of a published article, from the template in the settings (placeholders {slug}, {documentId}). */
function articleUrl(template: string, article: { slug: string; documentId: string }) {
  return template.replace('{slug}', article.slug).replace('{documentId}', article.documentId);
}

/**
 * Publishing an article: its campaign and procedures must be published first (Strapi would otherwise drop the
 * relations silently), the attachments of the submission it came from, if any, are copied into the media library
 * and linked to it, and that submission becomes published with the article's address.
 */
export const articlePublicationMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const { documentId } = context.params as { documentId: string };
    const drafts = await strapi.db.query(ARTICLE).findMany({
      where: { documentId, publishedAt: null },
      populate: {
        campaign: { select: ['documentId', 'title'] },
        procedures: { select: ['documentId', 'name'] },
      },
    });
    const unpublished: { path: string[]; message: string; name: string }[] = [];
    for (const draft of drafts) {
      const related = [
        ...(draft.campaign ? [['campaign', 'api::campaign.campaign', draft.campaign]] : []),
        ...(draft.procedures ?? []).map((p: object) => ['procedures', 'api::procedure.procedure', p]),
      ] as [string, string, { documentId: string; title?: string; name?: string }][];
      for (const [field, uid, entry] of related) {
        const published = await strapi.db.query(uid as never).findOne({
          where: { documentId: entry.documentId, publishedAt: { $notNull: true } },
          select: ['id'],
        });
        if (!published) {
          unpublished.push({
            path: [field],
            message: `Publish "${entry.title ?? entry.name}" first: an unpublished ${field} would be dropped from the article.`,
            name: 'ValidationError',
          });
        }
      }
    }
    if (unpublished.length > 0)
      throw new errors.ValidationError(unpublished[0].message, { errors: unpublished });

    // The submission's attachments enter the public media library now, linked to the draft that becomes public.
    const attachments = getService(strapi, 'attachments');
    const copied = await attachments.copyToLibrary(documentId);
    let result: Awaited<ReturnType<typeof next>>;
    try {
      if (copied.fileIds.length) await linkMedia(strapi, documentId, copied.fileIds);
      result = await next();
    } catch (error) {
      await copied.undo();
      throw error;
    }
    const published = await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', 'slug'],
    });
    if (published) {
      await getService(strapi, 'articles').markPublished(
        documentId,
        articleUrl(settingsOf(strapi).articleUrlTemplate, published)
      );
    }
    return result;
  };
