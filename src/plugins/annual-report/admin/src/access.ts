import { useRBAC } from '@strapi/strapi/admin';
import { ACTIONS } from '#annual-report/permissions';

export const READ = [{ action: ACTIONS.read, subject: null }];
const ALL = [
  { action: ACTIONS.read, subject: null },
  { action: ACTIONS.manage, subject: null },
];

/** What the user may do here: read (Office, Director) and manage (Office). */
export function useAccess() {
  const { allowedActions, isLoading } = useRBAC(ALL);
  return {
    canRead: Boolean(allowedActions.canRead),
    canManage: Boolean(allowedActions.canManage),
    isLoading,
  };
}
