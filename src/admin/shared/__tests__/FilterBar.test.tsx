import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterBar } from '../kit/FilterBar';
import { useUrlFilters } from '../kit/useUrlFilters';
import { CurrentSearch, renderInAdmin, setViewport } from './render';

const NAMES = ['state', 'q', 'overdue'] as const;

/** A list page's filters, kept in the URL. */
const Filters = () => {
  const filters = useUrlFilters(NAMES);
  return (
    <>
      <FilterBar
        filters={[
          {
            kind: 'select',
            name: 'state',
            label: 'Trạng thái',
            options: [
              { value: 'draft', label: 'Nháp' },
              { value: 'issued', label: 'Đã ban hành' },
            ],
          },
          { kind: 'search', name: 'q', label: 'Tìm kiếm' },
          { kind: 'check', name: 'overdue', label: 'Chỉ mục quá hạn' },
        ]}
        values={filters.values}
        onChange={filters.setFilter}
        onClear={filters.clearFilters}
      />
      <CurrentSearch />
    </>
  );
};

const url = () => new URLSearchParams(screen.getByTestId('url').textContent ?? '');

describe('FilterBar', () => {
  afterEach(() => jest.useRealTimers());

  it('on wide screens shows every filter in a row; a checkbox filters at once and "Xóa lọc" clears', async () => {
    setViewport(1440);
    const user = userEvent.setup();
    renderInAdmin(<Filters />, { url: '/list?page=4' });
    expect(screen.queryByRole('button', { name: /Bộ lọc/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Xóa lọc' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Chỉ mục quá hạn' }));
    expect(url().get('overdue')).toBe('true');
    // A new filter starts from the first page.
    expect(url().has('page')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Xóa lọc' }));
    expect(url().has('overdue')).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Chỉ mục quá hạn' }).getAttribute('aria-checked')).toBe(
      'false'
    );
  });

  it('at 390 px collapses behind "Bộ lọc (n)" counting the active filters; clearing empties them', async () => {
    setViewport(390);
    const user = userEvent.setup();
    renderInAdmin(<Filters />, { url: '/list?state=draft&q=thu%E1%BA%BF&page=2&sort=title:asc' });
    const toggle = screen.getByRole('button', { name: 'Bộ lọc (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('searchbox', { name: 'Tìm kiếm' })).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByRole('searchbox', { name: 'Tìm kiếm' }) as HTMLInputElement).value).toBe('thuế');

    await user.click(screen.getByRole('button', { name: 'Xóa lọc' }));
    expect(screen.getByRole('button', { name: 'Bộ lọc (0)' })).toBeTruthy();
    expect(url().has('state') || url().has('q') || url().has('page')).toBe(false);
    // What is not a filter stays.
    expect(url().get('sort')).toBe('title:asc');
    expect((screen.getByRole('searchbox', { name: 'Tìm kiếm' }) as HTMLInputElement).value).toBe('');
  });

  it('searches after a pause in typing, not on every key; Enter searches at once', async () => {
    setViewport(1440);
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderInAdmin(<Filters />);
    const search = screen.getByRole('searchbox', { name: 'Tìm kiếm' });
    await user.type(search, 'thuế');
    expect(url().has('q')).toBe(false);
    act(() => jest.advanceTimersByTime(400));
    expect(url().get('q')).toBe('thuế');

    await user.type(search, ' đất{Enter}');
    expect(url().get('q')).toBe('thuế đất');
  });
});
