/** RBAC of the oversight plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'oversight';

export const ACTIONS = {
  /** The dashboard of every unit against the plan, and its drill-downs (Office, Director, IT Center). */
  dashboard: `plugin::${PLUGIN_ID}.dashboard`,
  /** Send reminders, record checks, resolve or escalate difficulties (Office). */
  manage: `plugin::${PLUGIN_ID}.manage`,
  /** One's own units: their tasks and reminders; report difficulties and task results (unit editors). */
  unit: `plugin::${PLUGIN_ID}.unit`,
  /** The difficulties escalated to the Director, and the Director's answers. */
  escalations: `plugin::${PLUGIN_ID}.escalations`,
} as const;

export const UIDS = {
  reminder: `plugin::${PLUGIN_ID}.reminder`,
  reminderItem: `plugin::${PLUGIN_ID}.reminder-item`,
  inspection: `plugin::${PLUGIN_ID}.inspection`,
  difficulty: `plugin::${PLUGIN_ID}.difficulty`,
  taskReport: `plugin::${PLUGIN_ID}.task-report`,
} as const;
