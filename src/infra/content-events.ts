/**
 * What follows a write through the Document Service (Content Manager, REST, seed, workflows): the search index
 * of the changed documents is rebuilt and the cached responses that may show them are invalidated.
 */
import type { Core, Modules } from '@strapi/strapi';
import type { CacheScope, ResponseCache } from './response-cache';
import { CACHE_SCOPES } from './response-cache';
import { clearOrganizationSettings } from './organization-settings';
import { recordSearchChanges } from './search-changes';
import { reindexArticles, reindexFeedback, reindexProcedures, reindexSubmissions } from './search-index';

const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/** The actions that change what is published, whatever their parameters. */
const PUBLISHING_ACTIONS = new Set(['publish', 'unpublish', 'delete']);

const PROCEDURE = 'api::procedure.procedure';
const SUBMISSION = 'plugin::unit-submissions.submission';
const FIELD = 'api::procedure-field.procedure-field';

/** The content types whose published entries the public API shows. */
export const PUBLIC_CONTENT_TYPES = new Set([
  PROCEDURE,
  FIELD,
  'api::legal-document.legal-document',
  'api::campaign.campaign',
  'api::article.article',
  'api::plan.plan',
  'api::plan-task.plan-task',
  'api::organization.organization',
]);

const SYNONYM = 'api::synonym.synonym';
const ARTICLE = 'api::article.article';
/** What the `content` scope's responses show, or depend on: the synonyms change what the procedure search finds. */
const CONTENT_SCOPE_TYPES = new Set([...PUBLIC_CONTENT_TYPES, SYNONYM]);

function scopesOf(uid: string, action: string): CacheScope[] {
  if (CONTENT_SCOPE_TYPES.has(uid)) return ['content'];
  // A new feedback is never public; the answered list changes when one is updated (answered, published).
  if (uid === 'api::feedback.feedback' && action !== 'create') return ['feedback'];
  if (uid === 'api::survey-response.survey-response') return ['survey'];
  return [];
}

export const contentEventsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const result = await next();
    const documentId =
      (context.params as { documentId?: string }).documentId ??
      (result as { documentId?: string } | null)?.documentId;

    // The index holds published texts: a write to a draft alone (an import's new drafts) leaves it as it was.
    const touchesPublished =
      PUBLISHING_ACTIONS.has(context.action) ||
      (context.params as { status?: string }).status === 'published';
    if (context.uid === PROCEDURE && documentId && touchesPublished)
      await reindexProcedures(strapi, [documentId]);
    if (context.uid === ARTICLE && documentId && touchesPublished)
      await reindexArticles(strapi, [documentId]);
    const createdPublished = (context.params as { data?: { state?: string } }).data?.state === 'published';
    if (
      context.uid === 'api::feedback.feedback' &&
      documentId &&
      (context.action !== 'create' || createdPublished)
    ) {
      await reindexFeedback(strapi, [documentId]);
    }
    // A workflow write (assignee, article) leaves the words as they were.
    const data = (context.params as { data?: object }).data ?? {};
    if (
      context.uid === SUBMISSION &&
      documentId &&
      (context.action !== 'update' || 'title' in data || 'body' in data)
    ) {
      await reindexSubmissions(strapi, [documentId]);
    }
    if (context.uid === FIELD && documentId) {
      const linked = await strapi.db.query(PROCEDURE).findMany({
        where: { field: { documentId } },
        select: ['documentId'],
      });
      const ids = [...new Set(linked.map((r: { documentId: string }) => r.documentId))];
      if (ids.length) await reindexProcedures(strapi, ids);
    }
    if (context.uid === SYNONYM) await recordSearchChanges(strapi, 'synonym', 'all');
    if (context.uid === 'api::holiday.holiday' || context.uid === 'api::organization.organization') {
      clearOrganizationSettings();
    }
    const cache = strapi.get('response-cache') as ResponseCache;
    for (const scope of scopesOf(context.uid, context.action)) await cache.invalidate(scope);
    return result;
  };

/** Media, locales and public permissions change what every public response shows. */
export function invalidateOnGlobalChanges(strapi: Core.Strapi) {
  const invalidateAll = async () => {
    const cache = strapi.get('response-cache') as ResponseCache;
    for (const scope of CACHE_SCOPES) await cache.invalidate(scope);
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file', 'plugin::i18n.locale', 'plugin::users-permissions.permission'],
    afterCreate: invalidateAll,
    afterUpdate: invalidateAll,
    afterDelete: invalidateAll,
    afterUpdateMany: invalidateAll,
    afterDeleteMany: invalidateAll,
  });
}
