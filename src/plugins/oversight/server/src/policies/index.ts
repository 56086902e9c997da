/**
 * `plugin::oversight.has-any-permission`: the user holds at least one of `config.actions`. Strapi's
 * `admin::hasPermissions` requires all of them, and most oversight routes serve several roles (the Office, the
 * Director, units), each of which the services then scope.
 */
const hasAnyPermission = (
  policyContext: { state: { userAbility?: { can(action: string): boolean } } },
  config: { actions: string[] }
) => config.actions.some((action) => policyContext.state.userAbility?.can(action) === true);

export default { 'has-any-permission': hasAnyPermission };
