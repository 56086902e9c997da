import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toOneRelationTarget } from '../../../../../utils/relations';
import { ACTIONS, SUBMISSION_UID } from '../permissions';

const ARTICLE = 'api::article.article';
const WORKFLOW_FIELDS = ['state', 'version', 'assignee', 'article', 'publicUrl', 'submittedAt', 'dueDate'];

interface RequestState {
  path?: string;
  state?: {
    user?: { id: number; roles?: { code: string }[] };
    userAbility?: { can(action: string): boolean };
  };
}

/**
 * The Content Manager's RBAC condition scopes which submissions and articles a unit editor reads, updates and
 * deletes, but not the unit a write sets: here a unit editor cannot create, or move, an entry into another unit.
 * And nobody moves a submission through its workflow by editing fields: only the submission routes do that.
 */
export const unitGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (
      (context.uid !== SUBMISSION_UID && context.uid !== ARTICLE) ||
      !['create', 'update', 'clone'].includes(context.action)
    ) {
      return next();
    }
    const ctx = strapi.requestContext.get() as RequestState | undefined;
    if (!ctx?.path?.startsWith('/content-manager/')) return next();
    const user = ctx.state?.user;
    const data = ((context.params as { data?: Record<string, unknown> }).data ?? {}) as Record<
      string,
      unknown
    >;
    const documentId = (context.params as { documentId?: string }).documentId;

    if (context.uid === SUBMISSION_UID && documentId) {
      const stored = await strapi.db.query(SUBMISSION_UID).findOne({
        where: { documentId },
        select: ['state', 'version', 'publicUrl', 'submittedAt', 'dueDate'],
      });
      const changed = WORKFLOW_FIELDS.filter(
        (field) =>
          field in data &&
          stored &&
          field in stored &&
          String(data[field] ?? '') !== String(stored[field] ?? '')
      );
      if (changed.length > 0 || (context.action === 'create' && data.state && data.state !== 'draft')) {
        throw new errors.ValidationError('The workflow moves only through the submission page.', {
          errors: changed.map((field) => ({
            path: [field],
            message: 'Use the submission page.',
            name: 'ValidationError',
          })),
        });
      }
    }

    const restricted =
      user &&
      !(user.roles ?? []).some((r) => r.code === 'strapi-super-admin') &&
      !ctx.state?.userAbility?.can(ACTIONS.readAll);
    if (restricted) {
      const target = toOneRelationTarget(data.unit);
      if (context.action === 'create' && !target) {
        throw new errors.ForbiddenError('Choose one of your units.');
      }
      if (target) {
        const unit = await strapi.db.query('api::unit.unit').findOne({
          where: target.documentId ? { documentId: target.documentId } : { id: target.id },
          select: ['id'],
        });
        const mine: number[] = await strapi
          .plugin('unit-submissions')
          .service('memberships')
          .unitIdsOf(user!.id);
        if (!unit || !mine.includes(unit.id))
          throw new errors.ForbiddenError('You can only work on your own units.');
      }
    }
    return next();
  };
