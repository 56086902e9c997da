import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Plus, WarningCircle } from '@strapi/icons';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useApi, type TaskRow, type UnitRef } from '../api';
import { Empty, shorten, useDates, useLoader, WRAP } from '../components/common';
import { DifficultyDialog } from '../components/DifficultyDialog';
import { DifficultyList } from '../components/DifficultyList';
import { Nav } from '../components/Nav';
import { useOptions } from '../components/OptionsContext';
import { ReminderList } from '../components/ReminderList';
import { TaskReportDialog } from '../components/TaskReportDialog';
import { useTestIdRef } from '../components/testId';
import { useT } from '../i18n';
import { isTaskStatus, TASK_STATUS_VARIANTS, taskStatusLabel } from '../labels';
import { Section } from '../../../../../admin/shared/Section';

/** A unit editor's page: their units' tasks and reports, the reminders they received, their difficulties. */
export const MyPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { day, instant } = useDates();
  const yearRef = useTestIdRef('my-year');
  const [{ query }, setQuery] = useQueryParams<{ year?: string }>();
  const my = useLoader(() => api.getMy(), [api]);
  const years = React.useMemo(() => {
    const current = new Date().getFullYear();
    return Array.from(new Set([...options.years, current])).sort((a, b) => b - a);
  }, [options.years]);
  // The latest plan's year unless the user picks another: /my lists only this year's and last year's plans.
  const year = Number(query.year) || options.years[0] || years[0];
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
  if (!my.data) {
    if (my.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }
  const { reminders, difficulties } = my.data;
  const tasks = yearTasks.data ?? [];
  const multipleUnits = units.length > 1;

  const labels = [
    t('task.code', 'Mã'),
    t('task.content', 'Nhiệm vụ'),
    ...(multipleUnits ? [t('field.unit', 'Đơn vị')] : []),
    t('task.target', 'Chỉ tiêu'),
    t('task.dueDate', 'Thời hạn'),
    t('field.status', 'Trạng thái'),
    t('task.lastReport', 'Báo cáo gần nhất'),
    '',
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
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
      />
      <Layouts.Action
        startActions={
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="140px">
              <Field.Root name="year" id="oversight-my-year">
                <Field.Label>{t('dashboard.year', 'Năm')}</Field.Label>
                <SingleSelect
                  ref={yearRef}
                  size="S"
                  value={String(year)}
                  onChange={(value) => setQuery({ year: String(value) })}
                >
                  {years.map((candidate) => (
                    <SingleSelectOption key={candidate} value={String(candidate)}>
                      {String(candidate)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Nav />
          </Flex>
        }
        endActions={
          my.loading || yearTasks.loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={t('my.tasks', 'Nhiệm vụ được giao năm {year}', { year })} testId="my-tasks">
            {!yearTasks.data ? (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            ) : tasks.length === 0 ? (
              <Empty>{t('my.noTasks', 'Đơn vị chưa được giao nhiệm vụ nào.')}</Empty>
            ) : (
              <Table colCount={labels.length} rowCount={tasks.length + 1} data-testid="my-tasks-table">
                <Thead>
                  <Tr>
                    {labels.map((label, index) => (
                      <Th key={`${label}-${index}`}>
                        <Typography variant="sigma">{label}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {tasks.map((task) => (
                    <Tr
                      key={task.documentId}
                      data-testid="my-task-row"
                      data-code={task.code}
                      data-status={task.status}
                    >
                      <Td>
                        <Typography fontWeight="bold">{task.code ?? '—'}</Typography>
                      </Td>
                      <Td minWidth="260px" maxWidth="420px" style={WRAP}>
                        <Typography textColor="neutral800">{shorten(task.content, 200)}</Typography>
                      </Td>
                      {multipleUnits && (
                        <Td style={WRAP}>
                          <Typography>{task.unit?.name ?? '—'}</Typography>
                        </Td>
                      )}
                      <Td>
                        <Typography>{task.targetCount ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor={task.status === 'overdue' ? 'danger600' : 'neutral800'}>
                          {day(task.dueDate)}
                        </Typography>
                      </Td>
                      <Td>
                        {isTaskStatus(task.status) ? (
                          <Badge variant={TASK_STATUS_VARIANTS[task.status]} data-testid="task-status">
                            {taskStatusLabel(t, task.status)}
                          </Badge>
                        ) : (
                          <Typography>{task.status}</Typography>
                        )}
                      </Td>
                      <Td minWidth="200px" maxWidth="320px" style={WRAP}>
                        {task.lastReport ? (
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Typography variant="pi" textColor="neutral600">
                              {`${instant(task.lastReport.reportedAt)} · ${taskStatusLabel(t, task.lastReport.status)}`}
                            </Typography>
                            <Typography variant="pi">{shorten(task.lastReport.results, 160)}</Typography>
                          </Flex>
                        ) : (
                          <Typography variant="pi" textColor="neutral500">
                            {t('task.noReport', 'Chưa báo cáo')}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        <Flex gap={2}>
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
                        </Flex>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Section>
          <Section title={t('my.reminders', 'Đôn đốc đã nhận')} testId="my-reminders">
            <ReminderList reminders={reminders} showUnit={multipleUnits} />
          </Section>
          <Section title={t('my.difficulties', 'Khó khăn, vướng mắc đã báo cáo')} testId="my-difficulties">
            <DifficultyList difficulties={difficulties} showUnit={multipleUnits} />
          </Section>
        </Flex>
      </Layouts.Content>
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
    </Page.Main>
  );
};
