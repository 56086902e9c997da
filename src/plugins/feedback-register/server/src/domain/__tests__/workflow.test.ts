import {
  allowedTransitions,
  decideTransition,
  FEEDBACK_STATES,
  problemMessage,
  TRANSITIONS,
} from '../workflow';

const decide = (from: string, to: string, actors: ('office' | 'unit')[], input = {}, consented = true) =>
  decideTransition({ from: from as never, to, actors, input, consented });

describe('the feedback workflow', () => {
  it.each([
    ['received', 'not_accepted', 'office', { reason: 'Nặc danh' }],
    ['received', 'transferred', 'office', { receivingAgency: 'Sở Tư pháp', letterNumber: '1/VP' }],
    ['received', 'accepted', 'office', {}],
    ['accepted', 'assigned', 'office', { unit: 3 }],
    ['assigned', 'answer_drafted', 'unit', { answer: 'Trả lời' }],
    ['answer_drafted', 'answer_approved', 'office', {}],
    ['answer_drafted', 'assigned', 'office', { comment: 'Bổ sung' }],
    ['answer_approved', 'answered', 'office', {}],
    ['answered', 'published', 'office', {}],
  ] as const)('allows %s → %s by the %s', (from, to, actor, input) => {
    expect(decide(from, to, [actor], input)).toMatchObject({ ok: true, transition: { from, to, by: actor } });
  });

  it('refuses every move that is not in the graph', () => {
    const allowed = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    for (const from of FEEDBACK_STATES) {
      for (const to of FEEDBACK_STATES) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(decide(from, to, ['office', 'unit'])).toEqual({
          ok: false,
          problem: { code: 'not_allowed', field: 'to' },
        });
      }
    }
  });

  it('refuses an unknown state, and the wrong role', () => {
    expect(decide('received', 'archived', ['office'])).toMatchObject({ problem: { code: 'unknown_state' } });
    expect(decide('received', 'accepted', ['unit'])).toMatchObject({ problem: { code: 'not_your_role' } });
    expect(decide('assigned', 'answer_drafted', ['office'], { answer: 'x' })).toMatchObject({
      problem: { code: 'not_your_role' },
    });
  });

  it('needs what each move needs, blank text counting as missing', () => {
    expect(decide('received', 'not_accepted', ['office'], { reason: '  ' })).toMatchObject({
      problem: { code: 'missing', field: 'reason' },
    });
    expect(decide('received', 'transferred', ['office'], { receivingAgency: 'Sở Tư pháp' })).toMatchObject({
      problem: { field: 'letterNumber' },
    });
    expect(decide('accepted', 'assigned', ['office'], { unit: 0 })).toMatchObject({
      problem: { field: 'unit' },
    });
    expect(decide('answer_drafted', 'assigned', ['office'])).toMatchObject({ problem: { field: 'comment' } });
    expect(decide('assigned', 'answer_drafted', ['unit'])).toMatchObject({ problem: { field: 'answer' } });
  });

  it('publishes only with consent, and does not offer it without', () => {
    expect(decide('answered', 'published', ['office'], {}, false)).toMatchObject({
      problem: { code: 'no_consent' },
    });
    expect(allowedTransitions('answered', ['office'], false)).toEqual([]);
    expect(allowedTransitions('answered', ['office'], true).map((t) => t.to)).toEqual(['published']);
  });

  it('offers each role its own buttons', () => {
    expect(allowedTransitions('received', ['office'], true).map((t) => t.to)).toEqual([
      'not_accepted',
      'transferred',
      'accepted',
    ]);
    expect(allowedTransitions('received', ['unit'], true)).toEqual([]);
    expect(allowedTransitions('answer_drafted', ['office'], true).map((t) => t.to)).toEqual([
      'answer_approved',
      'assigned',
    ]);
  });

  it('lets only the classification correct the kind, procedure and channel', () => {
    expect(
      decide('received', 'accepted', ['office'], { kind: 'other_issue', procedure: null })
    ).toMatchObject({
      ok: true,
    });
    expect(decide('accepted', 'assigned', ['office'], { unit: 3, channel: 'email' })).toEqual({
      ok: false,
      problem: { code: 'not_correctable', field: 'channel' },
    });
    expect(decide('received', 'not_accepted', ['office'], { reason: 'Nặc danh', procedure: null })).toEqual({
      ok: false,
      problem: { code: 'not_correctable', field: 'procedure' },
    });
  });

  it('explains every problem in both languages', () => {
    for (const field of ['reason', 'receivingAgency', 'letterNumber', 'unit', 'answer', 'comment'] as const) {
      const message = problemMessage({ code: 'missing', field });
      expect(message.vi).toBeTruthy();
      expect(message.en).toBeTruthy();
    }
  });
});
