import * as React from 'react';
import { Box, Button, Field, Flex, Loader, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { useApi } from '../api';
import { useLoader } from '../components/common';
import { InspectionDialog, InspectionList } from '../components/Inspections';
import { Nav } from '../components/Nav';
import { useOptions } from '../components/OptionsContext';
import { useTestIdRef } from '../components/testId';
import { useT } from '../i18n';

interface InspectionsQuery {
  unit?: string;
  page?: string;
  pageSize?: string;
}

/** Checks of the units (kiểm tra): the Office records them; the Director and the IT Center read them. */
export const InspectionsPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const unitRef = useTestIdRef('filter-unit');
  const [{ query }, setQuery] = useQueryParams<InspectionsQuery>();
  const [recording, setRecording] = React.useState(false);
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 10;
  const { unit } = query;
  const list = useLoader(() => api.listInspections({ unit, page, pageSize }), [api, unit, page, pageSize]);

  const title = t('inspections.title', 'Kiểm tra việc thực hiện kế hoạch');
  if (!list.data) {
    if (list.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }
  const unitLabel = t('field.unit', 'Đơn vị');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('inspections.count', '{total} lần kiểm tra', { total: list.data.pagination.total })}
        primaryAction={
          options.access.canManage ? (
            <Button startIcon={<Plus />} onClick={() => setRecording(true)} data-testid="inspection-new">
              {t('inspection.record', 'Ghi nhận kiểm tra')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Nav />
            <Box minWidth="260px" maxWidth="360px">
              <Field.Root name="filter-unit" id="oversight-inspections-unit">
                <Field.Label>{unitLabel}</Field.Label>
                <SingleSelect
                  ref={unitRef}
                  size="S"
                  value={unit ?? null}
                  placeholder={t('filter.allUnits', 'Tất cả đơn vị')}
                  onChange={(value) => setQuery({ unit: String(value), page: '1' })}
                  onClear={() => setQuery({ unit: undefined, page: '1' })}
                  clearLabel={t('filter.clear', 'Bỏ lọc {name}', { name: unitLabel })}
                >
                  {options.units.map((candidate) => (
                    <SingleSelectOption key={candidate.id} value={String(candidate.id)}>
                      {candidate.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>
        }
        endActions={list.loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <InspectionList inspections={list.data.results} showUnit />
          <Pagination.Root
            pageCount={list.data.pagination.pageCount}
            total={list.data.pagination.total}
            defaultPageSize={list.data.pagination.pageSize}
          >
            <Pagination.PageSize />
            <Pagination.Links />
          </Pagination.Root>
        </Flex>
      </Layouts.Content>
      <InspectionDialog
        open={recording}
        units={options.units}
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          list.reload();
        }}
      />
    </Page.Main>
  );
};
