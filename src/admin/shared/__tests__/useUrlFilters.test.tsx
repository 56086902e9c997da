import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useUrlFilters } from '../kit/useUrlFilters';
import { CurrentSearch, renderInAdmin } from './render';

const Probe = () => {
  const list = useUrlFilters(['state', 'unit'], { pageSize: 10 });
  return (
    <>
      <output data-testid="state">{JSON.stringify({ ...list, setFilter: undefined })}</output>
      <button onClick={() => list.setFilter('unit', '7')}>unit</button>
      <button onClick={() => list.setSort({ key: 'year', direction: 'desc' })}>sort</button>
      <button onClick={() => list.setPage(3)}>page</button>
      <button onClick={() => list.clearFilters()}>clear</button>
      <CurrentSearch />
    </>
  );
};

const state = () => JSON.parse(screen.getByTestId('state').textContent ?? '{}');
const url = () => new URLSearchParams(screen.getByTestId('url').textContent ?? '');

describe('useUrlFilters', () => {
  it('reads the filters, the page, the page size and the sort from the query string', () => {
    renderInAdmin(<Probe />, { url: '/list?state=draft&page=2&sort=title:asc&other=x' });
    expect(state()).toMatchObject({
      values: { state: 'draft' },
      activeCount: 1,
      page: 2,
      pageSize: 10,
      sort: { key: 'title', direction: 'asc' },
    });
    expect(state().values).not.toHaveProperty('other');
  });

  it('ignores a sort or a page it cannot read', () => {
    renderInAdmin(<Probe />, { url: '/list?page=-3&sort=title;drop' });
    expect(state()).toMatchObject({ page: 1, sort: null });
  });

  it('writes filters and sort back to the first page, the page alone, and keeps what is not its own', async () => {
    const user = userEvent.setup();
    renderInAdmin(<Probe />, { url: '/list?state=draft&page=2&other=x' });
    await user.click(screen.getByRole('button', { name: 'unit' }));
    expect(Object.fromEntries(url())).toEqual({ state: 'draft', unit: '7', other: 'x' });
    expect(state()).toMatchObject({ values: { state: 'draft', unit: '7' }, activeCount: 2, page: 1 });

    await user.click(screen.getByRole('button', { name: 'page' }));
    await user.click(screen.getByRole('button', { name: 'sort' }));
    expect(url().get('sort')).toBe('year:desc');
    expect(url().has('page')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'page' }));
    expect(url().get('page')).toBe('3');

    await user.click(screen.getByRole('button', { name: 'clear' }));
    expect(Object.fromEntries(url())).toEqual({ other: 'x', sort: 'year:desc' });
  });
});
