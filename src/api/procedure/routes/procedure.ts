import { factories, type Core } from '@strapi/strapi';
import { publicReadRoutes } from '#utils/public-routes';

const core = factories.createCoreRouter('api::procedure.procedure', publicReadRoutes);

/** The search comes first, so that "search" is never taken for a documentId, and stays in the OpenAPI document. */
export default {
  type: core.type,
  prefix: core.prefix,
  get routes() {
    return [
      {
        method: 'GET',
        path: '/procedures/search',
        handler: 'api::procedure.procedure.search',
        config: { auth: false },
      },
      ...(core.routes as Core.RouterInput['routes'] & unknown[]),
    ];
  },
};
