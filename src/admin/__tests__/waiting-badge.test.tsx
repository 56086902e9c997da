import { act, render, screen, waitFor } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';

const answers: Record<string, unknown> = {
  '/unit-submissions/waiting': { items: [{ key: 'to_review', count: 3 }] },
  '/feedback-register/waiting': {
    items: [
      { key: 'to_classify', count: 2 },
      { key: 'assigned', count: 0 },
      // A key this admin does not know is not counted, as the widget does not show it.
      { key: 'from_a_newer_server', count: 40 },
    ],
  },
};
const get = jest.fn(async (url: string) => {
  if (url === '/oversight/waiting') throw Object.assign(new Error('Forbidden'), { status: 403 });
  return { data: { data: answers[url] } };
});
let user = { id: 1 };

jest.mock('@strapi/strapi/admin', () => ({
  useFetchClient: () => ({ get }),
  useAuth: (_: string, select: (auth: { user: { id: number } }) => unknown) => select({ user }),
  isFetchError: (error: { status?: number }) => typeof error.status === 'number',
}));

// jest.mock is hoisted above this import: the module reads the mocked admin API.
import { withWaitingBadge } from '../waiting/WaitingBadgeIcon';

const Icon = () => <svg data-testid="icon" />;
const Submissions = withWaitingBadge(Icon, 'unit-submissions');
const Register = withWaitingBadge(Icon, 'feedback-register');
const Oversight = withWaitingBadge(Icon, 'oversight');

const menu = () => (
  <DesignSystemProvider locale="vi">
    <Submissions />
    <Register />
    <Oversight />
  </DesignSystemProvider>
);

it('shows each plugin’s count on its menu icon, from one shared answer', async () => {
  render(menu());
  await waitFor(() => expect(screen.getByTestId('menu-badge-unit-submissions').textContent).toBe('3'));
  expect(screen.getByTestId('menu-badge-feedback-register').getAttribute('data-value')).toBe('2');
  // Nothing waits in a plugin the role does not have (403), and no badge is drawn for 0.
  expect(screen.queryByTestId('menu-badge-oversight')).toBeNull();
  expect(screen.getAllByTestId('icon')).toHaveLength(3);
  // Three icons, one request per plugin.
  expect(get).toHaveBeenCalledTimes(3);
});

it('asks again for another user, and not again within the minute for the same one', async () => {
  get.mockClear();
  const { unmount } = render(menu());
  await screen.findByTestId('menu-badge-unit-submissions');
  expect(get).not.toHaveBeenCalled();
  unmount();

  user = { id: 2 };
  answers['/unit-submissions/waiting'] = { items: [{ key: 'to_review', count: 120 }] };
  render(menu());
  await waitFor(() => expect(screen.getByTestId('menu-badge-unit-submissions').textContent).toBe('99+'));
  expect(get).toHaveBeenCalledTimes(3);
  await act(async () => {
    window.dispatchEvent(new Event('focus'));
  });
  expect(get).toHaveBeenCalledTimes(3);
});
