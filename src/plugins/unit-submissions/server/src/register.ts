import type { Core } from '@strapi/strapi';
import { registerPrivateFileOwner } from '#infra/private-files';
import { ATTACHMENT_UID } from './permissions';
import { GUARDED_ROUTES, routeGuard, unitGuardMiddleware } from './services/unit-guard';
import { articlePublicationMiddleware } from './services/article-publication';

type Router = { routes: { handler: string; config?: { middlewares?: unknown[] } }[] };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(unitGuardMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  registerPrivateFileOwner({ uid: ATTACHMENT_UID, attribute: 'storedName' });

  // Routes are mounted after register: the guard runs on the matched route, after authentication.
  const guard = routeGuard(strapi);
  for (const [plugin, handlers] of Object.entries(GUARDED_ROUTES)) {
    const routes = (strapi.plugin(plugin).routes as unknown as { admin: Router }).admin.routes.filter(
      (route) => handlers.includes(route.handler)
    );
    if (routes.length !== handlers.length)
      throw new Error(`route guard: ${plugin} routes ${handlers} not found`);
    for (const route of routes) {
      route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), guard] };
    }
  }
};
