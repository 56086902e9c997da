import {
  answerIsLate,
  checkUnitDueDate,
  unitDueDateOf,
  closedOnTime,
  currentDueDate,
  daysLeft,
  deadlinesOnReceipt,
  publicationDueDate,
} from '../feedback-deadlines';
import { WorkingCalendar } from '../working-days';

// 2021-09-02 (Thu) and 2021-09-03 (Fri) were the National Day holidays.
const calendar = new WorkingCalendar([
  { date: '2021-09-02', kind: 'holiday' },
  { date: '2021-09-03', kind: 'holiday' },
]);
const settings = { classificationDays: 3, transferDays: 5, handlingDays: 15, publicationDays: 5 };

describe('feedback deadlines', () => {
  it('count working days from the day of receipt, skipping weekends and holidays', () => {
    // Received Wed 2021-09-01: Thu, Fri holidays; Sat, Sun weekend → Mon 6 is day 1.
    expect(deadlinesOnReceipt('2021-09-01', settings, calendar)).toEqual({
      classificationDueDate: '2021-09-08',
      transferDueDate: '2021-09-10',
      dueDate: '2021-09-24',
    });
    expect(publicationDueDate('2021-09-24', settings, calendar)).toBe('2021-10-01');
  });

  const dated = {
    classificationDueDate: '2021-09-08',
    transferDueDate: '2021-09-10',
    dueDate: '2021-09-24',
    unitDueDate: '2021-09-20',
    publicationDueDate: '2021-10-01',
    publishAnswer: true,
  };

  it('follow the step the feedback waits for', () => {
    expect(currentDueDate({ ...dated, state: 'received' })).toBe('2021-09-08');
    expect(currentDueDate({ ...dated, state: 'accepted' })).toBe('2021-09-24');
    expect(currentDueDate({ ...dated, state: 'assigned' })).toBe('2021-09-20');
    expect(currentDueDate({ ...dated, state: 'assigned', unitDueDate: null })).toBe('2021-09-24');
    expect(currentDueDate({ ...dated, state: 'answer_approved' })).toBe('2021-09-24');
    expect(currentDueDate({ ...dated, state: 'answered' })).toBe('2021-10-01');
    expect(currentDueDate({ ...dated, state: 'answered', publishAnswer: false })).toBeNull();
    expect(currentDueDate({ ...dated, state: 'published' })).toBeNull();
    expect(currentDueDate({ ...dated, state: 'transferred' })).toBeNull();
  });

  it('count the working days left, negative when overdue', () => {
    expect(daysLeft('2021-09-01', '2021-09-08', calendar)).toBe(3);
    expect(daysLeft('2021-09-08', '2021-09-08', calendar)).toBe(0);
    expect(daysLeft('2021-09-13', '2021-09-08', calendar)).toBe(-3);
  });

  it('fix the on-time flag against the deadline of the closing step', () => {
    expect(closedOnTime('not_accepted', '2021-09-08', dated)).toBe(true);
    expect(closedOnTime('not_accepted', '2021-09-09', dated)).toBe(false);
    expect(closedOnTime('transferred', '2021-09-10', dated)).toBe(true);
    expect(closedOnTime('transferred', '2021-09-13', dated)).toBe(false);
    expect(closedOnTime('answered', '2021-09-24', dated)).toBe(true);
    expect(closedOnTime('answered', '2021-09-27', dated)).toBe(false);
    expect(closedOnTime('accepted', '2021-09-01', dated)).toBeNull();
  });

  it("keep a unit's due date between today and the answer deadline", () => {
    expect(checkUnitDueDate('2021-09-20', '2021-09-06', '2021-09-24')).toBeNull();
    expect(checkUnitDueDate('2021-09-05', '2021-09-06', '2021-09-24')).toBe('past');
    expect(checkUnitDueDate('2021-09-27', '2021-09-06', '2021-09-24')).toBe('late');
  });

  it('let a late feedback be assigned: any day from today, chosen by the Office', () => {
    // Answer due 04/01/2022, assigned on 05/12/2026.
    expect(checkUnitDueDate('2026-12-18', '2026-12-05', '2022-01-04')).toBeNull();
    expect(checkUnitDueDate('2026-12-04', '2026-12-05', '2022-01-04')).toBe('past');
    expect(unitDueDateOf(undefined, '2026-12-05', '2022-01-04')).toEqual({ problem: 'required_when_late' });
    expect(unitDueDateOf('', '2026-12-05', '2022-01-04')).toEqual({ problem: 'required_when_late' });
    expect(unitDueDateOf('2026-12-18', '2026-12-05', '2022-01-04')).toEqual({ date: '2026-12-18' });
    // The answer deadline itself is today: not late yet, and it is the default.
    expect(unitDueDateOf(null, '2022-01-04', '2022-01-04')).toEqual({ date: '2022-01-04' });
    expect(answerIsLate('2022-01-04', '2022-01-04')).toBe(false);
    expect(answerIsLate('2022-01-05', '2022-01-04')).toBe(true);
  });

  it('default the unit to the answer deadline while it is ahead', () => {
    expect(unitDueDateOf(undefined, '2021-09-06', '2021-09-24')).toEqual({ date: '2021-09-24' });
    expect(unitDueDateOf(undefined, '2021-09-06', null)).toEqual({ date: '2021-09-06' });
    expect(unitDueDateOf('2021-09-27', '2021-09-06', '2021-09-24')).toEqual({ problem: 'late' });
  });
});
