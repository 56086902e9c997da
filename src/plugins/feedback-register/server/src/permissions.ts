/** RBAC of the feedback register, shared by the server and the admin panel. */
export const PLUGIN_ID = 'feedback-register';

export const ACTIONS = {
  /** Open the register: the feedback assigned to one's own units. */
  read: `plugin::${PLUGIN_ID}.read`,
  /** See every feedback of the register (Office, Director). */
  readAll: `plugin::${PLUGIN_ID}.read-all`,
  /** Register phone, paper and e-mail feedback; classify, transfer, assign, approve, send and publish (Office). */
  handle: `plugin::${PLUGIN_ID}.handle`,
  /** Draft the answers of the feedback assigned to one's own units. */
  answer: `plugin::${PLUGIN_ID}.answer`,
} as const;

export const FEEDBACK_UID = 'api::feedback.feedback';
export const EVENT_UID = `plugin::${PLUGIN_ID}.event`;
