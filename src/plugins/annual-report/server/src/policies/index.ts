import { hasAnyPermission } from '#utils/admin-routes';

export default { 'has-any-permission': hasAnyPermission };
