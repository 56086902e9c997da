/**
 * The states of a citizen's feedback (`api::feedback.feedback` `state`). The feedback-register workflow moves between
 * them; the public status, the due dates and the oversight count by them. A module of its own, without imports, so
 * the admin may import the list too.
 */
export type FeedbackState =
  | 'received'
  | 'not_accepted'
  | 'transferred'
  | 'accepted'
  | 'assigned'
  | 'answer_drafted'
  | 'answer_approved'
  | 'answered'
  | 'published';

/** In workflow order. */
export const FEEDBACK_STATES: readonly FeedbackState[] = [
  'received',
  'not_accepted',
  'transferred',
  'accepted',
  'assigned',
  'answer_drafted',
  'answer_approved',
  'answered',
  'published',
];
