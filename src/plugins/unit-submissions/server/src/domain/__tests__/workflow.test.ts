import {
  allowedTransitions,
  decideTransition,
  isSending,
  SUBMISSION_STATES,
  TRANSITIONS,
  type Actor,
  type TransitionProblem,
  type TransitionRequest,
} from '../workflow';

const ALL_ACTORS: Actor[] = ['unit', 'it_center', 'system'];
const WRONG_ROLE = { code: 'not_your_role' } as const;

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

  it.each<[string, TransitionRequest, Partial<TransitionProblem>]>([
    ['a submission by the IT Center', { from: 'draft', to: 'submitted', actors: ['it_center'] }, WRONG_ROLE],
    ['an approval by the unit', { from: 'in_review', to: 'approved', actors: ['unit'] }, WRONG_ROLE],
    [
      'a publication by anyone but the system',
      { from: 'approved', to: 'published', actors: ['it_center', 'unit'] },
      WRONG_ROLE,
    ],
    [
      'a change request without a comment',
      { from: 'in_review', to: 'changes_requested', actors: ['it_center'], comment: '  ' },
      { code: 'comment_required', field: 'comment' },
    ],
    [
      'a rejection without a reason',
      { from: 'in_review', to: 'rejected', actors: ['it_center'], comment: '  ' },
      { code: 'comment_required', field: 'comment' },
    ],
    [
      'taking a review without an assignee',
      { from: 'submitted', to: 'in_review', actors: ['it_center'] },
      { code: 'assignee_required', field: 'assignee' },
    ],
    [
      'a resubmission by the IT Center',
      { from: 'changes_requested', to: 'in_review', actors: ['it_center'], assigneeId: 1 },
      WRONG_ROLE,
    ],
    [
      'a resubmission as a new submission',
      { from: 'changes_requested', to: 'submitted', actors: ['unit'] },
      { code: 'not_allowed' },
    ],
    ['taking a review by the unit', { from: 'submitted', to: 'in_review', actors: ['unit'] }, WRONG_ROLE],
    ['an unknown state', { from: 'draft', to: 'archived', actors: ['unit'] }, { code: 'unknown_state' }],
  ])('refuses %s', (_, request, problem) => {
    expect(decideTransition(request)).toMatchObject({ ok: false, problem });
  });

  it('sends a resubmission back to the reviewer: in review, with no assignee to choose', () => {
    expect(allowedTransitions('changes_requested', ['unit'])).toEqual([
      { from: 'changes_requested', to: 'in_review', by: 'unit' },
    ]);
    expect(decideTransition({ from: 'changes_requested', to: 'in_review', actors: ['unit'] })).toMatchObject({
      ok: true,
    });
  });

  it('starts a review period on a submission and on a resubmission only', () => {
    expect(isSending('draft', 'submitted')).toBe(true);
    expect(isSending('changes_requested', 'in_review')).toBe(true);
    expect(isSending('submitted', 'in_review')).toBe(false);
    expect(isSending('in_review', 'approved')).toBe(false);
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
