import { REDACTED } from '../redaction';
import {
  anonymizedValues,
  dueForAnonymization,
  KEPT_FIELDS,
  PERSONAL_FIELDS,
  REDACTED_TEXT_FIELDS,
  RETENTION_STATES,
  retentionCutoff,
  retentionRunKey,
  subtractMonths,
} from '../retention';
import { FEEDBACK_STATES } from '../workflow';

const TZ = 'Asia/Ho_Chi_Minh';

interface Candidate {
  state: string;
  closedAt: Date | string | null;
  anonymizedAt: Date | string | null;
}

/** Whether the retention job's filter takes this row, read as the query engine reads it ($in, $lt, $null). */
function isDue(row: Candidate, cutoff: Date): boolean {
  const filter = dueForAnonymization(cutoff);
  const closedAt = row.closedAt == null ? Number.NaN : new Date(row.closedAt).getTime();
  return (
    (filter.state.$in as readonly string[]).includes(row.state) &&
    closedAt < filter.closedAt.$lt.getTime() &&
    (row.anonymizedAt == null) === filter.anonymizedAt.$null
  );
}

describe('subtractMonths', () => {
  it.each([
    ['2026-07-15', 60, '2021-07-15'],
    ['2026-07-15', 1, '2026-06-15'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-01-31', 13, '2024-12-31'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2028-02-29', 48, '2024-02-29'],
    ['2026-05-31', 1, '2026-04-30'],
    ['2026-12-31', 6, '2026-06-30'],
    ['2026-07-15', 0, '2026-07-15'],
    ['2026-07-15', 600, '1976-07-15'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a date or a whole number of months', () => {
    expect(() => subtractMonths('2026-7-15', 1)).toThrow(TypeError);
    expect(() => subtractMonths('2026-07-15', 1.5)).toThrow(RangeError);
    expect(() => subtractMonths('2026-07-15', -1)).toThrow(RangeError);
  });
});

describe('retentionCutoff', () => {
  it('is the start of the local day N calendar months before today', () => {
    // 10:00 in Hanoi on 15 July 2026; 60 months back is 15 July 2021, starting at 17:00 UTC the day before.
    expect(retentionCutoff(new Date('2026-07-15T03:00:00Z'), 60, TZ).toISOString()).toBe(
      '2021-07-14T17:00:00.000Z'
    );
  });

  it('counts months from the local date, not the UTC one', () => {
    // 18:30 UTC on 28 February is already 1 March in Hanoi: one month back is 1 February.
    expect(retentionCutoff(new Date('2026-02-28T18:30:00Z'), 1, TZ).toISOString()).toBe(
      '2026-01-31T17:00:00.000Z'
    );
    // In UTC it is still 28 February: one month back is 28 January.
    expect(retentionCutoff(new Date('2026-02-28T18:30:00Z'), 1, 'UTC').toISOString()).toBe(
      '2026-01-28T00:00:00.000Z'
    );
  });

  it('clamps to the end of a shorter month', () => {
    expect(retentionCutoff(new Date('2026-03-31T05:00:00Z'), 1, TZ).toISOString()).toBe(
      '2026-02-27T17:00:00.000Z'
    );
  });

  it('refuses a period that is not a positive whole number of months', () => {
    for (const months of [0, -6, 1.5, Number.NaN]) {
      expect(() => retentionCutoff(new Date(), months, TZ)).toThrow(RangeError);
    }
  });

  it('keeps the data at least the full period', () => {
    const now = new Date('2026-07-15T16:59:59Z'); // 23:59:59 on 15 July in Hanoi
    const cutoff = retentionCutoff(now, 60, TZ);
    // Closed at the first instant of 15 July 2021 (local): kept until 15 July 2026 is over.
    expect(isDue({ state: 'answered', closedAt: cutoff, anonymizedAt: null }, cutoff)).toBe(false);
    expect(
      isDue({ state: 'answered', closedAt: new Date(cutoff.getTime() - 1), anonymizedAt: null }, cutoff)
    ).toBe(true);
  });
});

describe('retentionRunKey', () => {
  it('is the local date of the run', () => {
    expect(retentionRunKey(new Date('2026-07-14T19:30:00Z'), TZ)).toBe('2026-07-15');
    expect(retentionRunKey(new Date('2026-07-14T16:59:59Z'), TZ)).toBe('2026-07-14');
  });
});

describe('dueForAnonymization', () => {
  const cutoff = new Date('2021-07-14T17:00:00Z');
  const old = '2020-01-10T02:00:00.000Z';

  it('takes closed feedback closed before the cutoff, once', () => {
    for (const state of ['not_accepted', 'transferred', 'answered', 'published']) {
      expect(isDue({ state, closedAt: old, anonymizedAt: null }, cutoff)).toBe(true);
      expect(isDue({ state, closedAt: old, anonymizedAt: '2025-01-01' }, cutoff)).toBe(false);
    }
  });

  it('leaves feedback still being handled, whatever its age', () => {
    const open = FEEDBACK_STATES.filter((s) => !RETENTION_STATES.includes(s));
    expect(open).toEqual(['received', 'accepted', 'assigned', 'answer_drafted', 'answer_approved']);
    for (const state of open) {
      expect(isDue({ state, closedAt: old, anonymizedAt: null }, cutoff)).toBe(false);
    }
  });

  it('leaves feedback closed recently or without a closing date', () => {
    expect(isDue({ state: 'answered', closedAt: '2025-01-01T00:00:00Z', anonymizedAt: null }, cutoff)).toBe(
      false
    );
    expect(isDue({ state: 'answered', closedAt: null, anonymizedAt: null }, cutoff)).toBe(false);
  });
});

describe('anonymizedValues', () => {
  const at = new Date('2026-07-15T03:00:00Z');
  const feedback = {
    fullName: 'Nguyễn Văn Bình',
    address: '12 Lê Lợi, phường Bến Thành',
    phone: '0912 345 678',
    email: 'binh.nguyen@example.com',
    subject: 'Ông Bình hỏi về thủ tục cấp giấy chứng nhận',
    content:
      'Tôi là Nguyễn Văn Bình, ở 12 Lê Lợi, phường Bến Thành, điện thoại 0912.345.678, ' +
      'thư binh.nguyen@example.com, CCCD 079088001234 cấp năm 2021.',
    answer: 'Trả lời ông Bình: hồ sơ của ông đã được giải quyết.',
    notAcceptedReason: null,
    publicSubject: 'Hỏi về thủ tục cấp giấy chứng nhận',
    publicContent: 'Ông Bình (0912345678) hỏi về thủ tục.',
    publicAnswer: '',
  };

  it('empties the personal fields and stamps the time', () => {
    const values = anonymizedValues(feedback, at);
    for (const field of PERSONAL_FIELDS) expect(values[field]).toBeNull();
    expect(values.anonymizedAt).toBe(at);
  });

  it('redacts the free texts with the submitter data they had', () => {
    const values = anonymizedValues(feedback, at);
    expect(values.subject).toBe(`Ông ${REDACTED.name} hỏi về thủ tục cấp giấy chứng nhận`);
    expect(values.content).toBe(
      `Tôi là ${REDACTED.name}, ở ${REDACTED.address}, điện thoại ${REDACTED.phone}, ` +
        `thư ${REDACTED.email}, CCCD ${REDACTED.idNumber} cấp năm 2021.`
    );
    expect(values.answer).toBe(`Trả lời ông ${REDACTED.name}: hồ sơ của ông đã được giải quyết.`);
    expect(values.publicSubject).toBe('Hỏi về thủ tục cấp giấy chứng nhận');
    expect(values.publicContent).toBe(`Ông ${REDACTED.name} (${REDACTED.phone}) hỏi về thủ tục.`);
    const all = JSON.stringify(values);
    for (const secret of ['Bình', 'Lê Lợi', '345', 'example.com', '079088001234']) {
      expect(all).not.toContain(secret);
    }
  });

  it('leaves empty texts alone and touches no field the statistics use', () => {
    const values = anonymizedValues(feedback, at);
    expect(values).not.toHaveProperty('notAcceptedReason');
    expect(values).not.toHaveProperty('publicAnswer');
    for (const field of KEPT_FIELDS) expect(values).not.toHaveProperty(field);
    expect(Object.keys(values).sort()).toEqual(
      [
        ...PERSONAL_FIELDS,
        'anonymizedAt',
        'subject',
        'content',
        'answer',
        'publicSubject',
        'publicContent',
      ].sort()
    );
  });

  it('keeps a redacted text within its length limit', () => {
    const subject = `${'ông Bình '.repeat(28)}`.trim();
    expect(subject.length).toBeLessThanOrEqual(REDACTED_TEXT_FIELDS.subject);
    const values = anonymizedValues({ ...feedback, subject }, at);
    expect(values.subject!.length).toBe(REDACTED_TEXT_FIELDS.subject);
    expect(values.subject).not.toContain('Bình');
  });

  it('does not cut a character in half', () => {
    const subject = `${'a'.repeat(254)}😀`;
    const values = anonymizedValues({ ...feedback, fullName: null, subject }, at);
    expect(values.subject).toBe('a'.repeat(254));
  });
});
