import { submissionWaitingLines } from '../waiting';
import { SUBMISSION_STATES, TRANSITIONS } from '../workflow';

describe('what waits for whom among the submissions', () => {
  const keys = (canSubmit: boolean, canReview: boolean) =>
    submissionWaitingLines({ canSubmit, canReview }).map((l) => l.key);

  it('gives a unit editor the changes requested, and nothing to review', () => {
    expect(keys(true, false)).toEqual(['changes_requested']);
  });

  it('gives the IT Center the untaken submissions and those in review with this user', () => {
    const lines = submissionWaitingLines({ canSubmit: false, canReview: true });
    expect(lines).toEqual([
      { key: 'to_review', state: 'submitted', assignedToMe: false, dated: true },
      { key: 'in_review_mine', state: 'in_review', assignedToMe: true, dated: true },
    ]);
  });

  it('gives nothing to those who only read (the Office, the Director)', () => {
    expect(keys(false, false)).toEqual([]);
  });

  it('waits on each line for the actor who makes the next move', () => {
    const lines = submissionWaitingLines({ canSubmit: true, canReview: true });
    for (const line of lines) {
      expect(SUBMISSION_STATES).toContain(line.state);
      const by = new Set(TRANSITIONS.filter((t) => t.from === line.state).map((t) => t.by));
      expect([...by]).toContain(line.key === 'changes_requested' ? 'unit' : 'it_center');
    }
  });
});
