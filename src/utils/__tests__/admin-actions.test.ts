import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { ROLE_DEFINITIONS } from '../../bootstrap/admin-roles';
import annualReportActions from '#annual-report/config/actions';
import annualReportRoutes from '#annual-report/routes/index';
import feedbackRegisterActions from '#feedback-register/config/actions';
import feedbackRegisterRoutes from '#feedback-register/routes/index';
import oversightActions from '#oversight/config/actions';
import oversightRoutes from '#oversight/routes/index';
import unitSubmissionsActions from '#unit-submissions/config/actions';
import unitSubmissionsRoutes from '#unit-submissions/routes/index';
import hasAnyPermission from '../../policies/has-any-permission';
import {
  actionId,
  actionIds,
  actionsOfRole,
  actionTable,
  registerActions,
  type ActionTable,
  type PluginActions,
  type RoleCode,
} from '../admin-actions';
import { allOf, anyOf } from '../admin-routes';

interface Route {
  method: string;
  path: string;
  config: { policies: (string | { name: string; config: { actions: string[] } })[] };
}

const PLUGINS: (PluginActions & { routes: { admin: { routes: object[] } } })[] = [
  { pluginId: 'unit-submissions', actions: unitSubmissionsActions, routes: unitSubmissionsRoutes },
  { pluginId: 'feedback-register', actions: feedbackRegisterActions, routes: feedbackRegisterRoutes },
  { pluginId: 'oversight', actions: oversightActions, routes: oversightRoutes },
  { pluginId: 'annual-report', actions: annualReportActions, routes: annualReportRoutes },
];

/** What the plugin's bootstrap registers, through a stand-in for Strapi's action provider. */
async function registered(plugin: PluginActions) {
  const registerMany = jest.fn();
  const strapi = { service: () => ({ actionProvider: { registerMany } }) } as unknown as Core.Strapi;
  await registerActions(strapi, plugin);
  return registerMany.mock.calls[0][0] as { uid: string; section: string; pluginName: string }[];
}

const routeActions = (routes: object[]) =>
  (routes as Route[]).flatMap((route) =>
    route.config.policies.flatMap((policy) => (typeof policy === 'string' ? [] : policy.config.actions))
  );

/** The plugin's admin panel and server code, but for the action list itself. */
const sourcesUsing = (pluginId: string): string => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/__tests__|config\/actions/.test(full)) files.push(full);
    }
  };
  walk(path.join(__dirname, '../../plugins', pluginId, 'admin/src'));
  walk(path.join(__dirname, '../../plugins', pluginId, 'server/src'));
  return files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
};

describe('an action table', () => {
  it('gives each action its key in kebab case as its uid, the id stored in the roles’ permissions', () => {
    expect(
      actionTable({
        read: { displayName: 'Xem', roles: ['office'] },
        readAll: { displayName: 'Xem tất cả', roles: [] },
      })
    ).toEqual({
      read: { uid: 'read', displayName: 'Xem', roles: ['office'] },
      readAll: { uid: 'read-all', displayName: 'Xem tất cả', roles: [] },
    });
  });
});

describe.each(PLUGINS)('the actions of $pluginId', (plugin) => {
  const ids = actionIds(plugin.pluginId, plugin.actions as ActionTable);

  it('are all registered, in the plugins section under the plugin', async () => {
    const registrations = await registered(plugin);
    expect(registrations.map((r) => actionId(r.pluginName, r.uid)).sort()).toEqual(Object.values(ids).sort());
    expect(new Set(registrations.map((r) => r.section))).toEqual(new Set(['plugins']));
  });

  it('are each used by a route, the admin panel or a service', () => {
    const guarded = new Set(routeActions(plugin.routes.admin.routes));
    const code = sourcesUsing(plugin.pluginId);
    const unused = Object.entries(ids).filter(
      ([key, id]) => !guarded.has(id) && !new RegExp(`ACTIONS\\.${key}\\b`).test(code)
    );
    expect(unused).toEqual([]);
  });

  it('guard every route with its own actions only', () => {
    const own = new Set(Object.values(ids));
    const routes = plugin.routes.admin.routes as Route[];
    for (const route of routes) expect(route.config.policies[0]).toBe('admin::isAuthenticatedAdmin');
    expect(routeActions(routes).filter((action) => !own.has(action))).toEqual([]);
  });
});

describe('the product roles', () => {
  const registeredIds = PLUGINS.flatMap(({ pluginId, actions }) =>
    Object.values(actionIds(pluginId, actions as ActionTable))
  );

  it.each(ROLE_DEFINITIONS.map((role) => role.code))('%s is granted registered actions only', (code) => {
    const granted = actionsOfRole(code, PLUGINS);
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.filter((action) => !registeredIds.includes(action))).toEqual([]);
  });

  it('are the only roles the actions name', () => {
    const named = new Set(
      PLUGINS.flatMap(({ actions }) => Object.values(actions as ActionTable).flatMap(({ roles }) => roles))
    );
    expect([...named].sort()).toEqual(ROLE_DEFINITIONS.map((role) => role.code).sort());
  });

  it('read the plugin actions from the action lists, in plugin order', () => {
    const office: RoleCode = 'office';
    expect(actionsOfRole(office, PLUGINS)).toEqual([
      'plugin::unit-submissions.read',
      'plugin::unit-submissions.read-all',
      'plugin::feedback-register.read',
      'plugin::feedback-register.read-all',
      'plugin::feedback-register.handle',
      'plugin::oversight.dashboard',
      'plugin::oversight.manage',
      'plugin::annual-report.read',
      'plugin::annual-report.manage',
    ]);
  });
});

describe('route guards', () => {
  const can = (...allowed: string[]) => ({
    state: { userAbility: { can: (a: string) => allowed.includes(a) } },
  });

  it('allOf uses Strapi admin::hasPermissions (every action)', () => {
    expect(allOf('a', 'b')).toEqual({
      policies: [
        'admin::isAuthenticatedAdmin',
        { name: 'admin::hasPermissions', config: { actions: ['a', 'b'] } },
      ],
    });
  });

  it('anyOf passes with at least one of the actions', () => {
    const [, policy] = anyOf('a', 'b').policies as [string, { name: string; config: { actions: string[] } }];
    expect(policy.name).toBe('global::has-any-permission');
    expect(hasAnyPermission(can('b'), policy.config)).toBe(true);
    expect(hasAnyPermission(can('c'), policy.config)).toBe(false);
    expect(hasAnyPermission({ state: {} }, policy.config)).toBe(false);
  });
});
