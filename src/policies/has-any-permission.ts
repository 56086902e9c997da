/** Passes when the admin user may do at least one of `config.actions` (the `anyOf` guard, src/utils/admin-routes). */
export default (
  policyContext: { state: { userAbility?: { can(action: string): boolean } } },
  config: { actions: string[] }
) => config.actions.some((action) => policyContext.state.userAbility?.can(action) === true);
