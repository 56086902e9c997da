import { addCalendarDays, DUE_SOON_DAYS, dueStatus, dueWindow } from '../waiting';

describe('the due-soon window of "Waiting for me"', () => {
  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2028-02-27', 2)).toBe('2028-02-29');
  });

  it('runs from today to DUE_SOON_DAYS days later', () => {
    expect(DUE_SOON_DAYS).toBe(3);
    expect(dueWindow('2026-12-05')).toEqual({ today: '2026-12-05', soonUntil: '2026-12-08' });
  });

  it('tells overdue, due soon and neither apart, at the edges', () => {
    expect(dueStatus('2026-12-04', '2026-12-05')).toBe('overdue');
    expect(dueStatus('2026-12-05', '2026-12-05')).toBe('dueSoon');
    expect(dueStatus('2026-12-08', '2026-12-05')).toBe('dueSoon');
    expect(dueStatus('2026-12-09', '2026-12-05')).toBeNull();
    expect(dueStatus(null, '2026-12-05')).toBeNull();
  });
});
