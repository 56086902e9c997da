import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UnitSelect } from '../UnitSelect';
import { renderInAdmin } from './render';

// jsdom has no pointer capture, no scrolling and no IntersectionObserver, which the design system's select uses when it opens.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => undefined;
Element.prototype.scrollIntoView ??= () => undefined;
window.IntersectionObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
} as unknown as typeof IntersectionObserver;

const UNITS = [
  { id: 3, name: 'Phòng Hành chính' },
  { id: 7, name: 'Trung tâm Công nghệ thông tin' },
];

describe('UnitSelect', () => {
  it('puts its test id on the select, labels it and shows the chosen unit', () => {
    renderInAdmin(
      <UnitSelect units={UNITS} value={7} onChange={() => undefined} label="Đơn vị" testId="field-unit" />
    );
    const select = screen.getByTestId('field-unit');
    expect(select.getAttribute('role')).toBe('combobox');
    expect(screen.getByLabelText(/Đơn vị/)).toBe(select);
    expect(select.textContent).toContain('Trung tâm Công nghệ thông tin');
  });

  it('takes no unit as null or an empty string, and shows the hint and the error', () => {
    renderInAdmin(
      <UnitSelect
        units={UNITS}
        value=""
        onChange={() => undefined}
        label="Đơn vị"
        placeholder="Chọn đơn vị"
        hint="Bạn chưa thuộc đơn vị nào."
        testId="field-unit"
      />
    );
    expect(screen.getByTestId('field-unit').textContent).toContain('Chọn đơn vị');
    expect(screen.getByText('Bạn chưa thuộc đơn vị nào.')).toBeTruthy();
  });

  it('gives the chosen unit’s id', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup();
    renderInAdmin(
      <UnitSelect
        units={UNITS}
        value={null}
        onChange={onChange}
        label="Đơn vị"
        error="Vui lòng chọn đơn vị."
        testId="field-unit"
      />
    );
    expect(screen.getByText('Vui lòng chọn đơn vị.')).toBeTruthy();
    await user.click(screen.getByTestId('field-unit'));
    await user.click(await screen.findByRole('option', { name: 'Phòng Hành chính' }));
    expect(onChange).toHaveBeenCalledWith('3');
  });
});
