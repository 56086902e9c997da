import { factories } from '@strapi/strapi';
import { parseSearchParams } from '#domain/procedure-search';
import { snippet } from '#domain/search-snippet';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { localeCodes } from '#infra/locales';
import { procedures } from '../services/procedure';

const UID = 'api::procedure.procedure';

export default factories.createCoreController(UID, ({ strapi }) => ({
  /** GET /api/procedures/search: Strapi's list shape, ranked, published entries only. */
  async search(ctx) {
    const parsed = parseSearchParams(ctx.query, await localeCodes(strapi), requestLanguage(ctx));
    if (!parsed.ok) throw validationError(parsed.errors);
    const params = parsed.value;

    const { documentIds, total, matchedAll, partial, suggestion, ignored, highlighted } =
      await procedures(strapi).search(params);
    const found = documentIds.length
      ? await strapi.documents(UID).findMany({
          filters: { documentId: { $in: documentIds } },
          locale: params.locale,
          status: 'published',
          populate: { field: { fields: ['name', 'code'] }, levels: true, channels: true },
        })
      : [];
    const byId = new Map(found.map((doc) => [doc.documentId, doc]));
    const ordered = documentIds.map((id) => byId.get(id)).filter(Boolean);
    const data = (await strapi.contentAPI.sanitize.output(ordered, strapi.contentType(UID), {
      auth: ctx.state.auth,
    })) as { name: string }[];
    return {
      // The name with what matched the query, as plain text and offsets (search-snippet.ts).
      data: data.map((procedure) => ({ ...procedure, snippet: snippet(procedure.name, highlighted, 200) })),
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
