import { screen } from '@testing-library/react';
import { renderInAdmin, renderWithUser } from '#admin/shared/__tests__/render';
import { BulkResultAlert } from '../BulkResultAlert';
import type { AllowedTransition } from '../../api';
import type { SubmissionState } from '../../labels';
import { TransitionDialog, type TransitionInput } from '../TransitionDialog';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const reviewers = [{ id: 7, firstname: 'Biên Tập', lastname: 'Trần', email: 'bt@example.com' }];

/**
 * The dialog of the move `from` → `to` (needing nothing unless `needs` says), sending to the spy `onConfirm`;
 * `submit` and `confirm` click its buttons.
 */
function openMove(from: SubmissionState, to: SubmissionState, needs: Partial<AllowedTransition> = {}) {
  const transition: AllowedTransition = { to, needsComment: false, needsAssignee: false, ...needs };
  const onConfirm = jest.fn(async (_input: TransitionInput) => undefined);
  const { user } = renderWithUser(
    <TransitionDialog
      transition={transition}
      from={from}
      reviewers={reviewers}
      onClose={() => undefined}
      onConfirm={onConfirm}
      onProblem={() => false}
    />
  );
  return {
    onConfirm,
    user,
    submit: () => user.click(screen.getByTestId('transition-dialog-submit')),
    confirm: () => user.click(screen.getByTestId('transition-dialog-confirm')),
  };
}

describe('TransitionDialog', () => {
  it('confirms an approval before anything is sent', async () => {
    const { onConfirm, submit, confirm } = openMove('in_review', 'approved');
    await submit();
    expect(screen.getByText('Bạn có chắc chắn?')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    await confirm();
    expect(onConfirm).toHaveBeenCalledWith({});
  });

  it('calls a resubmission "Gửi lại", says it returns to the reviewer, and confirms it', async () => {
    const { onConfirm, submit, confirm } = openMove('changes_requested', 'in_review');
    expect(screen.getByRole('dialog', { name: /^Gửi lại/ })).toBeTruthy();
    expect(screen.getByText(/quay về biên tập viên đã yêu cầu chỉnh sửa/)).toBeTruthy();
    await submit();
    expect(onConfirm).not.toHaveBeenCalled();
    await confirm();
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('asks for the comment a change request needs, without a confirmation', async () => {
    const { onConfirm, user, submit } = openMove('in_review', 'changes_requested', { needsComment: true });
    await submit();
    expect(screen.getByText('Vui lòng nhập nội dung.')).toBeTruthy();
    await user.type(screen.getByTestId('transition-comment'), 'Bổ sung ảnh');
    await submit();
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
