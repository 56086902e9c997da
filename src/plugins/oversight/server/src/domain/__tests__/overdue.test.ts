import { WorkingCalendar } from '#domain/working-days';
import { overdueItems, type FeedbackFact, type TaskFact } from '../overdue';

// Monday 2026-01-12; Friday 2026-01-09 was a holiday.
const TODAY = '2026-01-12';
const calendar = new WorkingCalendar([{ date: '2026-01-09', kind: 'holiday' }]);
const id = (c: string) => c.repeat(24);

const task = (c: string, dueDate: string | null): TaskFact => ({
  documentId: id(c),
  code: `NV-${c}`,
  title: `Nhiệm vụ ${c}`,
  dueDate,
});
const feedback = (c: string, fields: Partial<FeedbackFact>): FeedbackFact => ({
  documentId: id(c),
  title: `Phản ánh ${c}`,
  state: 'assigned',
  dueDate: null,
  unitDueDate: null,
  ...fields,
});

/** The overdue items today, on the calendar above, among these facts (a kind not given has none). */
const overdueOn = (facts: Partial<Parameters<typeof overdueItems>[0]>) =>
  overdueItems({ tasks: [], latestReports: new Map(), feedback: [], today: TODAY, calendar, ...facts });

describe('overdueItems', () => {
  it('lists tasks past due not reported done, late by calendar days', () => {
    const items = overdueOn({
      tasks: [
        task('a', '2026-01-02'),
        task('b', '2026-01-11'),
        task('c', TODAY),
        task('d', null),
        task('e', '2026-01-05'),
      ],
      latestReports: new Map([
        [id('e'), { status: 'done' as const }],
        [id('b'), { status: 'in_progress' as const }],
      ]),
    });
    expect(items.map((i) => [i.code, i.dueDate, i.lateDays, i.lateDaysKind])).toEqual([
      ['NV-a', '2026-01-02', 10, 'calendar'],
      ['NV-b', '2026-01-11', 1, 'calendar'],
    ]);
  });

  it('lists feedback the unit still owes past its own due date, late by working days', () => {
    const items = overdueOn({
      feedback: [
        // Due Thursday: Friday was a holiday and the weekend does not count, so one working day late (Monday).
        feedback('a', { unitDueDate: '2026-01-08', dueDate: '2026-01-20' }),
        // No unit due date: the answer deadline counts.
        feedback('b', { dueDate: '2026-01-07' }),
        // The unit's own date is today: not overdue yet, although the answer deadline has passed.
        feedback('c', { unitDueDate: TODAY, dueDate: '2026-01-05' }),
        // A drafted answer waits for the Office, not the unit.
        feedback('d', { state: 'answer_drafted', unitDueDate: '2026-01-02' }),
        feedback('e', { state: 'answered', unitDueDate: '2026-01-02' }),
      ],
    });
    expect(items.map((i) => [i.title, i.dueDate, i.lateDays, i.lateDaysKind])).toEqual([
      ['Phản ánh b', '2026-01-07', 2, 'working'],
      ['Phản ánh a', '2026-01-08', 1, 'working'],
    ]);
  });

  it('puts the soonest due first, tasks before feedback on the same day', () => {
    const items = overdueOn({
      tasks: [task('a', '2026-01-08')],
      feedback: [feedback('f', { unitDueDate: '2026-01-08' }), feedback('g', { unitDueDate: '2026-01-05' })],
    });
    expect(items.map((i) => `${i.type}:${i.dueDate}`)).toEqual([
      'feedback:2026-01-05',
      'task:2026-01-08',
      'feedback:2026-01-08',
    ]);
  });
});
