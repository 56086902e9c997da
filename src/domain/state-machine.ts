/**
 * The one workflow engine. A workflow is a graph declared as data: its states, and its moves, each from a state to
 * a state, made by one role, needing some fields (a comment, a reason) or facts of the record (the submitter's
 * consent), and perhaps carrying corrections. `decide` says whether a move may be made and, if not, why;
 * `allowedMoves` lists the buttons to show. The submission, feedback and difficulty workflows declare their graphs
 * on it (plugins' domain/workflow.ts, difficulty-workflow.ts). Pure: no Strapi.
 */

export interface Message {
  vi: string;
  en: string;
}

export interface Move<S extends string = string, A extends string = string, N extends string = string> {
  from: S;
  to: S;
  /** The role that makes the move. */
  by: A;
  /** What the move needs, checked in order: input fields, or the graph's `facts`. */
  needs?: readonly N[];
  /** The corrections the move may carry besides (graph's `corrections`); any other one is refused. */
  corrects?: readonly string[];
}

type StateOf<M extends Move> = M['from'];
type ActorOf<M extends Move> = M['by'];
export type NeedOf<M extends Move> = NonNullable<M['needs']>[number];
type CorrectionOf<M extends Move> = 'corrects' extends keyof M ? NonNullable<M['corrects']>[number] : never;

export interface Graph<M extends Move> {
  states: readonly StateOf<M>[];
  moves: readonly M[];
  /** Needs met by the record rather than the input; a move whose fact fails is not offered either. */
  facts?: readonly NeedOf<M>[];
  /** Optional fields only some moves may carry (`Move.corrects`); present in the input, they are checked. */
  corrections?: readonly CorrectionOf<M>[];
  messages: {
    /** "The <subject> cannot move from its current state to this one." */
    notAllowed: Message;
    /** Why each need is refused when absent. */
    needs: Record<NeedOf<M>, Message>;
    notCorrectable?: Message;
  };
}

/** The refusals of any graph, whatever its needs: no such state, no such move, not this role's move. */
export type MoveRefusal =
  | { code: 'unknown_state'; field: 'to' }
  | { code: 'not_allowed'; field: 'to' }
  | { code: 'not_your_role'; field: 'to' };

/** Why a move is refused; `field` is where the form shows it. */
export type Refusal<M extends Move> =
  | MoveRefusal
  | ([CorrectionOf<M>] extends [never] ? never : { code: 'not_correctable'; field: CorrectionOf<M> })
  | { code: 'unmet'; field: 'to'; fact: NeedOf<M> }
  | { code: 'missing'; field: NeedOf<M> };

export type Decision<M extends Move> =
  | { ok: true; move: M; actor: ActorOf<M> }
  | { ok: false; refusal: Refusal<M> };

/** The fields a move may read: its needs and the graph's corrections. */
export type MoveInput<M extends Move> = Partial<Record<NeedOf<M> | CorrectionOf<M>, unknown>>;
export type Facts<M extends Move> = Partial<Record<NeedOf<M>, boolean>>;

/** A text with something besides blanks, or an id (a positive integer). */
export const present = (value: unknown) =>
  typeof value === 'number'
    ? Number.isInteger(value) && value > 0
    : typeof value === 'string' && value.trim() !== '';

export const isStateOf = <M extends Move>(graph: Graph<M>, value: unknown): value is StateOf<M> =>
  (graph.states as readonly unknown[]).includes(value);

const isFact = <M extends Move>(graph: Graph<M>, need: NeedOf<M>) => graph.facts?.includes(need) ?? false;

export function decide<M extends Move>(
  graph: Graph<M>,
  from: StateOf<M>,
  to: string,
  actors: readonly ActorOf<M>[],
  input: MoveInput<M> = {},
  facts: Facts<M> = {}
): Decision<M> {
  if (!isStateOf(graph, to)) return { ok: false, refusal: { code: 'unknown_state', field: 'to' } };
  const candidates = graph.moves.filter((m) => m.from === from && m.to === to);
  if (candidates.length === 0) return { ok: false, refusal: { code: 'not_allowed', field: 'to' } };
  const move = candidates.find((m) => actors.includes(m.by));
  if (!move) return { ok: false, refusal: { code: 'not_your_role', field: 'to' } };
  const given = input as Record<string, unknown>;
  const refused = graph.corrections?.find(
    (key) => given[key] !== undefined && !(move.corrects ?? []).includes(key)
  );
  if (refused !== undefined) {
    return { ok: false, refusal: { code: 'not_correctable', field: refused } as Refusal<M> };
  }
  for (const need of (move.needs ?? []) as readonly NeedOf<M>[]) {
    if (isFact(graph, need)) {
      if (!facts[need]) return { ok: false, refusal: { code: 'unmet', field: 'to', fact: need } };
    } else if (!present(given[need])) {
      return { ok: false, refusal: { code: 'missing', field: need } };
    }
  }
  return { ok: true, move, actor: move.by };
}

/** The moves these actors may make from a state, the record's facts allowing: the buttons to show. */
export function allowedMoves<M extends Move>(
  graph: Graph<M>,
  from: StateOf<M>,
  actors: readonly ActorOf<M>[],
  facts: Facts<M> = {}
): M[] {
  return graph.moves.filter(
    (m) =>
      m.from === from &&
      actors.includes(m.by) &&
      ((m.needs ?? []) as readonly NeedOf<M>[]).every((need) => !isFact(graph, need) || facts[need])
  );
}

const UNKNOWN_STATE: Message = { vi: 'Trạng thái không tồn tại.', en: 'Unknown state.' };
const NOT_YOUR_ROLE: Message = {
  vi: 'Vai trò của bạn không được thực hiện bước chuyển này.',
  en: 'Your role may not make this move.',
};
const NOT_CORRECTABLE: Message = {
  vi: 'Không được sửa thông tin này ở bước chuyển này.',
  en: 'This move cannot correct that.',
};

/** Why a move was refused, in both languages. */
export function refusalMessage<M extends Move>(graph: Graph<M>, refusal: Refusal<M>): Message {
  switch (refusal.code) {
    case 'unknown_state':
      return UNKNOWN_STATE;
    case 'not_allowed':
      return graph.messages.notAllowed;
    case 'not_your_role':
      return NOT_YOUR_ROLE;
    case 'not_correctable':
      return graph.messages.notCorrectable ?? NOT_CORRECTABLE;
    case 'unmet':
      return graph.messages.needs[refusal.fact];
    case 'missing':
      return graph.messages.needs[refusal.field];
  }
}
