import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { Field, TextInput } from '@strapi/design-system';
import { ConfirmDialog, FormDialog, type FormDialogProps } from '../kit/FormDialog';
import { renderWithUser } from './render';
import { apiError } from './strapi-admin';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapi-admin'));

/** A one-field form, as a page writes it: the field shows its own error. */
const NumberForm = (props: Partial<FormDialogProps>) => {
  const [number, setNumber] = React.useState('');
  return (
    <FormDialog
      open
      title="Ban hành báo cáo"
      onClose={() => undefined}
      onSubmit={async () => undefined}
      submitLabel="Ban hành"
      fields={['number']}
      testId="issue"
      {...props}
    >
      {({ errors, clearError }) => (
        <Field.Root name="number" error={errors.number}>
          <Field.Label>Số báo cáo</Field.Label>
          <TextInput
            value={number}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              setNumber(event.target.value);
              clearError('number');
            }}
          />
          <Field.Error />
        </Field.Root>
      )}
    </FormDialog>
  );
};

/** The form open with `props` (a spy as `onSubmit` unless given); `send` clicks its "Ban hành". */
function openNumberForm(props: Partial<FormDialogProps> = {}) {
  const onSubmit = jest.fn(async () => undefined);
  const { user } = renderWithUser(<NumberForm onSubmit={onSubmit} {...props} />);
  const send = () => user.click(screen.getByRole('button', { name: 'Ban hành' }));
  return { onSubmit, user, send };
}

describe('FormDialog', () => {
  it('sends at once without a confirmation', async () => {
    const { onSubmit, send } = openNumberForm();
    expect(screen.getByRole('dialog', { name: 'Ban hành báo cáo' })).toBeTruthy();
    await send();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('with `confirm`, the first click asks "Bạn có chắc chắn?" with the consequence; only the second sends', async () => {
    const { onSubmit, user, send } = openNumberForm({
      confirm: { message: 'Báo cáo không thể sửa sau khi ban hành.', action: 'Đồng ý ban hành' },
    });
    await send();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Bạn có chắc chắn?')).toBeTruthy();
    expect(screen.getByText('Báo cáo không thể sửa sau khi ban hành.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Số báo cáo' })).toBeNull();

    // Back to the form, nothing sent; then confirmed.
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(screen.getByRole('textbox', { name: 'Số báo cáo' })).toBeTruthy();
    await send();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Đồng ý ban hành' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('does not ask for confirmation while its own checks fail', async () => {
    const { onSubmit, send } = openNumberForm({
      validate: () => ({ number: 'Vui lòng nhập số báo cáo.' }),
      confirm: { message: 'Không hoàn tác được.' },
    });
    await send();
    expect(screen.getByText('Vui lòng nhập số báo cáo.')).toBeTruthy();
    expect(screen.queryByText('Bạn có chắc chắn?')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('does nothing while `blocked` (a date typed wrong shows its own error)', async () => {
    const validate = jest.fn(() => null);
    const { onSubmit, send } = openNumberForm({ validate, blocked: true });
    await send();
    expect(validate).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s messages: on their field, and the others below the form; editing clears the field’s', async () => {
    const onSubmit = jest.fn(async () => {
      throw apiError(400, 'ValidationError', 'Dữ liệu không hợp lệ', [
        { path: ['data', 'number'], message: 'Số đã dùng cho báo cáo khác.' },
        { path: ['version'], message: 'Phiên bản không khớp.' },
      ]);
    });
    const { user, send } = openNumberForm({ onSubmit, confirm: { message: 'Không hoàn tác được.' } });
    await send();
    await user.click(screen.getByTestId('issue-confirm'));
    // Back on the form, where the field shows its message.
    const field = await screen.findByRole('textbox', { name: 'Số báo cáo' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Số đã dùng cho báo cáo khác.')).toBeTruthy();
    expect(within(screen.getByTestId('form-errors')).getByText('Phiên bản không khớp.')).toBeTruthy();

    await user.type(field, '1');
    expect(screen.queryByText('Số đã dùng cho báo cáo khác.')).toBeNull();
  });

  it('leaves a problem to the caller that takes it (a conflict), and is busy while sending', async () => {
    let finish: (value?: undefined) => void = () => undefined;
    const onSubmit = jest
      .fn()
      .mockImplementationOnce(() => Promise.reject(apiError(409, 'ConflictError', 'Đã thay đổi')))
      .mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const onProblem = jest.fn(() => true);
    const { send } = openNumberForm({ onSubmit, onProblem });
    await send();
    await waitFor(() => expect(onProblem).toHaveBeenCalledWith(expect.objectContaining({ status: 409 })));
    expect(screen.queryByTestId('form-errors')).toBeNull();

    await send();
    expect(screen.getByRole('button', { name: 'Hủy' }).hasAttribute('disabled')).toBe(true);
    finish();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Hủy' }).hasAttribute('disabled')).toBe(false)
    );
  });
});

describe('ConfirmDialog', () => {
  it('states the consequence and confirms with one click', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const { user } = renderWithUser(
      <ConfirmDialog
        open
        title="Rút lại tin bài"
        message="Tin bài kết thúc ở trạng thái đã rút lại."
        action="Rút lại"
        submitVariant="danger"
        onClose={() => undefined}
        onConfirm={onConfirm}
      />
    );
    expect(screen.getByText('Bạn có chắc chắn?')).toBeTruthy();
    expect(screen.getByText('Tin bài kết thúc ở trạng thái đã rút lại.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Rút lại' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
