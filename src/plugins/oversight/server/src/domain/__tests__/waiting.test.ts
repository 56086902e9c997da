import { DIFFICULTY_TRANSITIONS, PENDING_STATES } from '../difficulty-workflow';
import { difficultyWaitingLines } from '../waiting';

describe('what waits for whom among the difficulties', () => {
  const keys = (canManage: boolean, canEscalations: boolean) =>
    difficultyWaitingLines({ canManage, canEscalations }).map((l) => l.key);

  it('gives the Office the open difficulties and those the Director answered', () => {
    expect(keys(true, false)).toEqual(['difficulties_open', 'difficulties_answered']);
  });

  it('gives the Director the escalated difficulties', () => {
    expect(difficultyWaitingLines({ canManage: false, canEscalations: true })).toEqual([
      { key: 'escalated', state: 'escalated' },
    ]);
  });

  it('gives nothing to units and to the IT Center', () => {
    expect(keys(false, false)).toEqual([]);
  });

  it("covers every pending state once, each for the actor who makes the state's next move", () => {
    const lines = difficultyWaitingLines({ canManage: true, canEscalations: true });
    expect(lines.map((l) => l.state).sort()).toEqual([...PENDING_STATES].sort());
    for (const line of lines) {
      const by = DIFFICULTY_TRANSITIONS.filter((t) => t.from === line.state).map((t) => t.by);
      expect(new Set(by)).toEqual(new Set([line.key === 'escalated' ? 'director' : 'office']));
    }
  });
});
