import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Pencil, Plus, WarningCircle } from '@strapi/icons';
import { DataTable, sortRows, useUrlFilters, type Column, PageShell } from '#admin/shared/kit';
import { useApi, type TaskRow, type UnitRef } from '../api';
import { PageLoading, useDates, useLoader } from '#admin/shared/common';
import { DifficultyDialog } from '../components/DifficultyDialog';
import { DifficultyList } from '../components/DifficultyList';
import { Nav } from '../components/Nav';
import { YearFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { ReminderList } from '../components/ReminderList';
import { TaskReportDialog } from '../components/TaskReportDialog';
import { taskColumns } from '../components/taskColumns';
import { useT } from '../i18n';
import { Section } from '#admin/shared/Section';

/** A unit editor's page: their units' tasks and reports, the reminders they received, their difficulties. */
export const MyPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const dates = useDates();
  const { values, setFilter, clearFilters, sort, setSort } = useUrlFilters(['year'] as const);
  const my = useLoader(() => api.getMy(), [api]);
  const years = React.useMemo(() => {
    const current = new Date().getFullYear();
    return Array.from(new Set([...options.years, current])).sort((a, b) => b - a);
  }, [options.years]);
  // The latest plan's year unless the user picks another: /my lists only this year's and last year's plans.
  const year = Number(values.year) || options.years[0] || years[0];
  const [reporting, setReporting] = React.useState<TaskRow | null>(null);
  const [difficulty, setDifficulty] = React.useState<{ task: TaskRow | null } | null>(null);

  const units = React.useMemo<UnitRef[]>(
    () => (my.data?.units?.length ? my.data.units : options.units),
    [my.data, options.units]
  );
  const unitIds = units.map((unit) => unit.id).join(',');
  /** The tasks of the year's plan, unit by unit, through the drill-down every unit editor may read for their units. */
  const yearTasks = useLoader(async () => {
    const all: TaskRow[] = [];
    for (const unit of units) {
      for (let page = 1; ; page++) {
        const loaded = await api.listTasks(unit.id, { year, page, pageSize: 100 });
        all.push(...loaded.results.map((task) => ({ ...task, unit })));
        if (page >= loaded.pagination.pageCount) break;
      }
    }
    return all;
  }, [api, unitIds, year]);

  const title = t('my.title', 'Việc của đơn vị');
  if (!my.data) return <PageLoading failed={my.failed} t={t} />;
  const { reminders, difficulties } = my.data;
  const tasks = yearTasks.data ?? [];
  const multipleUnits = units.length > 1;

  const columns: Column<TaskRow>[] = taskColumns(t, dates);
  if (multipleUnits)
    columns.splice(2, 0, {
      key: 'unit',
      header: t('field.unit', 'Đơn vị'),
      sortable: true,
      sortValue: (row) => row.unit?.name,
      cell: (row) => <Typography>{row.unit?.name ?? '—'}</Typography>,
    });

  return (
    <PageShell
      title={title}
      subtitle={units.map((unit) => unit.name).join(', ')}
      primaryAction={
        <Button
          startIcon={<Plus />}
          onClick={() => setDifficulty({ task: null })}
          disabled={units.length === 0}
          data-testid="difficulty-new"
        >
          {t('difficulty.report', 'Báo cáo khó khăn, vướng mắc')}
        </Button>
      }
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Section title={t('my.tasks', 'Nhiệm vụ được giao năm {year}', { year })} testId="my-tasks">
          <Flex direction="column" alignItems="stretch" gap={4}>
            <YearFilter
              value={values.year}
              years={years}
              year={year}
              onChange={setFilter}
              onClear={clearFilters}
              testId="my-filters"
            />
            <DataTable
              rows={sortRows(tasks, columns, sort)}
              columns={columns}
              rowKey={(row) => row.documentId}
              label={t('my.tasks', 'Nhiệm vụ được giao năm {year}', { year })}
              sort={sort}
              onSort={setSort}
              loading={yearTasks.loading || my.loading}
              empty={t('my.noTasks', 'Đơn vị chưa được giao nhiệm vụ nào.')}
              highlight={(row) => row.status === 'overdue'}
              rowData={(row) => ({ code: row.code, status: row.status })}
              testId="my-tasks-table"
              rowTestId="my-task-row"
              actions={(task) => (
                <>
                  <Button
                    size="S"
                    variant="secondary"
                    startIcon={<Pencil />}
                    onClick={() => setReporting(task)}
                    data-testid="task-report"
                  >
                    {t('taskReport.title', 'Báo cáo kết quả')}
                  </Button>
                  <Button
                    size="S"
                    variant="tertiary"
                    startIcon={<WarningCircle />}
                    onClick={() => setDifficulty({ task })}
                    data-testid="task-difficulty"
                  >
                    {t('my.taskDifficulty', 'Khó khăn')}
                  </Button>
                </>
              )}
            />
          </Flex>
        </Section>
        <Section title={t('my.reminders', 'Đôn đốc đã nhận')} testId="my-reminders">
          <ReminderList reminders={reminders} showUnit={multipleUnits} />
        </Section>
        <Section title={t('my.difficulties', 'Khó khăn, vướng mắc đã báo cáo')} testId="my-difficulties">
          <DifficultyList difficulties={difficulties} showUnit={multipleUnits} />
        </Section>
      </Flex>
      <TaskReportDialog
        task={reporting}
        onClose={() => setReporting(null)}
        onDone={() => {
          setReporting(null);
          yearTasks.reload();
        }}
      />
      <DifficultyDialog
        open={difficulty !== null}
        task={difficulty?.task ?? null}
        units={units}
        tasks={tasks}
        onClose={() => setDifficulty(null)}
        onDone={() => {
          setDifficulty(null);
          my.reload();
          yearTasks.reload();
        }}
      />
    </PageShell>
  );
};
