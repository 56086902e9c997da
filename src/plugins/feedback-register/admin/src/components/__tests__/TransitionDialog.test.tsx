import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInAdmin } from '#admin/shared/__tests__/render';
import type { AllowedTransition, Feedback } from '../../api';
import { TransitionDialog } from '../TransitionDialog';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));
jest.mock('../OptionsContext', () => ({
  useOptions: () => ({
    kinds: [
      { value: 'impractical_rule', label: { vi: 'Quy định không phù hợp thực tế', en: 'Impractical rule' } },
      { value: 'other_issue', label: { vi: 'Vấn đề khác', en: 'Other issue' } },
    ],
  }),
}));
// One object, as the real hook memoizes it: the procedure search runs again when it changes.
const mockApi = { searchProcedures: jest.fn(async () => []) };
jest.mock('../../api', () => ({ ...jest.requireActual('../../api'), useApi: () => mockApi }));

const feedback = {
  documentId: 'f'.repeat(24),
  state: 'received',
  kind: 'impractical_rule',
  channel: 'phone',
  procedure: { documentId: 'p'.repeat(24), nationalCode: '9.001001', name: 'Đăng ký đất đai lần đầu' },
  overdue: false,
  dueDate: null,
} as unknown as Feedback;

const open = (transition: AllowedTransition, state = feedback.state, answer = '') => {
  const onMove = jest.fn(async () => undefined);
  renderInAdmin(
    <TransitionDialog
      transition={transition}
      feedback={{ ...feedback, state }}
      answer={answer}
      units={[]}
      onClose={() => undefined}
      onMove={onMove}
      onProblem={() => false}
    />
  );
  return onMove;
};

describe('TransitionDialog', () => {
  it('offers the classification’s corrections prefilled, and sends only what changed', async () => {
    const onMove = open({ to: 'accepted', needs: [], corrects: ['kind', 'procedure', 'channel'] });
    const corrections = await screen.findByTestId('transition-corrections');
    expect(within(corrections).getByTestId('transition-kind').textContent).toContain(
      'Quy định không phù hợp thực tế'
    );
    expect(within(corrections).getByTestId('transition-channel').textContent).toContain('Điện thoại');
    expect((screen.getByTestId('transition-procedure') as HTMLInputElement).value).toBe(
      '9.001001 — Đăng ký đất đai lần đầu'
    );

    // Unchanged: the move goes without corrections, so the history records none.
    await userEvent.click(screen.getByTestId('transition-dialog-submit'));
    await waitFor(() => expect(onMove).toHaveBeenCalledWith({}));
  });

  it('unlinks the procedure when it is cleared', async () => {
    const onMove = open({ to: 'accepted', needs: [], corrects: ['kind', 'procedure', 'channel'] });
    // The clear button listens to clicks (the design system's pointer capture is not in jsdom).
    fireEvent.click(await screen.findByRole('button', { name: 'Bỏ thủ tục hành chính' }));
    await userEvent.click(screen.getByTestId('transition-dialog-submit'));
    await waitFor(() => expect(onMove).toHaveBeenCalledWith({ procedure: null }));
  });

  it('shows the answer being sent once, to read, and sends that text', async () => {
    const answer = 'Sở đã công khai thời hạn giải quyết.';
    const onMove = open({ to: 'answer_drafted', needs: ['answer'], corrects: [] }, 'assigned', answer);
    expect((await screen.findByTestId('transition-answer')).textContent).toBe(answer);
    expect(screen.getByTestId('transition-dialog').querySelectorAll('textarea, input')).toHaveLength(0);
    await userEvent.click(screen.getByTestId('transition-dialog-submit'));
    await waitFor(() => expect(onMove).toHaveBeenCalledWith({ answer }));
  });

  it('asks before an irreversible move, and moves only on the second click', async () => {
    const onMove = open({ to: 'answered', needs: [], corrects: [] }, 'answer_approved');
    await userEvent.click(await screen.findByTestId('transition-dialog-submit'));
    await screen.findByText(/không thể thu hồi/i);
    expect(onMove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('transition-dialog-confirm'));
    await waitFor(() => expect(onMove).toHaveBeenCalledWith({}));
  });
});
