/**
 * The editorial workflow of a unit's submission (plan §III.1–2): units submit, the IT Center reviews and
 * publishes. Pure module: who may move a submission from which state to which, and what each move requires.
 */
import { SUBMISSION_STATES, type SubmissionState } from '../../../../../domain/submission-states';

export { SUBMISSION_STATES, type SubmissionState };

/** Who acts: the submitting unit, the IT Center, or the system (an article was published). */
export type Actor = 'unit' | 'it_center' | 'system';

interface Transition {
  from: SubmissionState;
  to: SubmissionState;
  by: Actor;
  /** The move needs a written comment (changes requested) or reason (rejected). */
  needsComment?: boolean;
  /** The move needs an assignee at the IT Center. */
  needsAssignee?: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: 'unit' },
  { from: 'submitted', to: 'in_review', by: 'it_center', needsAssignee: true },
  { from: 'in_review', to: 'changes_requested', by: 'it_center', needsComment: true },
  // Resubmitted: back to the reviewer who asked for the changes (the assignee stays), not into the queue again.
  { from: 'changes_requested', to: 'in_review', by: 'unit' },
  { from: 'in_review', to: 'approved', by: 'it_center' },
  { from: 'approved', to: 'published', by: 'system' },
  { from: 'in_review', to: 'rejected', by: 'it_center', needsComment: true },
  { from: 'draft', to: 'withdrawn', by: 'unit' },
  { from: 'submitted', to: 'withdrawn', by: 'unit' },
];

/** A move that sends the submission to the IT Center, so a new review period starts: submit, or resubmit. */
export const isSending = (from: SubmissionState, to: SubmissionState) =>
  to === 'submitted' || (from === 'changes_requested' && to === 'in_review');

/** States in which the unit may still edit its submission. */
export const EDITABLE_BY_UNIT: readonly SubmissionState[] = ['draft', 'changes_requested'];

export interface TransitionRequest {
  from: SubmissionState;
  to: string;
  actors: Actor[];
  comment?: string | null;
  assigneeId?: number | null;
}

export type TransitionProblem =
  | { code: 'unknown_state'; field: 'to' }
  | { code: 'not_allowed'; field: 'to' }
  | { code: 'not_your_role'; field: 'to' }
  | { code: 'comment_required'; field: 'comment' }
  | { code: 'assignee_required'; field: 'assignee' };

export type TransitionDecision =
  | { ok: true; transition: Transition; actor: Actor }
  | { ok: false; problem: TransitionProblem };

const isState = (value: string): value is SubmissionState =>
  (SUBMISSION_STATES as readonly string[]).includes(value);

export function decideTransition(request: TransitionRequest): TransitionDecision {
  if (!isState(request.to)) return { ok: false, problem: { code: 'unknown_state', field: 'to' } };
  const candidates = TRANSITIONS.filter((t) => t.from === request.from && t.to === request.to);
  if (candidates.length === 0) return { ok: false, problem: { code: 'not_allowed', field: 'to' } };
  const transition = candidates.find((t) => request.actors.includes(t.by));
  if (!transition) return { ok: false, problem: { code: 'not_your_role', field: 'to' } };
  if (transition.needsComment && !request.comment?.trim()) {
    return { ok: false, problem: { code: 'comment_required', field: 'comment' } };
  }
  if (transition.needsAssignee && !request.assigneeId) {
    return { ok: false, problem: { code: 'assignee_required', field: 'assignee' } };
  }
  return { ok: true, transition, actor: transition.by };
}

/** The moves these actors may make from a state: the buttons to show. */
export function allowedTransitions(from: SubmissionState, actors: Actor[]): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && actors.includes(t.by));
}

export const PROBLEM_MESSAGES: Record<TransitionProblem['code'], { vi: string; en: string }> = {
  unknown_state: { vi: 'Trạng thái không tồn tại.', en: 'Unknown state.' },
  not_allowed: {
    vi: 'Không thể chuyển tin bài từ trạng thái hiện tại sang trạng thái này.',
    en: 'The submission cannot move from its current state to this one.',
  },
  not_your_role: {
    vi: 'Vai trò của bạn không được thực hiện bước chuyển này.',
    en: 'Your role may not make this move.',
  },
  comment_required: {
    vi: 'Vui lòng ghi rõ nội dung yêu cầu chỉnh sửa hoặc lý do từ chối.',
    en: 'Please write what must change, or why the submission is rejected.',
  },
  assignee_required: {
    vi: 'Vui lòng chọn người phụ trách biên tập tại Trung tâm Công nghệ thông tin.',
    en: 'Please choose the IT Center editor who will review it.',
  },
};
