/**
 * Every admin route of the product's plugins, as an attacker reaches it: without a session, with a session whose
 * role grants nothing, and by a case-variant path. The route tables are built from guards (src/utils/route-table.ts);
 * this proves from the outside that each route still carries one, whatever its place in the table.
 */
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const strapi = () => app.strapi();

const PLUGINS = ['unit-submissions', 'feedback-register', 'oversight', 'annual-report', 'widgets'];
// The only admin-type routes without a session: what websites embed (src/plugins/widgets/server/src/routes).
const PUBLIC = ['GET /widgets/v1/demo.html', 'GET /widgets/v1/embed/:name', 'GET /widgets/v1/:file'];
const NOBODY = 'khongquyen@demo.example';
const PASSWORD = 'Khong-quyen-2026!';
const SOME_ID = 'abcdefghijklmnopqrstuvwx';

interface Route {
  method: string;
  path: string;
  config?: { policies?: unknown[] };
}

const adminRoutes = (plugin: string): Route[] => {
  const routes = strapi().plugin(plugin).routes as unknown as Record<
    string,
    { type: string; routes: Route[] }
  >;
  return Object.values(routes).flatMap((table) =>
    table.type === 'admin' && !table.routes.some(isPublic) ? table.routes : []
  );
};

const isPublic = (route: Route) => (route.config as { auth?: unknown } | undefined)?.auth === false;

const publicRoutes = () =>
  PLUGINS.flatMap((plugin) => {
    const tables = strapi().plugin(plugin).routes as unknown as Record<
      string,
      { prefix?: string; routes: Route[] }
    >;
    return Object.values(tables).flatMap((table) =>
      table.routes.filter(isPublic).map((route) => `${route.method} ${table.prefix}${route.path}`)
    );
  });

const ALL = () =>
  PLUGINS.flatMap((plugin) =>
    adminRoutes(plugin).map((route) => ({
      plugin,
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete',
      url: `/${plugin}${route.path.replace(/:[A-Za-z]+/g, SOME_ID)}`,
      policies: route.config?.policies ?? [],
    }))
  );

let nobodyToken: string;

beforeAll(async () => {
  const role = await strapi()
    .service('admin::role')
    .create({ name: 'Không quyền', description: 'No permission' });
  await strapi()
    .service('admin::user')
    .create({
      email: NOBODY,
      firstname: 'Không',
      lastname: 'Quyền',
      password: PASSWORD,
      isActive: true,
      roles: [role.id],
    });
  nobodyToken = await adminLogin(app.server(), NOBODY, PASSWORD);
});

const call = (route: ReturnType<typeof ALL>[number], url: string, token?: string) => {
  const req = request(app.server())[route.method](url);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return route.method === 'get' || route.method === 'delete' ? req : req.send({ data: { title: 'x' } });
};

describe('the plugins’ admin routes', () => {
  it('are public only where websites embed the widgets, each public table holding nothing else', () => {
    expect(publicRoutes()).toEqual(PUBLIC);
    const tables = strapi().plugin('widgets').routes as unknown as Record<string, { routes: Route[] }>;
    for (const table of Object.values(tables)) expect(new Set(table.routes.map(isPublic)).size).toBe(1);
  });

  it('are all mounted, each with an admin session and a permission check', () => {
    const routes = ALL();
    for (const plugin of PLUGINS) expect(routes.filter((r) => r.plugin === plugin).length).toBeGreaterThan(0);
    for (const route of routes) {
      const names = route.policies.map((p) => (typeof p === 'string' ? p : (p as { name: string }).name));
      expect({ url: route.url, names }).toEqual({
        url: route.url,
        names: [
          'admin::isAuthenticatedAdmin',
          expect.stringMatching(/^(admin::hasPermissions|global::has-any-permission)$/),
        ],
      });
    }
  });

  it('answer 401 without a session, and 403 to a role that grants nothing, writing nothing', async () => {
    const before = await strapi().db.query('plugin::unit-submissions.submission').count();
    const seen: string[] = [];
    for (const route of ALL()) {
      const anonymous = await call(route, route.url);
      const nobody = await call(route, route.url, nobodyToken);
      seen.push(`${route.method.toUpperCase()} ${route.url} ${anonymous.status} ${nobody.status}`);
    }
    expect(seen.filter((line) => !/ 401 403$/.test(line))).toEqual([]);
    expect(await strapi().db.query('plugin::unit-submissions.submission').count()).toBe(before);
  });

  it('never serve a case-variant path, nor fail on one', async () => {
    const seen: string[] = [];
    for (const route of ALL()) {
      const upper = route.url.replace(`/${route.plugin}`, `/${route.plugin.toUpperCase()}`);
      const res = await call(route, upper, nobodyToken);
      if (res.status < 400 || res.status >= 500)
        seen.push(`${route.method.toUpperCase()} ${upper} ${res.status}`);
    }
    expect(seen).toEqual([]);
  });
});
