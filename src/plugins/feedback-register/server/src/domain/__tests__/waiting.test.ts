import { feedbackWaitingLines } from '../waiting';
import { CLOSED_STATES, FEEDBACK_STATES, TRANSITIONS } from '../workflow';

describe('what waits for whom in the register', () => {
  const keys = (canAnswer: boolean, canHandle: boolean) =>
    feedbackWaitingLines({ canAnswer, canHandle }).map((l) => l.key);

  it("gives a unit's editors the feedback assigned to their units", () => {
    expect(feedbackWaitingLines({ canAnswer: true, canHandle: false })).toEqual([
      { key: 'assigned', state: 'assigned', publicationPending: false },
    ]);
  });

  it('gives the Office what to classify, approve, send and publish', () => {
    expect(keys(false, true)).toEqual(['to_classify', 'to_approve', 'to_send', 'to_publish']);
    const publish = feedbackWaitingLines({ canAnswer: false, canHandle: true }).find(
      (l) => l.key === 'to_publish'
    );
    expect(publish).toEqual({ key: 'to_publish', state: 'answered', publicationPending: true });
  });

  it('gives nothing to those who only read (the Director)', () => {
    expect(keys(false, false)).toEqual([]);
  });

  it("waits on each line for the actor who makes the line's next move", () => {
    for (const line of feedbackWaitingLines({ canAnswer: true, canHandle: true })) {
      expect(FEEDBACK_STATES).toContain(line.state);
      const by = TRANSITIONS.filter((t) => t.from === line.state).map((t) => t.by);
      expect(by).toContain(line.key === 'assigned' ? 'unit' : 'office');
    }
  });

  it('never counts a feedback that is closed, except an answer still to publish', () => {
    for (const line of feedbackWaitingLines({ canAnswer: true, canHandle: true })) {
      expect(!CLOSED_STATES.includes(line.state) || line.publicationPending).toBe(true);
    }
  });
});
