/**
 * The handling of a difficulty (khó khăn, vướng mắc) a unit reports: the Office resolves it, or escalates it to the
 * Director, whose answer the Office then acts on and closes. Pure module: who may make which move, and what each
 * move needs.
 */
import {
  allowedMoves,
  decide,
  isStateOf,
  refusalMessage,
  type Graph,
  type MoveRefusal,
} from '#domain/state-machine';

export const DIFFICULTY_STATES = ['open', 'resolved', 'escalated', 'answered'] as const;
export type DifficultyState = (typeof DIFFICULTY_STATES)[number];

/** The Office (`manage`) handles difficulties; the Director (`escalations`) answers the escalated ones. */
export type DifficultyActor = 'office' | 'director';

export type DifficultyRequirement = 'resolution' | 'answer';

export interface DifficultyTransition {
  from: DifficultyState;
  to: DifficultyState;
  by: DifficultyActor;
  needs: readonly DifficultyRequirement[];
}

export const DIFFICULTY_TRANSITIONS: readonly DifficultyTransition[] = [
  { from: 'open', to: 'resolved', by: 'office', needs: ['resolution'] },
  // The Office may add a note for the Director; it is optional.
  { from: 'open', to: 'escalated', by: 'office', needs: [] },
  { from: 'escalated', to: 'answered', by: 'director', needs: ['answer'] },
  // The Office closes it with what was done on the Director's answer.
  { from: 'answered', to: 'resolved', by: 'office', needs: ['resolution'] },
];

/** Still waiting for someone: what a unit's page lists. */
export const PENDING_STATES: readonly DifficultyState[] = ['open', 'escalated', 'answered'];

export interface DifficultyTransitionInput {
  resolution?: string | null;
  answer?: string | null;
}

export type DifficultyProblem = MoveRefusal | { code: 'missing'; field: DifficultyRequirement };

export type DifficultyDecision =
  | { ok: true; transition: DifficultyTransition }
  | { ok: false; problem: DifficultyProblem };

export const DIFFICULTY_WORKFLOW: Graph<DifficultyTransition> = {
  states: DIFFICULTY_STATES,
  moves: DIFFICULTY_TRANSITIONS,
  messages: {
    notAllowed: {
      vi: 'Không thể chuyển khó khăn, vướng mắc từ trạng thái hiện tại sang trạng thái này.',
      en: 'The difficulty cannot move from its current state to this one.',
    },
    needs: {
      resolution: { vi: 'Vui lòng ghi rõ kết quả xử lý.', en: 'Please write how it was resolved.' },
      answer: { vi: 'Vui lòng nhập ý kiến chỉ đạo của Giám đốc.', en: "Please write the Director's answer." },
    },
  },
};

export const isDifficultyState = (value: unknown): value is DifficultyState =>
  isStateOf(DIFFICULTY_WORKFLOW, value);

export function decideDifficultyTransition(request: {
  from: DifficultyState;
  to: string;
  actors: DifficultyActor[];
  input: DifficultyTransitionInput;
}): DifficultyDecision {
  const decision = decide(DIFFICULTY_WORKFLOW, request.from, request.to, request.actors, request.input);
  if (decision.ok) return { ok: true, transition: decision.move };
  const { refusal } = decision;
  if (refusal.code === 'unmet') throw new Error('The difficulty workflow has no facts.');
  return { ok: false, problem: refusal };
}

/** The moves these actors may make from a state: the buttons to show. */
export function allowedDifficultyTransitions(
  from: DifficultyState,
  actors: DifficultyActor[]
): DifficultyTransition[] {
  return allowedMoves(DIFFICULTY_WORKFLOW, from, actors);
}

/** Who is told about a move: the Director of an escalation, the unit of an answer or a resolution. */
export function difficultyAudience(to: DifficultyState): 'director' | 'unit' | null {
  if (to === 'escalated') return 'director';
  if (to === 'answered' || to === 'resolved') return 'unit';
  return null;
}

export function difficultyProblemMessage(problem: DifficultyProblem): { vi: string; en: string } {
  return refusalMessage(DIFFICULTY_WORKFLOW, problem);
}
