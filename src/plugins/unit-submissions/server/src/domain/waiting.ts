/**
 * What waits for whom among the submissions ("Waiting for me", issue 13). Pure module: the service counts each line
 * within the submissions the user may see (services/submissions.ts), so a unit editor counts only their units'.
 */
import type { SubmissionState } from './workflow';

export type SubmissionWaitingKey = 'changes_requested' | 'to_review' | 'in_review_mine';

export interface SubmissionWaitingLine {
  key: SubmissionWaitingKey;
  /** The list's `state` filter. */
  state: SubmissionState;
  /** Only those assigned to this user (the list's `assignee` filter). */
  assignedToMe: boolean;
  /** The line reports overdue and due-soon counts, on the review's due date. */
  dated: boolean;
}

/** What the user may do in the workflow: submit for their units, review for the IT Center. */
export interface SubmissionWaitingActor {
  canSubmit: boolean;
  canReview: boolean;
}

/**
 * A unit's editors: what the IT Center sent back for changes. The IT Center: what was submitted and nobody took yet,
 * and what is in review with this user; both against the review's due date.
 */
export function submissionWaitingLines(actor: SubmissionWaitingActor): SubmissionWaitingLine[] {
  return [
    ...(actor.canSubmit
      ? [
          {
            key: 'changes_requested' as const,
            state: 'changes_requested' as const,
            assignedToMe: false,
            dated: false,
          },
        ]
      : []),
    ...(actor.canReview
      ? [
          { key: 'to_review' as const, state: 'submitted' as const, assignedToMe: false, dated: true },
          { key: 'in_review_mine' as const, state: 'in_review' as const, assignedToMe: true, dated: true },
        ]
      : []),
  ];
}
