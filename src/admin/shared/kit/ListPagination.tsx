import { Pagination } from '@strapi/strapi/admin';
import type { Pagination as PageInfo } from '../common';

export interface ListPaginationProps {
  pagination: PageInfo | null | undefined;
}

/**
 * The pages under a list: Strapi's page size and page links, which read and write `page` and `pageSize` in the URL
 * (the parameters useUrlFilters keeps); nothing under an empty list.
 */
export function ListPagination({ pagination }: ListPaginationProps) {
  if (!pagination || pagination.total === 0) return null;
  return (
    <Pagination.Root
      pageCount={pagination.pageCount}
      total={pagination.total}
      defaultPageSize={pagination.pageSize}
    >
      <Pagination.PageSize />
      <Pagination.Links />
    </Pagination.Root>
  );
}
