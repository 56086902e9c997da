/**
 * The organization's names, signer and contacts change over time (e.g. the 2025 mergers); each profile applies
 * from its `validFrom` until the next one. The annual report period is a month-day pair, by default 15/12 of the
 * previous year to 14/12 (Decree 09/2019 Art. 12).
 */

export interface Profile {
  validFrom: string;
}

export function effectiveProfile<P extends Profile>(profiles: P[], onDate: string): P | undefined {
  return [...profiles]
    .filter((p) => p.validFrom <= onDate)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
}

export interface ReportPeriod {
  from: string;
  to: string;
}

/** `start` and `end` are "MM-DD". When start falls after end, the period starts in the previous year. */
export function reportPeriod(year: number, start: string, end: string): ReportPeriod {
  const startYear = start > end ? year - 1 : year;
  return { from: `${startYear}-${start}`, to: `${year}-${end}` };
}
