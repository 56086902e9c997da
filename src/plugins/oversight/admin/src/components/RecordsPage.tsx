import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { FilterBar, ListPagination, PageShell, useUrlFilters, type FilterDef } from '#admin/shared/kit';
import { PageLoading, type Pagination, useLoader } from '#admin/shared/common';
import { useT } from '../i18n';
import { Nav } from './Nav';
import { useOptions } from './OptionsContext';

interface RecordsPageProps<N extends string, T> {
  title: string;
  /** The subtitle, from the number of records. */
  count: (total: number) => string;
  /** The filters kept in the URL, and their bar. */
  filterNames: readonly N[];
  filters: FilterDef<N>[];
  /** A page of records for the filters. */
  load: (query: Record<N, string | undefined> & { page: number; pageSize: number }) => Promise<{
    results: T[];
    pagination: Pagination;
  }>;
  /** The list of a page's records; `reload` after one changed. */
  list: (results: T[], reload: () => void) => React.ReactNode;
  /** The Office's button that records one, and its dialog. */
  record: { label: string; testId: string };
  dialog: (props: { open: boolean; onClose: () => void; onDone: () => void }) => React.ReactNode;
}

/**
 * A list of the units' records the Office keeps (difficulties, checks): a page of them under the filters, ten at a
 * time, and the Office's button that records a new one.
 */
export function RecordsPage<N extends string, T>({
  title,
  count,
  filterNames,
  filters,
  load,
  list,
  record,
  dialog,
}: RecordsPageProps<N, T>) {
  const t = useT();
  const options = useOptions();
  const url = useUrlFilters(filterNames, { pageSize: 10 });
  const { values, page, pageSize } = url;
  const [recording, setRecording] = React.useState(false);
  const key = JSON.stringify(values);
  const loaded = useLoader(() => load({ ...values, page, pageSize }), [key, page, pageSize]);

  if (!loaded.data) return <PageLoading failed={loaded.failed} t={t} />;

  return (
    <PageShell
      title={title}
      subtitle={count(loaded.data.pagination.total)}
      primaryAction={
        options.access.canManage ? (
          <Button startIcon={<Plus />} onClick={() => setRecording(true)} data-testid={record.testId}>
            {record.label}
          </Button>
        ) : undefined
      }
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <FilterBar filters={filters} values={values} onChange={url.setFilter} onClear={url.clearFilters} />
        {list(loaded.data.results, loaded.reload)}
        <ListPagination pagination={loaded.data.pagination} />
      </Flex>
      {dialog({
        open: recording,
        onClose: () => setRecording(false),
        onDone: () => {
          setRecording(false);
          loaded.reload();
        },
      })}
    </PageShell>
  );
}
