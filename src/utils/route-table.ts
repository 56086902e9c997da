type RouteKey = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;

/**
 * The routes one guard lets through, from rows `'METHOD /path': 'controller.action'`: Strapi's route objects, in
 * the rows' order. A route table is a list of these, one per guard, so that each guard is written once and says
 * what it opens. Each route gets its own copy of the guard's config: Strapi writes the route's auth scope into it.
 */
export const guarded = (config: object, rows: Partial<Record<RouteKey, string>>) =>
  Object.entries(rows).map(([route, handler]) => {
    const [method, path] = route.split(' ');
    return { method, path, handler, config: { ...config } };
  });
