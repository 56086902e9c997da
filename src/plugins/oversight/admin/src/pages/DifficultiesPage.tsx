import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { FilterBar, ListPagination, useUrlFilters, PageShell } from '../../../../../admin/shared/kit';
import { useApi } from '../api';
import { useLoader } from '../../../../../admin/shared/common';
import { DifficultyDialog } from '../components/DifficultyDialog';
import { DifficultyList } from '../components/DifficultyList';
import { Nav } from '../components/Nav';
import { unitFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { useT } from '../i18n';
import { DIFFICULTY_STATES, difficultyStateLabel } from '../labels';

/**
 * The Office's list of difficulties reported by units: resolve them, or escalate them to the Director. The Office
 * also records one it found itself (in a check, say) for a unit.
 */
export const DifficultiesPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const filters = useUrlFilters(['state', 'unit'] as const, { pageSize: 10 });
  const { page, pageSize } = filters;
  const { state, unit } = filters.values;
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

  return (
    <PageShell
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
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <FilterBar
          filters={[
            {
              kind: 'select',
              name: 'state',
              label: t('field.state', 'Trạng thái'),
              options: DIFFICULTY_STATES.map((value) => ({ value, label: difficultyStateLabel(t, value) })),
            },
            unitFilter(t, options.units),
          ]}
          values={filters.values}
          onChange={filters.setFilter}
          onClear={filters.clearFilters}
        />
        <DifficultyList difficulties={list.data.results} actions onChanged={list.reload} />
        <ListPagination pagination={list.data.pagination} />
      </Flex>
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
    </PageShell>
  );
};
