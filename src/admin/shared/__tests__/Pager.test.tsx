import { screen } from '@testing-library/react';
import { Pager } from '../kit/Pager';
import { renderInAdmin, renderWithUser } from './render';

describe('Pager', () => {
  it('moves a page back or forward, in the kit’s words', async () => {
    const onPage = jest.fn();
    const { user } = renderWithUser(
      <Pager
        pagination={{ page: 2, pageSize: 10, pageCount: 3, total: 25 }}
        onPage={onPage}
        testId="rows-pager"
      />
    );
    expect(screen.getByTestId('rows-pager').textContent).toContain('Trang 2/3');
    await user.click(screen.getByRole('button', { name: 'Trang trước' }));
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(onPage.mock.calls).toEqual([[1], [3]]);
  });

  it('cannot go before the first page or past the last, and speaks English in English', () => {
    renderInAdmin(
      <Pager pagination={{ page: 1, pageSize: 10, pageCount: 2, total: 12 }} onPage={jest.fn()} />,
      {
        locale: 'en',
      }
    );
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows nothing for a single page', () => {
    renderInAdmin(
      <Pager pagination={{ page: 1, pageSize: 10, pageCount: 1, total: 4 }} onPage={jest.fn()} testId="p" />
    );
    expect(screen.queryByTestId('p')).toBeNull();
  });
});
