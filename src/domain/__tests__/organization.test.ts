import { effectiveProfile, reportPeriod } from '../organization';

describe('organization profiles', () => {
  const profiles = [
    { validFrom: '2025-07-01', issuingBody: 'merged department' },
    { validFrom: '2019-01-01', issuingBody: 'former department' },
  ];

  it('picks the profile in force on a date', () => {
    expect(effectiveProfile(profiles, '2024-12-14')?.issuingBody).toBe('former department');
    expect(effectiveProfile(profiles, '2025-06-30')?.issuingBody).toBe('former department');
    expect(effectiveProfile(profiles, '2025-07-01')?.issuingBody).toBe('merged department');
  });

  it('has none before the first profile', () => {
    expect(effectiveProfile(profiles, '2018-12-31')).toBeUndefined();
  });
});

describe('report period', () => {
  it('runs from 15 December of the previous year by default', () => {
    expect(reportPeriod(2024, '12-15', '12-14')).toEqual({ from: '2023-12-15', to: '2024-12-14' });
  });

  it('stays within the year when the start comes first', () => {
    expect(reportPeriod(2024, '01-01', '12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});
