import * as React from 'react';
import {
  Box,
  Checkbox,
  EmptyStateLayout,
  Field,
  Flex,
  LinkButton,
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
  Link,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useDates } from '../../../../../admin/shared/common';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID } from '../../../server/src/permissions';
import { problemOf, useApi, type Pagination as PageInfo, type SubmissionSummary } from '../api';
import { useOptions } from '../components/OptionsContext';
import { StateBadge } from '../components/StateBadge';
import { tm, useT } from '../i18n';
import { isState, KIND_LABELS, personName, STATE_LABELS, SUBMISSION_STATES } from '../labels';

interface ListQuery {
  unit?: string;
  state?: string;
  planTask?: string;
  assignee?: string;
  queue?: string;
  page?: string;
  pageSize?: string;
}

const shorten = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Today in the browser, as YYYY-MM-DD. */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

type FilterName = 'unit' | 'state' | 'planTask' | 'assignee';

/** The submissions this user may see, with filters, the IT Center's review queue, and pagination. */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const dates = useDates();
  const { toggleNotification } = useNotification();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const [results, setResults] = React.useState<SubmissionSummary[] | null>(null);
  const [pagination, setPagination] = React.useState<PageInfo | null>(null);
  const [loading, setLoading] = React.useState(true);

  const queue = options.access.canReview && query.queue === 'true';
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 20;
  const { unit, state, planTask, assignee } = query;

  React.useEffect(() => {
    let active = true;
    setLoading(true);
    api
      .listSubmissions({ unit, state, planTask, assignee, queue, page, pageSize })
      .then(
        (loaded) => {
          if (!active) return;
          setResults(loaded.results);
          setPagination(loaded.pagination);
        },
        (error: unknown) => {
          const problem = problemOf(error);
          if (!active || problem.aborted) return;
          setResults((previous) => previous ?? []);
          toggleNotification({
            type: 'danger',
            message: Object.values(problem.fields)[0] ?? problem.message,
          });
        }
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [api, unit, state, planTask, assignee, queue, page, pageSize, toggleNotification]);

  const setFilter = (name: FilterName | 'queue', value: string | undefined) =>
    setQuery({ ...query, [name]: value || undefined, page: '1' });

  const labels: Record<FilterName, string> = {
    unit: t('field.unit', 'Đơn vị'),
    state: t('list.filter.state', 'Trạng thái'),
    planTask: t('list.filter.planTask', 'Nhiệm vụ'),
    assignee: t('list.filter.assignee', 'Người phụ trách'),
  };

  const filterSelect = (
    name: FilterName,
    choices: { value: string; label: string }[],
    placeholder: string
  ) => (
    <Box minWidth="200px" maxWidth="320px">
      <Field.Root name={`filter-${name}`} id={`${PLUGIN_ID}-filter-${name}`}>
        <Field.Label>{labels[name]}</Field.Label>
        <SingleSelect
          size="S"
          value={query[name] ?? null}
          placeholder={placeholder}
          onChange={(value) => setFilter(name, String(value))}
          onClear={() => setFilter(name, undefined)}
          clearLabel={t('list.filter.clear', 'Bỏ lọc {name}', { name: labels[name] })}
        >
          {choices.map((choice) => (
            <SingleSelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );

  const overdue = (submission: SubmissionSummary) =>
    submission.dueDate !== null &&
    ['submitted', 'in_review'].includes(submission.state) &&
    submission.dueDate.slice(0, 10) < today();

  const title = t('plugin.name', 'Tin bài đơn vị gửi');

  if (results === null) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={pagination ? t('list.count', '{total} tin bài', { total: pagination.total }) : undefined}
        primaryAction={
          options.access.canSubmit ? (
            <LinkButton
              tag={NavLink}
              to={`/plugins/${PLUGIN_ID}/submissions/new`}
              startIcon={<Plus />}
              data-testid="submissions-new"
            >
              {t('list.new', 'Tạo tin bài')}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={3} wrap="wrap" alignItems="flex-end">
            {options.units.length > 1 &&
              filterSelect(
                'unit',
                options.units.map((u) => ({ value: String(u.id), label: u.name })),
                t('list.filter.allUnits', 'Tất cả đơn vị')
              )}
            {filterSelect(
              'state',
              SUBMISSION_STATES.map((s) => ({ value: s, label: tm(t, STATE_LABELS[s]) })),
              t('list.filter.allStates', 'Mọi trạng thái')
            )}
            {options.planTasks.length > 0 &&
              filterSelect(
                'planTask',
                options.planTasks.map((task) => ({
                  value: task.documentId,
                  label: shorten(`${task.code} — ${task.content}`),
                })),
                t('list.filter.allTasks', 'Mọi nhiệm vụ')
              )}
            {options.reviewers.length > 0 &&
              filterSelect(
                'assignee',
                options.reviewers.map((r) => ({ value: String(r.id), label: personName(r) })),
                t('list.filter.anyone', 'Bất kỳ ai')
              )}
            {options.access.canReview && (
              <Box paddingBottom={2}>
                <Checkbox
                  checked={queue}
                  onCheckedChange={(checked) => setFilter('queue', checked === true ? 'true' : undefined)}
                  data-testid="submissions-queue"
                >
                  {t('list.queue', 'Hàng chờ biên tập (theo hạn xử lý)')}
                </Checkbox>
              </Box>
            )}
          </Flex>
        }
        endActions={loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined}
      />
      <Layouts.Content>
        {results.length === 0 ? (
          <EmptyStateLayout
            content={
              queue
                ? t('list.emptyQueue', 'Không có tin bài nào đang chờ biên tập.')
                : t('list.empty', 'Chưa có tin bài nào phù hợp.')
            }
            action={
              options.access.canSubmit && !queue ? (
                <LinkButton variant="secondary" tag={NavLink} to={`/plugins/${PLUGIN_ID}/submissions/new`}>
                  {t('list.new', 'Tạo tin bài')}
                </LinkButton>
              ) : undefined
            }
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={7} rowCount={results.length + 1} data-testid="submissions-table">
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('field.title', 'Tiêu đề')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('field.unit', 'Đơn vị')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('field.kind', 'Thể loại')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.filter.state', 'Trạng thái')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.column.dueDate', 'Hạn xử lý')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.filter.assignee', 'Người phụ trách')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.column.updatedAt', 'Cập nhật')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {results.map((submission) => (
                  <Tr key={submission.documentId} data-testid="submission-row">
                    <Td maxWidth="360px">
                      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/submissions/${submission.documentId}`}>
                        {shorten(submission.title, 90)}
                      </Link>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{submission.unit?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">
                        {KIND_LABELS[submission.kind] ? tm(t, KIND_LABELS[submission.kind]) : submission.kind}
                      </Typography>
                    </Td>
                    <Td>
                      {isState(submission.state) ? (
                        <StateBadge state={submission.state} />
                      ) : (
                        <Typography>{submission.state}</Typography>
                      )}
                    </Td>
                    <Td>
                      {submission.dueDate ? (
                        <Typography textColor={overdue(submission) ? 'danger600' : 'neutral800'}>
                          {dates.day(submission.dueDate)}
                          {overdue(submission) && ` (${t('list.overdue', 'quá hạn')})`}
                        </Typography>
                      ) : (
                        <Typography textColor="neutral600">—</Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">
                        {submission.assignee ? personName(submission.assignee) : '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">
                        <time dateTime={submission.updatedAt}>{dates.instant(submission.updatedAt)}</time>
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {pagination && (
              <Pagination.Root
                pageCount={pagination.pageCount}
                total={pagination.total}
                defaultPageSize={pagination.pageSize}
              >
                <Pagination.PageSize />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
