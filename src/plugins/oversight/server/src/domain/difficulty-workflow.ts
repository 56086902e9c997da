/**
 * The handling of a difficulty (khó khăn, vướng mắc) a unit reports: the Office resolves it, or escalates it to the
 * Director, whose answer the Office then acts on and closes. Pure module: who may make which move, and what each
 * move needs.
 */
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

export type DifficultyProblem =
  | { code: 'unknown_state'; field: 'to' }
  | { code: 'not_allowed'; field: 'to' }
  | { code: 'not_your_role'; field: 'to' }
  | { code: 'missing'; field: DifficultyRequirement };

export type DifficultyDecision =
  | { ok: true; transition: DifficultyTransition }
  | { ok: false; problem: DifficultyProblem };

export const isDifficultyState = (value: unknown): value is DifficultyState =>
  (DIFFICULTY_STATES as readonly unknown[]).includes(value);

export function decideDifficultyTransition(request: {
  from: DifficultyState;
  to: string;
  actors: DifficultyActor[];
  input: DifficultyTransitionInput;
}): DifficultyDecision {
  if (!isDifficultyState(request.to)) return { ok: false, problem: { code: 'unknown_state', field: 'to' } };
  const candidates = DIFFICULTY_TRANSITIONS.filter((t) => t.from === request.from && t.to === request.to);
  if (candidates.length === 0) return { ok: false, problem: { code: 'not_allowed', field: 'to' } };
  const transition = candidates.find((t) => request.actors.includes(t.by));
  if (!transition) return { ok: false, problem: { code: 'not_your_role', field: 'to' } };
  for (const need of transition.needs) {
    if (!request.input[need]?.trim()) return { ok: false, problem: { code: 'missing', field: need } };
  }
  return { ok: true, transition };
}

/** The moves these actors may make from a state: the buttons to show. */
export function allowedDifficultyTransitions(
  from: DifficultyState,
  actors: DifficultyActor[]
): DifficultyTransition[] {
  return DIFFICULTY_TRANSITIONS.filter((t) => t.from === from && actors.includes(t.by));
}

/** Who is told about a move: the Director of an escalation, the unit of an answer or a resolution. */
export function difficultyAudience(to: DifficultyState): 'director' | 'unit' | null {
  if (to === 'escalated') return 'director';
  if (to === 'answered' || to === 'resolved') return 'unit';
  return null;
}

export function difficultyProblemMessage(problem: DifficultyProblem): { vi: string; en: string } {
  switch (problem.code) {
    case 'unknown_state':
      return { vi: 'Trạng thái không tồn tại.', en: 'Unknown state.' };
    case 'not_allowed':
      return {
        vi: 'Không thể chuyển khó khăn, vướng mắc từ trạng thái hiện tại sang trạng thái này.',
        en: 'The difficulty cannot move from its current state to this one.',
      };
    case 'not_your_role':
      return {
        vi: 'Vai trò của bạn không được thực hiện bước chuyển này.',
        en: 'Your role may not make this move.',
      };
    case 'missing':
      return problem.field === 'resolution'
        ? { vi: 'Vui lòng ghi rõ kết quả xử lý.', en: 'Please write how it was resolved.' }
        : { vi: 'Vui lòng nhập ý kiến chỉ đạo của Giám đốc.', en: "Please write the Director's answer." };
  }
}
