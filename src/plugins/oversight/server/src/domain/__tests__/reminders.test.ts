import { parseListQuery, validateCheck, validateTaskReport, visibleUnitIds } from '../records-input';
import { isDueBy, reminderDays, reminderMail, sortItems, validateReminder } from '../reminders';

const paths = (result: { ok: boolean; errors?: { path: string[] }[] }) =>
  (result.errors ?? []).map((e) => e.path.join('.')).sort();

describe('reminder input', () => {
  it('accepts a unit, a message and up to 50 distinct items', () => {
    const id = 'a'.repeat(24);
    expect(
      validateReminder(
        { data: { unit: 3, message: '  Đôn đốc.  ', items: [{ type: 'task', documentId: id }] } },
        'vi'
      )
    ).toEqual({
      ok: true,
      value: { unit: 3, message: 'Đôn đốc.', items: [{ type: 'task', documentId: id }] },
    });
    expect(validateReminder({ data: { unit: 3, message: 'x' } }, 'vi')).toMatchObject({
      value: { items: [] },
    });
  });

  it('reports every problem at once, in both languages', () => {
    const id = 'b'.repeat(24);
    const result = validateReminder(
      {
        data: {
          unit: 0,
          message: '',
          items: [{ type: 'task', documentId: id }, { type: 'task', documentId: id }, { type: 'x' }],
          x: 1,
        },
      },
      'en'
    );
    expect(paths(result)).toEqual(['items.1', 'items.2', 'message', 'unit', 'x']);
    expect(result.ok || result.errors[0].messages).toMatchObject({
      vi: expect.any(String),
      en: expect.any(String),
    });
    expect(
      paths(validateReminder({ data: { unit: 1, message: 'x', items: new Array(51).fill(null) } }, 'vi'))
    ).toEqual(['items']);
    expect(paths(validateReminder(null, 'vi'))).toEqual(['data']);
  });
});

describe('the digest rules', () => {
  it('takes what is due by the last day, overdue included', () => {
    expect(isDueBy('2021-09-30', '2021-09-30')).toBe(true);
    expect(isDueBy('2021-01-01', '2021-09-30')).toBe(true);
    expect(isDueBy('2021-10-01', '2021-09-30')).toBe(false);
    expect(isDueBy(null, '2021-09-30')).toBe(false);
  });

  it('reads OVERSIGHT_REMINDER_DAYS with a default of 3', () => {
    expect(reminderDays(undefined)).toBe(3);
    expect(reminderDays('5')).toBe(5);
    expect(reminderDays('0')).toBe(0);
    expect(reminderDays('-1')).toBe(3);
    expect(reminderDays('abc')).toBe(3);
  });

  it('lists the soonest first and writes the mail Vietnamese first, with English', () => {
    const items = sortItems([
      { type: 'feedback' as const, documentId: 'f', title: 'Phản ánh', dueDate: '2021-09-28' },
      { type: 'task' as const, documentId: 't', code: 'II.1', title: 'Bài viết', dueDate: '2021-09-28' },
      { type: 'task' as const, documentId: 'u', code: 'I.1', title: 'Tập huấn', dueDate: '2021-09-01' },
    ]);
    expect(items.map((i) => i.documentId)).toEqual(['u', 't', 'f']);
    const mail = reminderMail({
      kind: 'scheduled',
      unitName: 'Phòng Môi trường',
      message: null,
      items,
      senderName: 'Hệ thống',
      today: '2021-09-27',
      days: 3,
      link: 'https://cms.example/admin/plugins/oversight/my',
    });
    expect(mail.text.indexOf('Kính gửi')).toBe(0);
    expect(mail.text).toContain('within the next 3 working days');
    expect(mail.text).toContain('Nhiệm vụ / Task I.1: Tập huấn (hạn / due 01/09/2021) — QUÁ HẠN / OVERDUE');
    expect(mail.text).toContain('https://cms.example/admin/plugins/oversight/my');
  });
});

describe('records input', () => {
  it('refuses a check dated in the future', () => {
    const data = { unit: 1, date: '2021-09-28', findings: 'x' };
    expect(paths(validateCheck({ data }, '2021-09-27', 'vi'))).toEqual(['date']);
    expect(validateCheck({ data }, '2021-09-28', 'vi')).toMatchObject({ ok: true });
  });

  it('checks a task report', () => {
    expect(
      validateTaskReport(
        { data: { planTask: 'c'.repeat(24), status: 'done', results: 'Xong.', outputCount: 0 } },
        'vi'
      )
    ).toMatchObject({ ok: true, value: { outputCount: 0 } });
    expect(
      paths(validateTaskReport({ data: { planTask: 1, status: 'ok', results: 'x', outputCount: 1.5 } }, 'vi'))
    ).toEqual(['outputCount', 'planTask', 'status']);
  });

  it('reads list filters and narrows them to the readable units', () => {
    expect(parseListQuery({ unit: '4', state: 'open', page: '2' }, ['state'], 'vi')).toEqual({
      ok: true,
      value: { unit: 4, state: 'open', page: 2, pageSize: 20 },
    });
    expect(paths(parseListQuery({ state: 'open', task: 'x' }, [], 'vi'))).toEqual(['state', 'task']);
    expect(visibleUnitIds('all', undefined)).toBe('all');
    expect(visibleUnitIds([1, 2], 2)).toEqual([2]);
    expect(visibleUnitIds([1, 2], 3)).toEqual([]);
  });
});
