import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInAdmin } from '#admin/shared/__tests__/render';
import { BulkResultAlert } from '../BulkResultAlert';
import type { AllowedTransition } from '../../api';
import type { SubmissionState } from '../../labels';
import { TransitionDialog, type TransitionInput } from '../TransitionDialog';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const reviewers = [{ id: 7, firstname: 'Biên Tập', lastname: 'Trần', email: 'bt@example.com' }];

/** The dialog of one move, sending to `onConfirm`. */
const renderMove = (
  transition: AllowedTransition,
  from: SubmissionState,
  onConfirm: (input: TransitionInput) => Promise<void>
) =>
  renderInAdmin(
    <TransitionDialog
      transition={transition}
      from={from}
      reviewers={reviewers}
      onClose={() => undefined}
      onConfirm={onConfirm}
      onProblem={() => false}
    />
  );

describe('TransitionDialog', () => {
  it('confirms an approval before anything is sent', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = userEvent.setup();
    renderMove({ to: 'approved', needsComment: false, needsAssignee: false }, 'in_review', onConfirm);
    await user.click(screen.getByTestId('transition-dialog-submit'));
    expect(screen.getByText('Bạn có chắc chắn?')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('transition-dialog-confirm'));
    expect(onConfirm).toHaveBeenCalledWith({});
  });

  it('calls a resubmission "Gửi lại", says it returns to the reviewer, and confirms it', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = userEvent.setup();
    renderMove(
      { to: 'in_review', needsComment: false, needsAssignee: false },
      'changes_requested',
      onConfirm
    );
    expect(screen.getByRole('dialog', { name: /^Gửi lại/ })).toBeTruthy();
    expect(screen.getByText(/quay về biên tập viên đã yêu cầu chỉnh sửa/)).toBeTruthy();
    await user.click(screen.getByTestId('transition-dialog-submit'));
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('transition-dialog-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('asks for the comment a change request needs, without a confirmation', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = userEvent.setup();
    renderMove({ to: 'changes_requested', needsComment: true, needsAssignee: false }, 'in_review', onConfirm);
    await user.click(screen.getByTestId('transition-dialog-submit'));
    expect(screen.getByText('Vui lòng nhập nội dung.')).toBeTruthy();
    await user.type(screen.getByTestId('transition-comment'), 'Bổ sung ảnh');
    await user.click(screen.getByTestId('transition-dialog-submit'));
    expect(onConfirm).toHaveBeenCalledWith({ comment: 'Bổ sung ảnh' });
  });
});

describe('BulkResultAlert', () => {
  it('counts what moved and names each item that did not, with the reason', () => {
    renderInAdmin(
      <BulkResultAlert
        move="claim"
        results={[
          { documentId: 'a', ok: true, state: 'in_review' },
          {
            documentId: 'b',
            ok: false,
            error: { status: 409, name: 'ConflictError', message: 'Tin bài vừa được người khác thay đổi.' },
          },
        ]}
        titleOf={(id) => `Tin ${id}`}
        onClose={() => undefined}
      />
    );
    expect(screen.getByText('Đã nhận biên tập 1/2 tin bài.')).toBeTruthy();
    expect(screen.getByTestId('bulk-failure').textContent).toBe(
      'Tin b: Tin bài vừa được người khác thay đổi.'
    );
  });
});
