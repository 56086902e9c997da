/**
 * Where a plan task stands: its unit says it is done in its latest task report; otherwise it is overdue once its
 * due date has passed, and in progress before. Pure module.
 */
export type TaskStatus = 'done' | 'in_progress' | 'overdue';

export function taskStatus(
  task: { dueDate: string | null },
  latestReport: { status: 'in_progress' | 'done' } | null | undefined,
  today: string
): TaskStatus {
  if (latestReport?.status === 'done') return 'done';
  return task.dueDate !== null && task.dueDate < today ? 'overdue' : 'in_progress';
}
