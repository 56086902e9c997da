import { wallClock } from '../xlsx';

/** The wall clock of the instant in the zone, read from Intl instant by instant (Swedish dates are ISO-like). */
const expected = (instant: Date, timeZone: string) =>
  `${instant.toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' }).replace(' ', 'T')}.000Z`;

describe('wallClock', () => {
  it('shows an instant in the zone, to the second', () => {
    expect(wallClock(new Date('2031-06-10T09:30:00.789Z'), 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2031-06-10T16:30:00.000Z'
    );
  });

  it('agrees with Intl every 5 minutes for a day either side of an offset change, whatever was asked first', () => {
    const cases: [string, string][] = [
      ['Europe/Paris', '2026-03-29T01:00:00Z'], // summer time begins
      ['Europe/Paris', '2026-10-25T01:00:00Z'], // and ends
      ['America/St_Johns', '2026-03-08T05:30:00Z'], // a half-hour zone
      ['Asia/Ho_Chi_Minh', '1975-06-12T16:00:00Z'], // Saigon moved from +08:00 to +07:00
    ];
    for (const [zone, change] of cases) {
      const at = new Date(change).getTime();
      // Asked in both orders, so that neither side of the change is cached first.
      for (const step of [300_000, -300_000]) {
        const instants: Date[] = [];
        for (let ms = at - step * 12 * 26; Math.abs(ms - at) <= 300_000 * 12 * 26; ms += step)
          instants.push(new Date(ms + 123));
        expect(instants.map((i) => `${zone} ${wallClock(i, zone).toISOString()}`)).toEqual(
          instants.map((i) => `${zone} ${expected(i, zone)}`)
        );
      }
    }
  });
});
