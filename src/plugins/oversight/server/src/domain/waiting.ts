/**
 * What waits for whom among the difficulties ("Waiting for me", issue 13). Pure module: the service counts each line
 * within the difficulties the user may see (services/difficulties.ts).
 */
import type { DifficultyState } from './difficulty-workflow';

export type DifficultyWaitingKey = 'difficulties_open' | 'difficulties_answered' | 'escalated';

export interface DifficultyWaitingLine {
  key: DifficultyWaitingKey;
  /** The difficulties list's `state` filter. */
  state: DifficultyState;
}

/** Who handles difficulties: the Office (`manage`), the Director (`escalations`). */
export interface DifficultyWaitingActor {
  canManage: boolean;
  canEscalations: boolean;
}

/**
 * The Office: the open difficulties (to resolve or escalate) and those the Director answered (to close). The
 * Director: the escalated ones, waiting for an answer.
 */
export function difficultyWaitingLines(actor: DifficultyWaitingActor): DifficultyWaitingLine[] {
  return [
    ...(actor.canManage
      ? [
          { key: 'difficulties_open' as const, state: 'open' as const },
          { key: 'difficulties_answered' as const, state: 'answered' as const },
        ]
      : []),
    ...(actor.canEscalations ? [{ key: 'escalated' as const, state: 'escalated' as const }] : []),
  ];
}
