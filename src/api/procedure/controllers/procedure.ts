import { factories } from '@strapi/strapi';
import { parseSearchParams } from '#domain/procedure-search';
import { snippet } from '#domain/search-snippet';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { localeCodes } from '#infra/locales';
import { procedures } from '../services/procedure';

export default factories.createCoreController('api::procedure.procedure', ({ strapi }) => ({
  /** GET /api/procedures/search: Strapi's list shape, ranked, published entries only, as a result list shows them. */
  async search(ctx) {
    const parsed = parseSearchParams(ctx.query, await localeCodes(strapi), requestLanguage(ctx));
    if (!parsed.ok) throw validationError(parsed.errors);
    const params = parsed.value;

    const { hits, total, matchedAll, partial, suggestion, ignored, highlighted } =
      await procedures(strapi).search(params);
    return {
      // What a result list shows, and the name with what matched the query as plain text and offsets
      // (search-snippet.ts); the detail route gives the rest.
      data: hits.map((hit) => ({ ...hit, snippet: snippet(hit.name, highlighted, 200) })),
      meta: {
        pagination: {
          page: params.page,
          pageSize: params.pageSize,
          pageCount: Math.ceil(total / params.pageSize),
          total,
        },
        search: { matchedAll, partial, suggestion, ignored },
      },
    };
  },
}));
