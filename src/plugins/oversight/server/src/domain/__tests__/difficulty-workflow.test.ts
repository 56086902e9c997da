import {
  allowedDifficultyTransitions,
  decideDifficultyTransition,
  DIFFICULTY_STATES,
  difficultyAudience,
} from '../difficulty-workflow';

describe('the difficulty workflow', () => {
  const decide = (from: never, to: string, actors: ('office' | 'director')[], input = {}) =>
    decideDifficultyTransition({ from, to, actors, input });

  it('allows exactly the four moves, each to its role, with what it needs', () => {
    expect(decide('open' as never, 'resolved', ['office'], { resolution: 'Đã xử lý.' })).toMatchObject({
      ok: true,
    });
    expect(decide('open' as never, 'escalated', ['office'])).toMatchObject({ ok: true });
    expect(decide('escalated' as never, 'answered', ['director'], { answer: 'Đồng ý.' })).toMatchObject({
      ok: true,
    });
    expect(decide('answered' as never, 'resolved', ['office'], { resolution: 'Xong.' })).toMatchObject({
      ok: true,
    });
    let allowed = 0;
    for (const from of DIFFICULTY_STATES) {
      for (const to of DIFFICULTY_STATES) {
        const ok = decide(from as never, to, ['office', 'director'], { resolution: 'x', answer: 'x' }).ok;
        if (ok) allowed += 1;
      }
    }
    expect(allowed).toBe(4);
  });

  it('says why a move is refused', () => {
    expect(decide('open' as never, 'closed', ['office'])).toEqual({
      ok: false,
      problem: { code: 'unknown_state', field: 'to' },
    });
    expect(decide('resolved' as never, 'open', ['office'])).toEqual({
      ok: false,
      problem: { code: 'not_allowed', field: 'to' },
    });
    expect(decide('open' as never, 'escalated', ['director'])).toEqual({
      ok: false,
      problem: { code: 'not_your_role', field: 'to' },
    });
    expect(decide('escalated' as never, 'answered', ['office'], { answer: 'x' })).toMatchObject({
      problem: { code: 'not_your_role' },
    });
    expect(decide('open' as never, 'resolved', ['office'], { resolution: '  ' })).toEqual({
      ok: false,
      problem: { code: 'missing', field: 'resolution' },
    });
    expect(decide('escalated' as never, 'answered', ['director'])).toEqual({
      ok: false,
      problem: { code: 'missing', field: 'answer' },
    });
  });

  it('offers each role its buttons and names who is told', () => {
    expect(allowedDifficultyTransitions('open', ['office']).map((t) => t.to)).toEqual([
      'resolved',
      'escalated',
    ]);
    expect(allowedDifficultyTransitions('open', ['director'])).toEqual([]);
    expect(allowedDifficultyTransitions('escalated', ['director']).map((t) => t.to)).toEqual(['answered']);
    expect(allowedDifficultyTransitions('resolved', ['office', 'director'])).toEqual([]);
    expect(difficultyAudience('escalated')).toBe('director');
    expect(difficultyAudience('answered')).toBe('unit');
    expect(difficultyAudience('resolved')).toBe('unit');
  });
});
