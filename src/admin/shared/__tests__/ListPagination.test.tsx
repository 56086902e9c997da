import { screen } from '@testing-library/react';
import { ListPagination } from '../kit/ListPagination';
import { renderInAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapi-admin'));

describe('ListPagination', () => {
  it('gives Strapi’s page size and page links the list’s pages', () => {
    renderInAdmin(<ListPagination pagination={{ page: 1, pageSize: 20, pageCount: 3, total: 41 }} />);
    const nav = screen.getByTestId('pagination');
    expect(nav.dataset).toMatchObject({ pageCount: '3', total: '41', pageSize: '20' });
    expect(screen.getByLabelText('page size')).toBeTruthy();
    expect(screen.getByRole('link', { name: '2' })).toBeTruthy();
  });

  it('shows nothing under an empty list, or before the list is loaded', () => {
    renderInAdmin(<ListPagination pagination={{ page: 1, pageSize: 20, pageCount: 0, total: 0 }} />);
    renderInAdmin(<ListPagination pagination={null} />);
    expect(screen.queryByTestId('pagination')).toBeNull();
  });
});
