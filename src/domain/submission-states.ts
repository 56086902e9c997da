/**
 * The states of a unit's submission (`plugin::unit-submissions.submission` `state`, its schema's enumeration).
 * The unit-submissions workflow owns them; the oversight dashboard and the annual report count by them, so they
 * live here where every plugin's domain may import them.
 */
export const SUBMISSION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'rejected',
  'withdrawn',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
