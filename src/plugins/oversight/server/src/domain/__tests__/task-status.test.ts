import { taskStatus } from '../task-status';

describe('taskStatus', () => {
  it('is done when the latest report says so, even late', () => {
    expect(taskStatus({ dueDate: '2021-03-31' }, { status: 'done' }, '2021-06-01')).toBe('done');
  });

  it('is overdue after the due date without a done report, and in progress before or on it', () => {
    expect(taskStatus({ dueDate: '2021-03-31' }, { status: 'in_progress' }, '2021-04-01')).toBe('overdue');
    expect(taskStatus({ dueDate: '2021-03-31' }, null, '2021-03-31')).toBe('in_progress');
    expect(taskStatus({ dueDate: null }, undefined, '2030-01-01')).toBe('in_progress');
  });
});
