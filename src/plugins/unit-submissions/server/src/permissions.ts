/** RBAC of the plugin, shared by the server and the admin panel. */
export const PLUGIN_ID = 'unit-submissions';

export const ACTIONS = {
  /** Open the submissions page: one's own units' submissions. */
  read: `plugin::${PLUGIN_ID}.read`,
  /** See every unit's submissions (IT Center, Office, Director). */
  readAll: `plugin::${PLUGIN_ID}.read-all`,
  /** Write, submit, resubmit and withdraw submissions of one's own units. */
  submit: `plugin::${PLUGIN_ID}.submit`,
  /** Take submissions in review, request changes, approve, reject (IT Center). */
  review: `plugin::${PLUGIN_ID}.review`,
  /** Manage which admin users belong to which units. */
  memberships: `plugin::${PLUGIN_ID}.memberships`,
} as const;

/** The RBAC condition that scopes submissions and articles to the user's units. */
export const IN_MY_UNITS = `plugin::${PLUGIN_ID}.in-my-units`;

export const SUBMISSION_UID = `plugin::${PLUGIN_ID}.submission`;

export const ATTACHMENT_UID = `plugin::${PLUGIN_ID}.attachment`;
