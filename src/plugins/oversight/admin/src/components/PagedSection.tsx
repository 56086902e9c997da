import * as React from 'react';
import { useLoader, type Pagination } from '#admin/shared/common';
import { Pager } from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';

/** A list of the unit's page, five at a time, in a section of its own. */
export function usePaged<T>(load: (page: number) => Promise<Page<T>>, unitId: string) {
  const [page, setPage] = React.useState(1);
  const loaded = useLoader(() => load(page), [unitId, page]);
  return { ...loaded, setPage };
}

interface Page<T> {
  results: T[];
  pagination: Pagination;
}

/** The section of one of the unit's lists: the page loaded, then its pager. */
export function PagedSection<T>({
  paged,
  children,
  ...section
}: {
  title: string;
  testId: string;
  action?: React.ReactNode;
  paged: ReturnType<typeof usePaged<T>>;
  children: (results: T[]) => React.ReactNode;
}) {
  return (
    <Section {...section}>
      {paged.data && (
        <>
          {children(paged.data.results)}
          <Pager pagination={paged.data.pagination} onPage={paged.setPage} />
        </>
      )}
    </Section>
  );
}
