/**
 * What waits for whom in the register ("Waiting for me", issue 13). Pure module: the service counts each line within
 * the feedback the user may see (services/register.ts), against the deadline of the step it waits for
 * (currentDueSql), so a unit's editors count only what is assigned to their units.
 */
import type { FeedbackState } from './workflow';

export type FeedbackWaitingKey = 'assigned' | 'to_classify' | 'to_approve' | 'to_send' | 'to_publish';

export interface FeedbackWaitingLine {
  key: FeedbackWaitingKey;
  /** The list's `state` filter. */
  state: FeedbackState;
  /**
   * Only those whose answer the submitter agreed to publish: an answered feedback has a publication deadline then
   * and only then (the deadline the list shows for it).
   */
  publicationPending: boolean;
}

/** What the user does in the register: draft answers for their units, handle the register for the Office. */
export interface FeedbackWaitingActor {
  canAnswer: boolean;
  canHandle: boolean;
}

/**
 * A unit's editors: the feedback assigned to their units, to answer. The Office: what was received and is not yet
 * classified, the answers drafted to approve, the approved answers to send, and the sent answers to publish.
 */
export function feedbackWaitingLines(actor: FeedbackWaitingActor): FeedbackWaitingLine[] {
  const line = (key: FeedbackWaitingKey, state: FeedbackState, publicationPending = false) => ({
    key,
    state,
    publicationPending,
  });
  return [
    ...(actor.canAnswer ? [line('assigned', 'assigned')] : []),
    ...(actor.canHandle
      ? [
          line('to_classify', 'received'),
          line('to_approve', 'answer_drafted'),
          line('to_send', 'answer_approved'),
          line('to_publish', 'answered', true),
        ]
      : []),
  ];
}
