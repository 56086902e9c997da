import fc from 'fast-check';
import { allowedMoves, decide, present, refusalMessage, type Graph, type Move } from '../state-machine';

type State = 'a' | 'b' | 'c';
type Role = 'clerk' | 'boss';
type Need = 'note' | 'owner' | 'consent';
type Correction = 'kind' | 'channel';
interface TestMove extends Move<State, Role, Need> {
  corrects?: readonly Correction[];
}

const message = (text: string) => ({ vi: `vi: ${text}`, en: text });

const graphOf = (moves: readonly TestMove[]): Graph<TestMove> => ({
  states: ['a', 'b', 'c'],
  moves,
  facts: ['consent'],
  corrections: ['kind', 'channel'],
  messages: {
    notAllowed: message('not allowed'),
    needs: { note: message('note'), owner: message('owner'), consent: message('consent') },
    notCorrectable: message('not correctable'),
  },
});

const GRAPH = graphOf([
  { from: 'a', to: 'b', by: 'clerk', needs: ['note'], corrects: ['kind'] },
  { from: 'b', to: 'c', by: 'boss', needs: ['owner', 'consent'] },
  { from: 'b', to: 'a', by: 'boss' },
  { from: 'b', to: 'a', by: 'clerk', needs: ['note'] },
]);

describe('the workflow engine', () => {
  it('makes a move in the graph, by its role, with what it needs', () => {
    expect(decide(GRAPH, 'a', 'b', ['clerk'], { note: 'vì sao' })).toEqual({
      ok: true,
      move: GRAPH.moves[0],
      actor: 'clerk',
    });
    expect(decide(GRAPH, 'b', 'c', ['boss'], { owner: 3 }, { consent: true })).toMatchObject({
      ok: true,
      actor: 'boss',
    });
  });

  it('refuses in order: unknown state, not in the graph, not the role, then what is missing', () => {
    expect(decide(GRAPH, 'a', 'z', ['clerk'])).toEqual({
      ok: false,
      refusal: { code: 'unknown_state', field: 'to' },
    });
    expect(decide(GRAPH, 'a', 'c', ['clerk', 'boss'])).toEqual({
      ok: false,
      refusal: { code: 'not_allowed', field: 'to' },
    });
    expect(decide(GRAPH, 'a', 'b', ['boss'], { note: 'x' })).toEqual({
      ok: false,
      refusal: { code: 'not_your_role', field: 'to' },
    });
    expect(decide(GRAPH, 'a', 'b', ['clerk'], { note: '  ' })).toEqual({
      ok: false,
      refusal: { code: 'missing', field: 'note' },
    });
    expect(decide(GRAPH, 'b', 'c', ['boss'], { owner: 0 }, { consent: true })).toEqual({
      ok: false,
      refusal: { code: 'missing', field: 'owner' },
    });
    expect(decide(GRAPH, 'b', 'c', ['boss'], { owner: 3 })).toEqual({
      ok: false,
      refusal: { code: 'unmet', field: 'to', fact: 'consent' },
    });
  });

  it('picks the move of the actor when two roles make the same move with different needs', () => {
    expect(decide(GRAPH, 'b', 'a', ['boss'])).toMatchObject({ ok: true, actor: 'boss' });
    expect(decide(GRAPH, 'b', 'a', ['clerk'])).toEqual({
      ok: false,
      refusal: { code: 'missing', field: 'note' },
    });
  });

  it('lets only the moves that may correct a field carry it', () => {
    expect(decide(GRAPH, 'a', 'b', ['clerk'], { note: 'x', kind: 'other' })).toMatchObject({ ok: true });
    expect(decide(GRAPH, 'a', 'b', ['clerk'], { note: 'x', channel: null })).toEqual({
      ok: false,
      refusal: { code: 'not_correctable', field: 'channel' },
    });
  });

  it('offers the moves of the actors whose facts hold, whatever the input', () => {
    expect(allowedMoves(GRAPH, 'b', ['boss']).map((m) => m.to)).toEqual(['a']);
    expect(allowedMoves(GRAPH, 'b', ['boss'], { consent: true }).map((m) => m.to)).toEqual(['c', 'a']);
    expect(allowedMoves(GRAPH, 'a', ['boss'])).toEqual([]);
    expect(allowedMoves(GRAPH, 'c', ['clerk', 'boss'], { consent: true })).toEqual([]);
  });

  it('counts text with more than blanks and positive integer ids as present', () => {
    expect([present('x'), present(' x '), present(1), present(42)]).toEqual([true, true, true, true]);
    expect([present(''), present('  '), present(0), present(-1), present(1.5), present(null)]).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('explains every refusal in both languages', () => {
    expect(refusalMessage(GRAPH, { code: 'unknown_state', field: 'to' }).en).toBe('Unknown state.');
    expect(refusalMessage(GRAPH, { code: 'not_your_role', field: 'to' }).vi).toBe(
      'Vai trò của bạn không được thực hiện bước chuyển này.'
    );
    expect(refusalMessage(GRAPH, { code: 'not_allowed', field: 'to' }).en).toBe('not allowed');
    expect(refusalMessage(GRAPH, { code: 'missing', field: 'owner' }).vi).toBe('vi: owner');
    expect(refusalMessage(GRAPH, { code: 'unmet', field: 'to', fact: 'consent' }).en).toBe('consent');
    expect(refusalMessage(GRAPH, { code: 'not_correctable', field: 'kind' }).en).toBe('not correctable');
  });
});

describe('the workflow engine on any graph', () => {
  const states = fc.constantFrom<State>('a', 'b', 'c');
  const roles = fc.subarray<Role>(['clerk', 'boss']);
  const move = fc.record<TestMove>({
    from: states,
    to: states,
    by: fc.constantFrom<Role>('clerk', 'boss'),
    needs: fc.subarray<Need>(['note', 'owner', 'consent']),
  });
  const graph = fc.array(move, { maxLength: 8 }).map(graphOf);
  const everything = { note: 'x', owner: 1 };

  it('decides yes, given everything, exactly for the moves it offers', () => {
    fc.assert(
      fc.property(graph, states, states, roles, fc.boolean(), (g, from, to, actors, consent) => {
        const offered = allowedMoves(g, from, actors, { consent }).some((m) => m.to === to);
        const decision = decide(g, from, to, actors, everything, { consent });
        // Two roles may make one move with different facts; offered means some move of the actors is open.
        if (decision.ok) expect(offered).toBe(true);
        if (offered && g.moves.filter((m) => m.from === from && m.to === to).length === 1) {
          expect(decision.ok).toBe(true);
        }
      })
    );
  });

  it('only ever makes a move of the graph, from this state, by one of the actors', () => {
    fc.assert(
      fc.property(graph, states, states, roles, (g, from, to, actors) => {
        const decision = decide(g, from, to, actors, everything, { consent: true });
        if (!decision.ok) return;
        expect(g.moves).toContain(decision.move);
        expect(decision.move).toMatchObject({ from, to });
        expect(actors).toContain(decision.actor);
      })
    );
  });

  it('never lets a missing need through', () => {
    fc.assert(
      fc.property(graph, states, states, roles, (g, from, to, actors) => {
        const decision = decide(g, from, to, actors, { note: ' ', owner: 0 }, { consent: false });
        if (decision.ok) expect(decision.move.needs).toEqual([]);
      })
    );
  });

  it('refuses a state outside the graph as unknown, and a pair with no move as not allowed', () => {
    fc.assert(
      fc.property(graph, states, fc.string(), roles, (g, from, to, actors) => {
        const decision = decide(g, from, to, actors, everything, { consent: true });
        if (!['a', 'b', 'c'].includes(to)) {
          expect(decision).toEqual({ ok: false, refusal: { code: 'unknown_state', field: 'to' } });
        } else if (!g.moves.some((m) => m.from === from && m.to === to)) {
          expect(decision).toEqual({ ok: false, refusal: { code: 'not_allowed', field: 'to' } });
        }
      })
    );
  });

  it('never takes a move away from an actor given one more role', () => {
    fc.assert(
      fc.property(graph, states, roles, (g, from, actors) => {
        const more = allowedMoves(g, from, [...actors, 'boss'], { consent: true });
        for (const m of allowedMoves(g, from, actors, { consent: true })) expect(more).toContain(m);
      })
    );
  });
});
