/** A route's policies: an admin session and at least one of the plugin's RBAC actions. */
export const allowed = (...actions: string[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'plugin::oversight.has-any-permission', config: { actions } },
  ],
});
