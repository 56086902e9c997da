/**
 * The Office's reminder: the unit's overdue items are ticked (not those reminded today, shown disabled with why),
 * the prefilled message says "listed below" only when something is, and what is ticked is what is sent.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInAdmin } from '#admin/shared/__tests__/render';
import type { OverdueItem } from '../../api';
import { ReminderDialog } from '../ReminderDialog';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const getOverdue = jest.fn();
const sendReminder = jest.fn();
jest.mock('../../api', () => {
  const api = {
    getOverdue: (...args: unknown[]) => getOverdue(...args),
    sendReminder: (...args: unknown[]) => sendReminder(...args),
  };
  return { ...jest.requireActual('../../api'), useApi: () => api };
});

const UNIT = { id: 7, code: 'P-QLDD', name: 'Phòng Quản lý đất đai' };
const item = (over: Partial<OverdueItem>): OverdueItem => ({
  type: 'task',
  documentId: 'task-1',
  code: 'II.1.2-c',
  title: 'Bài viết về đất đai',
  dueDate: '2026-12-01',
  lateDays: 3,
  lateDaysKind: 'calendar',
  remindedToday: false,
  ...over,
});

const items = [
  item({}),
  item({
    type: 'feedback',
    documentId: 'fb-1',
    code: null,
    title: 'Hỏi về tách thửa',
    lateDaysKind: 'working',
  }),
  item({ documentId: 'task-2', code: 'II.1.2-d', title: 'Đã nhắc', remindedToday: true }),
];

const checkbox = (text: string) =>
  within(
    screen.getAllByTestId('reminder-dialog-item').find((line) => line.textContent?.includes(text))!
  ).getByRole('checkbox');
const message = () => (screen.getByTestId('reminder-message') as HTMLTextAreaElement).value;

beforeEach(() => {
  getOverdue.mockReset().mockResolvedValue({ unit: UNIT, today: '2026-12-04', items });
  sendReminder.mockReset().mockResolvedValue({ documentId: 'r-1' });
});

it('ticks the overdue items, not those reminded today, and sends what is ticked', async () => {
  const onSent = jest.fn();
  renderInAdmin(<ReminderDialog unit={UNIT} onClose={jest.fn()} onSent={onSent} />);
  await waitFor(() => expect(checkbox('II.1.2-c').getAttribute('aria-checked')).toBe('true'));
  expect(getOverdue).toHaveBeenCalledWith(7);
  expect(checkbox('tách thửa').getAttribute('aria-checked')).toBe('true');
  expect(screen.getByText(/trễ 3 ngày làm việc/)).toBeTruthy();
  expect(checkbox('II.1.2-d').getAttribute('aria-checked')).toBe('false');
  expect((checkbox('II.1.2-d') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText(/Đã được đôn đốc hôm nay/)).toBeTruthy();
  expect(message()).toContain('liệt kê dưới đây');

  fireEvent.click(checkbox('tách thửa'));
  fireEvent.click(screen.getByTestId('reminder-dialog-submit'));
  await waitFor(() => expect(onSent).toHaveBeenCalled());
  expect(sendReminder).toHaveBeenCalledWith({
    unit: 7,
    message: expect.stringContaining('liệt kê dưới đây'),
    items: [{ type: 'task', documentId: 'task-1' }],
  });
});

it('prefills a general message when nothing is ticked, and keeps the text the Office wrote', async () => {
  renderInAdmin(<ReminderDialog unit={UNIT} onClose={jest.fn()} onSent={jest.fn()} />);
  await waitFor(() => expect(checkbox('II.1.2-c').getAttribute('aria-checked')).toBe('true'));
  fireEvent.click(checkbox('II.1.2-c'));
  fireEvent.click(checkbox('tách thửa'));
  expect(message()).not.toContain('liệt kê dưới đây');
  expect(screen.getByTestId('reminder-dialog-submit').textContent).toBe('Gửi đôn đốc');

  fireEvent.change(screen.getByTestId('reminder-message'), { target: { value: 'Đề nghị báo cáo ngay.' } });
  fireEvent.click(checkbox('II.1.2-c'));
  expect(message()).toBe('Đề nghị báo cáo ngay.');
});

it('ticks only the row it was opened from, and offers the other overdue items', async () => {
  renderInAdmin(
    <ReminderDialog
      unit={UNIT}
      focus={[{ type: 'feedback', documentId: 'fb-1', label: 'Hỏi về tách thửa' }]}
      onClose={jest.fn()}
      onSent={jest.fn()}
    />
  );
  await waitFor(() => expect(checkbox('tách thửa').getAttribute('aria-checked')).toBe('true'));
  expect(checkbox('II.1.2-c').getAttribute('aria-checked')).toBe('false');
});
