import * as React from 'react';
import { screen } from '@testing-library/react';
import { FormField, RadioField, TextField } from '../kit/FormField';
import { renderInAdmin, renderWithUser } from './render';

/** A text field whose value lives in state, as a form keeps it. */
const Text = (
  props: Partial<React.ComponentProps<typeof TextField>> & { onText?: (text: string) => void }
) => {
  const [value, setValue] = React.useState('');
  const { onText, ...field } = props;
  return (
    <TextField
      name="title"
      label="Tiêu đề"
      testId="title"
      value={value}
      onChange={(text) => {
        setValue(text);
        onText?.(text);
      }}
      {...field}
    />
  );
};

describe('FormField', () => {
  it('labels its input and shows the hint, or the error in its place', () => {
    const { rerender } = renderInAdmin(
      <FormField name="number" label="Số báo cáo" hint="Chỉ nhập số.">
        <input data-testid="input" />
      </FormField>
    );
    expect(screen.getByText('Số báo cáo')).toBeTruthy();
    expect(screen.getByText('Chỉ nhập số.')).toBeTruthy();
    rerender(
      <FormField name="number" label="Số báo cáo" hint="Chỉ nhập số." error="Số báo cáo không hợp lệ.">
        <input data-testid="input" />
      </FormField>
    );
    expect(screen.getByText('Số báo cáo không hợp lệ.')).toBeTruthy();
    expect(screen.queryByText('Chỉ nhập số.')).toBeNull();
  });
});

describe('TextField', () => {
  it('is one line by default and gives the text typed', async () => {
    const onText = jest.fn();
    const { user } = renderWithUser(<Text onText={onText} maxLength={20} />);
    const input = screen.getByTestId('title');
    expect(input.tagName).toBe('INPUT');
    expect(screen.getByLabelText('Tiêu đề')).toBe(input);
    await user.type(input, 'Báo cáo');
    expect(onText).toHaveBeenLastCalledWith('Báo cáo');
    expect(input.getAttribute('maxlength')).toBe('20');
  });

  it('is several lines when multiline', () => {
    renderInAdmin(<Text multiline rows={4} />);
    const area = screen.getByTestId('title');
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('rows')).toBe('4');
  });
});

describe('RadioField', () => {
  it('offers its options, named by the field’s label, and gives the one chosen', async () => {
    const onChange = jest.fn();
    const { user } = renderWithUser(
      <RadioField
        name="mode"
        label="Kỳ báo cáo"
        value="year"
        onChange={onChange}
        options={[
          { value: 'year', label: 'Cả năm', testId: 'mode-year' },
          { value: 'period', label: 'Từ ngày đến ngày', testId: 'mode-period' },
        ]}
      />
    );
    expect(screen.getByRole('radiogroup', { name: 'Kỳ báo cáo' })).toBeTruthy();
    expect(screen.getByTestId('mode-year').getAttribute('aria-checked')).toBe('true');
    await user.click(screen.getByTestId('mode-period'));
    expect(onChange).toHaveBeenCalledWith('period');
  });
});
