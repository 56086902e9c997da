import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const ARTICLE = 'api::article.article';

/** The public address of a published article, from ARTICLE_URL_TEMPLATE (placeholders {slug}, {documentId}). */
export function articleUrl(article: { slug: string; documentId: string }) {
  const template =
    process.env.ARTICLE_URL_TEMPLATE || `${process.env.PUBLIC_URL ?? ''}/api/articles/{documentId}`;
  return template.replace('{slug}', article.slug).replace('{documentId}', article.documentId);
}

/**
 * Publishing an article: its campaign and procedures must be published first (Strapi would otherwise drop the
 * relations silently), and the submission it came from, if any, becomes published with the article's address.
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

    const result = await next();
    const published = await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', 'slug'],
    });
    if (published) {
      await strapi
        .plugin('unit-submissions')
        .service('submissions')
        .markPublished(documentId, articleUrl(published));
    }
    return result;
  };
