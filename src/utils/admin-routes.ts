/**
 * Route guards of the local plugins' admin routes: an admin session plus RBAC actions. Each route of a plugin's
 * route table says which of the two it uses. Which rows a user then sees is the services' business.
 */

/** Every one of the actions (Strapi's `admin::hasPermissions`). */
export const allOf = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

/**
 * At least one of the actions (src/policies/has-any-permission.ts): the routes that serve several roles (the
 * Office, the Director, the units), each seeing its own rows.
 */
export const anyOf = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'global::has-any-permission', config: { actions } }],
});
