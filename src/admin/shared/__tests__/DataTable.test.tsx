import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@strapi/design-system';
import { DataTable, sortRows, type Column, type Sort } from '../kit/DataTable';
import { renderInAdmin, setViewport } from './render';

interface Row {
  id: string;
  title: string;
  year: number;
}

const ROWS: Row[] = [
  { id: 'a', title: 'Báo cáo năm 2021', year: 2021 },
  { id: 'b', title: 'Báo cáo năm 2023', year: 2023 },
  { id: 'c', title: 'Ánh sáng', year: 2022 },
];

const COLUMNS: Column<Row>[] = [
  {
    key: 'title',
    header: 'Tiêu đề',
    cell: (row) => row.title,
    sortable: true,
    sortValue: (row) => row.title,
  },
  { key: 'year', header: 'Năm', cell: (row) => String(row.year), sortValue: (row) => row.year },
];

type Props = Partial<React.ComponentProps<typeof DataTable<Row>>>;

/** The table of ROWS with an action per row; `update` renders it again with other props. */
const table = (props: Props = {}) => {
  const element = (more: Props) => (
    <DataTable<Row>
      rows={ROWS}
      columns={COLUMNS}
      rowKey={(row) => row.id}
      label="Báo cáo"
      actions={(row) => <Button onClick={() => undefined}>Mở {row.title}</Button>}
      {...props}
      {...more}
    />
  );
  const view = renderInAdmin(element({}));
  return { update: (more: Props) => view.rerender(element(more)) };
};

describe('DataTable', () => {
  beforeEach(() => setViewport(1440));

  it('is a table on wide screens, with the row actions in a last column', () => {
    table();
    const grid = screen.getByRole('grid', { name: 'Báo cáo' });
    expect(within(grid).getAllByRole('row')).toHaveLength(ROWS.length + 1);
    expect(within(grid).getByRole('columnheader', { name: 'Thao tác' })).toBeTruthy();
    expect(within(grid).getByRole('button', { name: 'Mở Ánh sáng' })).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('opens a full-width detail line under the rows that have one', () => {
    const detail = (row: Row) => (row.id === 'b' ? `Chi tiết ${row.title}` : null);
    table({ detail, detailTestId: 'row-detail', rowData: (row) => ({ id: row.id }) });
    const line = screen.getByTestId('row-detail');
    expect(line.dataset.id).toBe('b');
    expect(line.textContent).toBe('Chi tiết Báo cáo năm 2023');
    expect(within(screen.getByRole('grid')).getAllByRole('row')).toHaveLength(ROWS.length + 2);
  });

  it('sorts from its headers: a new column ascending, the sorted one the other way round', async () => {
    const onSort = jest.fn();
    const user = userEvent.setup();
    const { update } = table({ sort: null, onSort });
    // Only sortable columns have a button.
    expect(screen.queryByRole('button', { name: 'Năm' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tiêu đề' }));
    expect(onSort).toHaveBeenLastCalledWith({ key: 'title', direction: 'asc' });

    update({ sort: { key: 'title', direction: 'asc' } });
    expect(screen.getByRole('columnheader', { name: 'Tiêu đề' }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Tiêu đề' }));
    expect(onSort).toHaveBeenLastCalledWith({ key: 'title', direction: 'desc' });
  });

  it('sorts in the browser by a column’s sortValue, Vietnamese order, either way', () => {
    const titles = (sort: Sort) => sortRows(ROWS, COLUMNS, sort).map((row) => row.id);
    expect(titles({ key: 'title', direction: 'asc' })).toEqual(['c', 'a', 'b']);
    expect(titles({ key: 'year', direction: 'desc' })).toEqual(['b', 'c', 'a']);
  });

  it('selects rows one by one and all of the page at once', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup();
    const selection = { selected: ['x-other-page'], onChange, rowLabel: (row: Row) => row.title };
    const { update } = table({ selection });
    await user.click(screen.getByRole('checkbox', { name: 'Chọn Ánh sáng' }));
    expect(onChange).toHaveBeenLastCalledWith(['x-other-page', 'c']);
    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả trên trang này' }));
    expect(onChange).toHaveBeenLastCalledWith(['x-other-page', 'a', 'b', 'c']);

    update({ selection: { ...selection, selected: ['x-other-page', 'a', 'b', 'c'] } });
    expect(screen.getByText('Đã chọn 4')).toBeTruthy();
    // All of this page selected: the header checkbox unselects this page only.
    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả trên trang này' }));
    expect(onChange).toHaveBeenLastCalledWith(['x-other-page']);
  });

  it('at 390 px shows each row as a card of label: value lines with its actions as buttons', () => {
    setViewport(390);
    table({ rowTestId: 'row', rowData: (row) => ({ year: row.year }) });
    expect(screen.queryByRole('grid')).toBeNull();
    const cards = within(screen.getByRole('list', { name: 'Báo cáo' })).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    const [first] = cards;
    expect(first.getAttribute('data-year')).toBe('2021');
    expect(
      within(first)
        .getAllByRole('term')
        .map((term) => term.textContent)
    ).toEqual(['Tiêu đề', 'Năm']);
    expect(within(first).getAllByRole('definition')[0].textContent).toBe('Báo cáo năm 2021');
    expect(within(first).getByRole('button', { name: 'Mở Báo cáo năm 2021' })).toBeTruthy();
  });

  it('says when there is nothing, and shows a loader while nothing is there yet', () => {
    const { update } = table({ rows: [], empty: 'Chưa có báo cáo nào.', testId: 'reports' });
    expect(screen.getByTestId('reports-empty').textContent).toContain('Chưa có báo cáo nào.');
    update({ loading: true });
    expect(screen.getByTestId('reports-loading').textContent).toContain('Đang tải…');
    expect(screen.queryByTestId('reports-empty')).toBeNull();
  });
});
