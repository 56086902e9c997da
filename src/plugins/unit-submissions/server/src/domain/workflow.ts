/**
 * The editorial workflow of a unit's submission (plan §III.1–2): units submit, the IT Center reviews and
 * publishes. Pure module: who may move a submission from which state to which, and what each move requires.
 */
import { allowedMoves, decide, refusalMessage, type Graph, type MoveRefusal } from '#domain/state-machine';
import { SUBMISSION_STATES, type SubmissionState } from '#domain/submission-states';

export { SUBMISSION_STATES, type SubmissionState };

/** Who acts: the submitting unit, the IT Center, or the system (an article was published). */
export type Actor = 'unit' | 'it_center' | 'system';

/** A move needs a written comment (changes requested) or reason (rejected), or an assignee at the IT Center. */
type Need = 'comment' | 'assignee';

export interface Transition {
  from: SubmissionState;
  to: SubmissionState;
  by: Actor;
  needs?: readonly Need[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: 'unit' },
  { from: 'submitted', to: 'in_review', by: 'it_center', needs: ['assignee'] },
  { from: 'in_review', to: 'changes_requested', by: 'it_center', needs: ['comment'] },
  // Resubmitted: back to the reviewer who asked for the changes (the assignee stays), not into the queue again.
  { from: 'changes_requested', to: 'in_review', by: 'unit' },
  { from: 'in_review', to: 'approved', by: 'it_center' },
  { from: 'approved', to: 'published', by: 'system' },
  { from: 'in_review', to: 'rejected', by: 'it_center', needs: ['comment'] },
  { from: 'draft', to: 'withdrawn', by: 'unit' },
  { from: 'submitted', to: 'withdrawn', by: 'unit' },
];

const NEED_MESSAGES: Record<Need, { vi: string; en: string }> = {
  comment: {
    vi: 'Vui lòng ghi rõ nội dung yêu cầu chỉnh sửa hoặc lý do từ chối.',
    en: 'Please write what must change, or why the submission is rejected.',
  },
  assignee: {
    vi: 'Vui lòng chọn người phụ trách biên tập tại Trung tâm Công nghệ thông tin.',
    en: 'Please choose the IT Center editor who will review it.',
  },
};

export const SUBMISSION_WORKFLOW: Graph<Transition> = {
  states: SUBMISSION_STATES,
  moves: TRANSITIONS,
  messages: {
    notAllowed: {
      vi: 'Không thể chuyển tin bài từ trạng thái hiện tại sang trạng thái này.',
      en: 'The submission cannot move from its current state to this one.',
    },
    needs: NEED_MESSAGES,
  },
};

/** A move that sends the submission to the IT Center, so a new review period starts: submit, or resubmit. */
export const isSending = (from: SubmissionState, to: SubmissionState) =>
  to === 'submitted' || (from === 'changes_requested' && to === 'in_review');

/** States in which the unit may still edit its submission. */
export const EDITABLE_BY_UNIT: readonly SubmissionState[] = ['draft', 'changes_requested'];

/** Why an edit is refused: not the submitting unit, or not in a state it may edit in. */
export const NOT_EDITABLE = {
  vi: 'Chỉ đơn vị gửi được sửa tin bài khi đang soạn hoặc được yêu cầu chỉnh sửa.',
  en: 'Only the submitting unit may edit, while the submission is a draft or sent back for changes.',
};

export interface TransitionRequest {
  from: SubmissionState;
  to: string;
  actors: Actor[];
  comment?: string | null;
  assigneeId?: number | null;
}

export type TransitionProblem =
  | MoveRefusal
  | { code: 'comment_required'; field: 'comment' }
  | { code: 'assignee_required'; field: 'assignee' };

export type TransitionDecision =
  | { ok: true; transition: Transition; actor: Actor }
  | { ok: false; problem: TransitionProblem };

export function decideTransition(request: TransitionRequest): TransitionDecision {
  const decision = decide(SUBMISSION_WORKFLOW, request.from, request.to, request.actors, {
    comment: request.comment,
    assignee: request.assigneeId,
  });
  if (decision.ok) return { ok: true, transition: decision.move, actor: decision.actor };
  const { refusal } = decision;
  if (refusal.code === 'missing') {
    return {
      ok: false,
      problem:
        refusal.field === 'comment'
          ? { code: 'comment_required', field: 'comment' }
          : { code: 'assignee_required', field: 'assignee' },
    };
  }
  if (refusal.code === 'unmet') throw new Error('The submission workflow has no facts.');
  return { ok: false, problem: refusal };
}

/** The moves these actors may make from a state: the buttons to show. */
export function allowedTransitions(from: SubmissionState, actors: Actor[]): Transition[] {
  return allowedMoves(SUBMISSION_WORKFLOW, from, actors);
}

const refusal = (code: MoveRefusal['code']) => refusalMessage(SUBMISSION_WORKFLOW, { code, field: 'to' });

export const PROBLEM_MESSAGES: Record<TransitionProblem['code'], { vi: string; en: string }> = {
  unknown_state: refusal('unknown_state'),
  not_allowed: refusal('not_allowed'),
  not_your_role: refusal('not_your_role'),
  comment_required: NEED_MESSAGES.comment,
  assignee_required: NEED_MESSAGES.assignee,
};
