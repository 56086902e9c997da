import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FEEDBACK_UID } from '../permissions';

/**
 * Feedback changes only through the register's routes, which enforce the workflow, the deadlines, unit isolation
 * and the history. The Content Manager may show feedback to those allowed, but never writes it.
 */
export const registerGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (
      context.uid !== FEEDBACK_UID ||
      ['findOne', 'findMany', 'findFirst', 'count'].includes(context.action)
    ) {
      return next();
    }
    const ctx = strapi.requestContext.get() as { path?: string } | undefined;
    if (ctx?.path?.startsWith('/content-manager/')) {
      throw new errors.ForbiddenError('Feedback is handled in the feedback register.');
    }
    return next();
  };
