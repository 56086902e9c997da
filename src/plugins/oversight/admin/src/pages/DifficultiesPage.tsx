import * as React from 'react';
import { Box, Button, Field, Flex, Loader, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { useApi } from '../api';
import { useLoader } from '../components/common';
import { DifficultyDialog } from '../components/DifficultyDialog';
import { DifficultyList } from '../components/DifficultyList';
import { Nav } from '../components/Nav';
import { useOptions } from '../components/OptionsContext';
import { useTestIdRef } from '../components/testId';
import { useT } from '../i18n';
import { DIFFICULTY_STATES, difficultyStateLabel } from '../labels';

interface DifficultiesQuery {
  state?: string;
  unit?: string;
  page?: string;
  pageSize?: string;
}

/**
 * The Office's list of difficulties reported by units: resolve them, or escalate them to the Director. The Office
 * also records one it found itself (in a check, say) for a unit.
 */
export const DifficultiesPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const stateRef = useTestIdRef('filter-state');
  const unitRef = useTestIdRef('filter-unit');
  const [{ query }, setQuery] = useQueryParams<DifficultiesQuery>();
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 10;
  const { state, unit } = query;
  const [recording, setRecording] = React.useState(false);
  const list = useLoader(
    () => api.listDifficulties({ state, unit, page, pageSize }),
    [api, state, unit, page, pageSize]
  );

  const title = t('difficulties.title', 'Khó khăn, vướng mắc của các đơn vị');
  if (!list.data) {
    if (list.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }

  const setFilter = (name: 'state' | 'unit', value: string | undefined) =>
    setQuery({ [name]: value || undefined, page: '1' });

  const stateLabel = t('field.state', 'Trạng thái');
  const unitLabel = t('field.unit', 'Đơn vị');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('difficulties.count', '{total} khó khăn, vướng mắc', {
          total: list.data.pagination.total,
        })}
        primaryAction={
          options.access.canManage ? (
            <Button startIcon={<Plus />} onClick={() => setRecording(true)} data-testid="difficulty-record">
              {t('difficulty.record', 'Ghi nhận khó khăn, vướng mắc của đơn vị')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Nav />
            <Flex gap={3} wrap="wrap" alignItems="flex-end">
              <Box minWidth="220px">
                <Field.Root name="filter-state" id="oversight-difficulties-state">
                  <Field.Label>{stateLabel}</Field.Label>
                  <SingleSelect
                    ref={stateRef}
                    size="S"
                    value={state ?? null}
                    placeholder={t('filter.all', 'Tất cả')}
                    onChange={(value) => setFilter('state', String(value))}
                    onClear={() => setFilter('state', undefined)}
                    clearLabel={t('filter.clear', 'Bỏ lọc {name}', { name: stateLabel })}
                  >
                    {DIFFICULTY_STATES.map((value) => (
                      <SingleSelectOption key={value} value={value}>
                        {difficultyStateLabel(t, value)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box minWidth="260px">
                <Field.Root name="filter-unit" id="oversight-difficulties-unit">
                  <Field.Label>{unitLabel}</Field.Label>
                  <SingleSelect
                    ref={unitRef}
                    size="S"
                    value={unit ?? null}
                    placeholder={t('filter.allUnits', 'Tất cả đơn vị')}
                    onChange={(value) => setFilter('unit', String(value))}
                    onClear={() => setFilter('unit', undefined)}
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
          </Flex>
        }
        endActions={list.loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <DifficultyList difficulties={list.data.results} actions onChanged={list.reload} />
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
      <DifficultyDialog
        open={recording}
        units={options.units}
        year={options.years[0]}
        recordedByOffice
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          list.reload();
        }}
      />
    </Page.Main>
  );
};
