import type { Core, Modules } from '@strapi/strapi';
import { checkSynonymPhrases } from '#domain/search-query';
import { validationError } from '#utils/errors';

const UID = 'api::synonym.synonym';

/** A synonym entry is written only as search-query.ts reads it: its phrases checked, one per line, tidied. */
export const synonymMiddleware =
  (_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (data && (context.action === 'create' || 'phrases' in data)) {
      const checked = checkSynonymPhrases(data.phrases);
      if (!checked.ok) throw validationError(checked.errors);
      data.phrases = checked.value.join('\n');
    }
    return next();
  };
