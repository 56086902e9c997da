/**
 * The states of a citizen's feedback (`api::feedback.feedback` `state`). The feedback-register workflow moves between
 * them; the public status, the due dates and the oversight count by them. A module of its own, without imports, so
 * the admin may import the list too.
 */
/** In workflow order. */
export const FEEDBACK_STATES = [
  'received',
  'not_accepted',
  'transferred',
  'accepted',
  'assigned',
  'answer_drafted',
  'answer_approved',
  'answered',
  'published',
] as const;

export type FeedbackState = (typeof FEEDBACK_STATES)[number];
