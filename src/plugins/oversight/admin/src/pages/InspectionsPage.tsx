import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { FilterBar, ListPagination, useUrlFilters, PageShell } from '../../../../../admin/shared/kit';
import { useApi } from '../api';
import { useLoader } from '../../../../../admin/shared/common';
import { InspectionDialog, InspectionList } from '../components/Inspections';
import { Nav } from '../components/Nav';
import { unitFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { useT } from '../i18n';

/** Checks of the units (kiểm tra): the Office records them; the Director and the IT Center read them. */
export const InspectionsPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const filters = useUrlFilters(['unit'] as const, { pageSize: 10 });
  const [recording, setRecording] = React.useState(false);
  const { page, pageSize } = filters;
  const { unit } = filters.values;
  const list = useLoader(() => api.listInspections({ unit, page, pageSize }), [api, unit, page, pageSize]);

  const title = t('inspections.title', 'Kiểm tra việc thực hiện kế hoạch');
  if (!list.data) {
    if (list.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }

  return (
    <PageShell
      title={title}
      subtitle={t('inspections.count', '{total} lần kiểm tra', { total: list.data.pagination.total })}
      primaryAction={
        options.access.canManage ? (
          <Button startIcon={<Plus />} onClick={() => setRecording(true)} data-testid="inspection-new">
            {t('inspection.record', 'Ghi nhận kiểm tra')}
          </Button>
        ) : undefined
      }
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <FilterBar
          filters={[unitFilter(t, options.units)]}
          values={filters.values}
          onChange={filters.setFilter}
          onClear={filters.clearFilters}
        />
        <InspectionList inspections={list.data.results} showUnit />
        <ListPagination pagination={list.data.pagination} />
      </Flex>
      <InspectionDialog
        open={recording}
        units={options.units}
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          list.reload();
        }}
      />
    </PageShell>
  );
};
