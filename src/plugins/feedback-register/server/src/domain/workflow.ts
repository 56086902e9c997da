/**
 * The handling of a citizen's feedback (PAKN) in the department's register (Decree 20/2008 Art. 9, 12, 14, 19):
 * the Office classifies, transfers or accepts it, assigns it to a unit, approves the unit's answer, sends it and
 * publishes it. Pure module: who may make which move, and what each move needs.
 */
import type { UnitDueDateProblem } from '#domain/feedback-deadlines';
import { FEEDBACK_STATES, type FeedbackState } from '#domain/feedback-states';
import { allowedMoves, decide, refusalMessage, type Graph, type MoveRefusal } from '#domain/state-machine';
import { displayDay } from '#domain/working-days';

export { FEEDBACK_STATES, type FeedbackState };

/** The Office handles the register; a unit drafts the answers of the feedback assigned to it. */
export type Actor = 'office' | 'unit';

/** What a move needs besides the actor. */
export type Requirement =
  | 'reason'
  | 'receivingAgency'
  | 'letterNumber'
  | 'unit'
  | 'answer'
  | 'comment'
  | 'consent';

/** What the Office may correct about the item as it classifies it (kind, procedure, channel). */
export const CORRECTIONS = ['kind', 'procedure', 'channel'] as const;
export type Correction = (typeof CORRECTIONS)[number];

export interface Transition {
  from: FeedbackState;
  to: FeedbackState;
  by: Actor;
  needs: readonly Requirement[];
  /** What the move may also correct; optional, written with it. */
  corrects?: readonly Correction[];
}

export const TRANSITIONS: readonly Transition[] = [
  // Art. 9: fails the requirements of Art. 7, with the reason.
  { from: 'received', to: 'not_accepted', by: 'office', needs: ['reason'] },
  // Outside the department's competence: to the competent agency, by official letter.
  { from: 'received', to: 'transferred', by: 'office', needs: ['receivingAgency', 'letterNumber'] },
  // Accepting is the moment to correct what intake got wrong: the kind, the procedure, the channel.
  { from: 'received', to: 'accepted', by: 'office', needs: [], corrects: CORRECTIONS },
  { from: 'accepted', to: 'assigned', by: 'office', needs: ['unit'] },
  { from: 'assigned', to: 'answer_drafted', by: 'unit', needs: ['answer'] },
  { from: 'answer_drafted', to: 'answer_approved', by: 'office', needs: [] },
  // Returned to the unit: the Office says what to change.
  { from: 'answer_drafted', to: 'assigned', by: 'office', needs: ['comment'] },
  { from: 'answer_approved', to: 'answered', by: 'office', needs: [] },
  // Art. 19: published only with the submitter's consent.
  { from: 'answered', to: 'published', by: 'office', needs: ['consent'] },
];

/** States after which nothing is handled any more (the answer may still be published). */
export const CLOSED_STATES: readonly FeedbackState[] = [
  'not_accepted',
  'transferred',
  'answered',
  'published',
];

/** States in which the assigned unit writes its answer. */
export const ANSWER_EDITABLE: readonly FeedbackState[] = ['assigned'];

/** Why a draft answer is refused: not the assigned unit, or not in a state the unit answers in. */
export const NOT_ANSWERABLE = {
  vi: 'Chỉ đơn vị được giao mới soạn trả lời, khi phản ánh đang ở đơn vị.',
  en: 'Only the assigned unit writes the answer, while the feedback is with the unit.',
};

export interface TransitionInput {
  reason?: string | null;
  receivingAgency?: string | null;
  letterNumber?: string | null;
  unit?: number | null;
  answer?: string | null;
  comment?: string | null;
  /** Corrections: absent (undefined) when not asked for; a procedure of null unlinks it. */
  kind?: string;
  channel?: string;
  procedure?: string | null;
}

export interface TransitionRequest {
  from: FeedbackState;
  to: string;
  actors: Actor[];
  input: TransitionInput;
  /** The submitter agreed to the publication of the answer. */
  consented: boolean;
}

export type TransitionProblem =
  | MoveRefusal
  | { code: 'missing'; field: Exclude<Requirement, 'consent'> }
  | { code: 'no_consent'; field: 'to' }
  | { code: 'not_correctable'; field: Correction };

export type TransitionDecision =
  | { ok: true; transition: Transition }
  | { ok: false; problem: TransitionProblem };

const MISSING: Record<Exclude<Requirement, 'consent'>, { vi: string; en: string }> = {
  reason: {
    vi: 'Vui lòng ghi rõ lý do không tiếp nhận.',
    en: 'Please give the reason the feedback is not accepted.',
  },
  receivingAgency: {
    vi: 'Vui lòng ghi cơ quan có thẩm quyền nhận chuyển phản ánh.',
    en: 'Please name the competent agency the feedback is transferred to.',
  },
  letterNumber: {
    vi: 'Vui lòng ghi số, ký hiệu văn bản chuyển.',
    en: 'Please give the number of the transfer letter.',
  },
  unit: { vi: 'Vui lòng chọn đơn vị xử lý.', en: 'Please choose the unit that handles it.' },
  answer: { vi: 'Vui lòng nhập nội dung dự thảo trả lời.', en: 'Please write the draft answer.' },
  comment: {
    vi: 'Vui lòng ghi rõ nội dung cần đơn vị chỉnh sửa.',
    en: 'Please write what the unit must change.',
  },
};

export const FEEDBACK_WORKFLOW: Graph<Transition> = {
  states: FEEDBACK_STATES,
  moves: TRANSITIONS,
  // Consent is the submitter's, given at intake: a fact of the feedback, not something the move writes.
  facts: ['consent'],
  corrections: CORRECTIONS,
  messages: {
    notAllowed: {
      vi: 'Không thể chuyển phản ánh từ trạng thái hiện tại sang trạng thái này.',
      en: 'The feedback cannot move from its current state to this one.',
    },
    needs: {
      ...MISSING,
      consent: {
        vi: 'Người phản ánh không đồng ý công khai nội dung trả lời.',
        en: 'The submitter did not agree to the publication of the answer.',
      },
    },
    notCorrectable: {
      vi: 'Chỉ sửa được loại, thủ tục hành chính và kênh tiếp nhận khi tiếp nhận xử lý.',
      en: 'The kind, procedure and channel can only be corrected when the feedback is accepted.',
    },
  },
};

export function decideTransition(request: TransitionRequest): TransitionDecision {
  const decision = decide(FEEDBACK_WORKFLOW, request.from, request.to, request.actors, request.input, {
    consent: request.consented,
  });
  if (decision.ok) return { ok: true, transition: decision.move };
  const { refusal } = decision;
  if (refusal.code === 'unmet') return { ok: false, problem: { code: 'no_consent', field: 'to' } };
  if (refusal.code === 'missing') {
    return {
      ok: false,
      problem: { code: 'missing', field: refusal.field as Exclude<Requirement, 'consent'> },
    };
  }
  return { ok: false, problem: refusal };
}

/** The moves these actors may make from a state: the buttons to show. */
export function allowedTransitions(from: FeedbackState, actors: Actor[], consented: boolean): Transition[] {
  return allowedMoves(FEEDBACK_WORKFLOW, from, actors, { consent: consented });
}

export function problemMessage(problem: TransitionProblem): { vi: string; en: string } {
  return refusalMessage(
    FEEDBACK_WORKFLOW,
    problem.code === 'no_consent' ? { code: 'unmet', field: 'to', fact: 'consent' } : problem
  );
}

/** Why the unit's due date of an assignment is refused; `dueDate` is the answer deadline. */
export function unitDueDateMessage(
  problem: UnitDueDateProblem,
  dueDate: string | null
): { vi: string; en: string } {
  const due = dueDate ? displayDay(dueDate) : '';
  switch (problem) {
    case 'past':
      return {
        vi: 'Hạn xử lý của đơn vị không được ở quá khứ.',
        en: "The unit's due date cannot be in the past.",
      };
    case 'late':
      return {
        vi: `Hạn xử lý của đơn vị không được sau hạn trả lời (${due}).`,
        en: `The unit's due date cannot be after the answer is due (${due}).`,
      };
    case 'required_when_late':
      return {
        vi: `Phản ánh đã quá hạn trả lời (${due}). Vui lòng đặt hạn xử lý cho đơn vị, từ hôm nay trở đi.`,
        en: `The answer is already overdue (due ${due}). Please set the unit's due date, today or later.`,
      };
  }
}
