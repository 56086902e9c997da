import {
  allowedTransitions,
  decideTransition,
  isSending,
  SUBMISSION_STATES,
  TRANSITIONS,
  type Actor,
} from '../workflow';

const ALL_ACTORS: Actor[] = ['unit', 'it_center', 'system'];
const refused = (problem: { code: string; field?: string }) => ({ ok: false, problem });

describe('submission workflow', () => {
  it.each([
    ['draft', 'submitted', 'unit'],
    ['submitted', 'in_review', 'it_center'],
    ['in_review', 'changes_requested', 'it_center'],
    ['changes_requested', 'in_review', 'unit'],
    ['in_review', 'approved', 'it_center'],
    ['approved', 'published', 'system'],
    ['in_review', 'rejected', 'it_center'],
    ['draft', 'withdrawn', 'unit'],
    ['submitted', 'withdrawn', 'unit'],
  ] as const)('lets the %s → %s move be made by the %s', (from, to, actor) => {
    const decision = decideTransition({ from, to, actors: [actor], comment: 'vì lý do', assigneeId: 7 });
    expect(decision).toMatchObject({ ok: true, actor });
  });

  it('refuses every other move, whoever asks', () => {
    const allowed = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    for (const from of SUBMISSION_STATES) {
      for (const to of SUBMISSION_STATES) {
        if (allowed.has(`${from}>${to}`)) continue;
        const decision = decideTransition({ from, to, actors: ALL_ACTORS, comment: 'x', assigneeId: 1 });
        expect(decision).toEqual({ ok: false, problem: { code: 'not_allowed', field: 'to' } });
      }
    }
  });

  it('refuses a move to the wrong role', () => {
    expect(decideTransition({ from: 'draft', to: 'submitted', actors: ['it_center'] })).toMatchObject(
      refused({ code: 'not_your_role' })
    );
    expect(decideTransition({ from: 'in_review', to: 'approved', actors: ['unit'] })).toMatchObject(
      refused({ code: 'not_your_role' })
    );
    expect(
      decideTransition({ from: 'approved', to: 'published', actors: ['it_center', 'unit'] })
    ).toMatchObject(refused({ code: 'not_your_role' }));
  });

  it('needs a comment to request changes or reject, and an assignee to take a review', () => {
    for (const to of ['changes_requested', 'rejected']) {
      expect(decideTransition({ from: 'in_review', to, actors: ['it_center'], comment: '  ' })).toMatchObject(
        refused({ code: 'comment_required', field: 'comment' })
      );
    }
    expect(decideTransition({ from: 'submitted', to: 'in_review', actors: ['it_center'] })).toMatchObject(
      refused({ code: 'assignee_required', field: 'assignee' })
    );
  });

  it('sends a resubmission back to the reviewer: in review, with no assignee to choose', () => {
    expect(allowedTransitions('changes_requested', ['unit'])).toEqual([
      { from: 'changes_requested', to: 'in_review', by: 'unit' },
    ]);
    expect(decideTransition({ from: 'changes_requested', to: 'in_review', actors: ['unit'] })).toMatchObject({
      ok: true,
    });
    expect(
      decideTransition({ from: 'changes_requested', to: 'in_review', actors: ['it_center'], assigneeId: 1 })
    ).toMatchObject(refused({ code: 'not_your_role' }));
    expect(decideTransition({ from: 'changes_requested', to: 'submitted', actors: ['unit'] })).toMatchObject(
      refused({ code: 'not_allowed' })
    );
    expect(decideTransition({ from: 'submitted', to: 'in_review', actors: ['unit'] })).toMatchObject(
      refused({ code: 'not_your_role' })
    );
  });

  it('starts a review period on a submission and on a resubmission only', () => {
    expect(isSending('draft', 'submitted')).toBe(true);
    expect(isSending('changes_requested', 'in_review')).toBe(true);
    expect(isSending('submitted', 'in_review')).toBe(false);
    expect(isSending('in_review', 'approved')).toBe(false);
  });

  it('refuses an unknown state', () => {
    expect(decideTransition({ from: 'draft', to: 'archived', actors: ['unit'] })).toMatchObject(
      refused({ code: 'unknown_state' })
    );
  });

  it('lists the buttons an actor may see', () => {
    expect(allowedTransitions('in_review', ['it_center']).map((t) => t.to)).toEqual([
      'changes_requested',
      'approved',
      'rejected',
    ]);
    expect(allowedTransitions('in_review', ['unit'])).toEqual([]);
    expect(allowedTransitions('draft', ['unit']).map((t) => t.to)).toEqual(['submitted', 'withdrawn']);
  });
});
