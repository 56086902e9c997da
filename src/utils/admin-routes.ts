/**
 * Route guards of the local plugins' admin routes. Strapi's `admin::hasPermissions` requires every action it is
 * given; most plugin routes serve several roles (the Office, the Director, units) and the services scope the rows,
 * so each plugin registers this policy as `has-any-permission`: at least one of `config.actions`.
 */
export const hasAnyPermission = (
  policyContext: { state: { userAbility?: { can(action: string): boolean } } },
  config: { actions: string[] }
) => config.actions.some((action) => policyContext.state.userAbility?.can(action) === true);

/** A route's policies: an admin session and at least one of the plugin's RBAC actions. */
export const allowedAny =
  (pluginId: string) =>
  (...actions: string[]) => ({
    policies: [
      'admin::isAuthenticatedAdmin',
      { name: `plugin::${pluginId}.has-any-permission`, config: { actions } },
    ],
  });
