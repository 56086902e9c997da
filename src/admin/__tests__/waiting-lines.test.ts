import { feedbackWaitingLines } from '#feedback-register/domain/waiting';
import { difficultyWaitingLines } from '#oversight/domain/waiting';
import { submissionWaitingLines } from '#unit-submissions/domain/waiting';
import en from '../translations/en.json';
import vi from '../translations/vi.json';
import { labelId, TARGETS, WAITING_PLUGINS, waitingLines, type WaitingPlugin } from '../waiting/lines';

const KEYS: Record<WaitingPlugin, string[]> = {
  'unit-submissions': submissionWaitingLines({ canSubmit: true, canReview: true }).map((l) => l.key),
  'feedback-register': feedbackWaitingLines({ canAnswer: true, canHandle: true }).map((l) => l.key),
  oversight: difficultyWaitingLines({ canManage: true, canEscalations: true }).map((l) => l.key),
};

describe('the "Waiting for me" widget lines', () => {
  it('link and label every key the routes answer, and no other, in Vietnamese and English', () => {
    for (const plugin of WAITING_PLUGINS) {
      expect(Object.keys(TARGETS[plugin]).sort()).toEqual([...KEYS[plugin]].sort());
      for (const key of KEYS[plugin]) {
        expect((vi as Record<string, string>)[labelId(plugin, key)]).toEqual(expect.any(String));
        expect((en as Record<string, string>)[labelId(plugin, key)]).toEqual(expect.any(String));
      }
    }
    for (const id of ['title', 'loading', 'empty', 'error', 'overdue', 'dueSoon']) {
      expect(Object.keys(vi)).toContain(`waiting.${id}`);
      expect(Object.keys(en)).toContain(`waiting.${id}`);
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("link each state to the list's own filter, the IT Center's review to this user", () => {
    const lines = waitingLines(
      [
        {
          plugin: 'unit-submissions',
          items: [
            { key: 'changes_requested', count: 2 },
            { key: 'in_review_mine', count: 1, overdue: 1, dueSoon: 0 },
          ],
        },
        { plugin: 'feedback-register', items: [{ key: 'assigned', count: 3, overdue: 1, dueSoon: 2 }] },
        { plugin: 'oversight', items: [{ key: 'escalated', count: 1 }] },
      ],
      7
    );
    expect(lines.map((l) => [l.id, l.to, l.overdueTo])).toEqual([
      ['unit-submissions.changes_requested', '/plugins/unit-submissions?state=changes_requested', null],
      ['unit-submissions.in_review_mine', '/plugins/unit-submissions?state=in_review&assignee=7', null],
      [
        'feedback-register.assigned',
        '/plugins/feedback-register?state=assigned',
        '/plugins/feedback-register?state=assigned&overdue=true',
      ],
      ['oversight.escalated', '/plugins/oversight/difficulties?state=escalated', null],
    ]);
  });

  it('leave out empty lines and keys this admin does not know', () => {
    expect(
      waitingLines(
        [
          {
            plugin: 'oversight',
            items: [
              { key: 'difficulties_open', count: 0 },
              { key: 'something_new', count: 4 },
            ],
          },
        ],
        1
      )
    ).toEqual([]);
  });
});
