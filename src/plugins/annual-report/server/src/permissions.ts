/** RBAC of the annual report plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'annual-report';

export const ACTIONS = {
  /** Read reports, their figures and exports (Office, Director). */
  read: `plugin::${PLUGIN_ID}.read`,
  /** Create drafts, edit the narrative, recompute, issue, export (Office). */
  manage: `plugin::${PLUGIN_ID}.manage`,
} as const;

export const UIDS = {
  report: `plugin::${PLUGIN_ID}.report`,
  exportJob: `plugin::${PLUGIN_ID}.export-job`,
} as const;
