import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  LinkButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Plus, Search } from '@strapi/icons';
import { Layouts, Page, Pagination, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useDates } from '../../../../../admin/shared/common';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID } from '../../../server/src/permissions';
import {
  kindLabel,
  problemOf,
  saveFile,
  useApi,
  type FeedbackRow,
  type ListFilters,
  type Pagination as PageInfo,
} from '../api';
import { DateField } from '../../../../../admin/shared/DateField';
import { useOptions } from '../components/OptionsContext';
import { StateBadge } from '../components/StateBadge';
import { useT } from '../i18n';
import { channelLabel, FEEDBACK_STATES, isState, stateLabel } from '../labels';

interface ListQuery {
  state?: string;
  kind?: string;
  unit?: string;
  procedure?: string;
  receivedFrom?: string;
  receivedTo?: string;
  overdue?: string;
  q?: string;
  page?: string;
  pageSize?: string;
}

type FilterName = Exclude<keyof ListQuery, 'page' | 'pageSize'>;

/** The table does not wrap by default; long subjects, kinds and unit names do, within their column. */
const WRAP: React.CSSProperties = { whiteSpace: 'normal' };

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The filters of the URL, as the API takes them. */
const filtersOf = (query: ListQuery): ListFilters => ({
  state: query.state || undefined,
  kind: query.kind || undefined,
  unit: query.unit || undefined,
  procedure: query.procedure?.trim() || undefined,
  receivedFrom: query.receivedFrom || undefined,
  receivedTo: query.receivedTo || undefined,
  overdue: query.overdue === 'true',
  q: query.q?.trim() || undefined,
});

/** The register: every feedback this user may see, with filters, deadlines, CSV export and pagination. */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { locale } = useIntl();
  const dates = useDates();
  const { toggleNotification } = useNotification();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const [results, setResults] = React.useState<FeedbackRow[] | null>(null);
  const [pagination, setPagination] = React.useState<PageInfo | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [exporting, setExporting] = React.useState(false);
  const [search, setSearch] = React.useState(query.q ?? '');
  const [procedure, setProcedure] = React.useState(query.procedure ?? '');

  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 20;
  const { state, kind, unit, receivedFrom, receivedTo, overdue, q } = query;
  const filters = React.useMemo(
    () => filtersOf({ state, kind, unit, procedure: query.procedure, receivedFrom, receivedTo, overdue, q }),
    [state, kind, unit, query.procedure, receivedFrom, receivedTo, overdue, q]
  );

  React.useEffect(() => setSearch(q ?? ''), [q]);
  React.useEffect(() => setProcedure(query.procedure ?? ''), [query.procedure]);

  React.useEffect(() => {
    let active = true;
    setLoading(true);
    api
      .listFeedbacks({ ...filters, page, pageSize })
      .then(
        (loaded) => {
          if (!active) return;
          setResults(loaded.results);
          setPagination(loaded.pagination);
        },
        (error: unknown) => {
          const problem = problemOf(error, locale);
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
  }, [api, filters, page, pageSize, locale, toggleNotification]);

  const setFilter = (name: FilterName, value: string | undefined) =>
    setQuery({ ...query, [name]: value || undefined, page: '1' });

  const applyText = (event?: React.FormEvent) => {
    event?.preventDefault();
    if ((query.q ?? '') === search.trim() && (query.procedure ?? '') === procedure.trim()) return;
    setQuery({
      ...query,
      q: search.trim() || undefined,
      procedure: procedure.trim() || undefined,
      page: '1',
    });
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      saveFile(await api.exportCsv(filters), 'so-tiep-nhan-pakn.csv');
    } catch (error) {
      const problem = problemOf(error, locale);
      if (!problem.aborted) {
        toggleNotification({
          type: 'danger',
          message: t('list.export.failed', 'Không xuất được tệp CSV (mã lỗi {status}).', {
            status: problem.status ?? '—',
          }),
        });
      }
    } finally {
      setExporting(false);
    }
  };

  const labels: Record<'state' | 'kind' | 'unit', string> = {
    state: t('field.state', 'Trạng thái'),
    kind: t('field.kind', 'Loại phản ánh, kiến nghị'),
    unit: t('field.handlingUnit', 'Đơn vị xử lý'),
  };

  const filterSelect = (
    name: 'state' | 'kind' | 'unit',
    choices: { value: string; label: string }[],
    placeholder: string
  ) => (
    <Box minWidth="200px" maxWidth="300px">
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

  const dateFilter = (name: 'receivedFrom' | 'receivedTo', label: string) => (
    <Box maxWidth="180px">
      <DateField
        t={t}
        size="S"
        name={`filter-${name}`}
        id={`${PLUGIN_ID}-filter-${name}`}
        label={label}
        testId={`filter-${name}`}
        value={query[name]}
        onChange={(day) => setFilter(name, day ?? undefined)}
      />
    </Box>
  );

  const states = options.states.filter(isState);
  const title = t('plugin.name', 'Sổ tiếp nhận PAKN');
  const newPath = `/plugins/${PLUGIN_ID}/feedbacks/new`;

  if (results === null) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

  const day = dates.day;

  const daysLeft = (row: FeedbackRow) => {
    if (row.daysLeft === null) return <Typography textColor="neutral600">—</Typography>;
    if (row.daysLeft < 0)
      return (
        <Typography textColor="danger600" fontWeight="bold">
          {t('list.daysOverdue', 'Quá {days} ngày', { days: -row.daysLeft })}
        </Typography>
      );
    return (
      <Typography textColor={row.overdue ? 'danger600' : 'neutral800'}>
        {t('list.daysLeftValue', '{days} ngày', { days: row.daysLeft })}
      </Typography>
    );
  };

  const onTime = (row: FeedbackRow) =>
    row.onTime === null ? (
      <Typography textColor="neutral600">—</Typography>
    ) : row.onTime ? (
      <Badge variant="success">{t('deadline.onTime', 'Đúng hạn')}</Badge>
    ) : (
      <Badge variant="danger">{t('deadline.late', 'Trễ hạn')}</Badge>
    );

  const columns = [
    t('field.receivedAt', 'Ngày tiếp nhận'),
    t('field.subject', 'Tiêu đề'),
    labels.kind,
    t('field.channel', 'Kênh tiếp nhận'),
    labels.state,
    labels.unit,
    t('field.currentDueDate', 'Hạn xử lý'),
    t('list.column.daysLeft', 'Còn lại'),
    t('list.column.onTime', 'Đúng hạn'),
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination ? t('list.count', '{total} phản ánh, kiến nghị', { total: pagination.total }) : undefined
        }
        primaryAction={
          <Flex gap={2}>
            <Button
              variant="secondary"
              startIcon={<Download />}
              loading={exporting}
              onClick={exportCsv}
              data-testid="feedback-export"
            >
              {t('list.export', 'Xuất CSV')}
            </Button>
            {options.access.canHandle && (
              <LinkButton tag={NavLink} to={newPath} startIcon={<Plus />} data-testid="feedback-new">
                {t('list.new', 'Ghi nhận PAKN')}
              </LinkButton>
            )}
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Flex tag="form" gap={3} wrap="wrap" alignItems="flex-end" onSubmit={applyText} role="search">
              <Box minWidth="320px">
                <Field.Root name="filter-q" id={`${PLUGIN_ID}-filter-q`}>
                  <Field.Label>{t('list.filter.q', 'Tìm theo tiêu đề, nội dung')}</Field.Label>
                  <TextInput
                    size="S"
                    type="search"
                    startAction={<Search aria-hidden />}
                    data-testid="filter-q"
                    value={search}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
                    onBlur={() => applyText()}
                  />
                </Field.Root>
              </Box>
              <Box minWidth="240px">
                <Field.Root
                  name="filter-procedure"
                  id={`${PLUGIN_ID}-filter-procedure`}
                  hint={t('list.filter.procedure.hint', 'Mã tài liệu (documentId) của thủ tục hành chính')}
                >
                  <Field.Label>{t('field.procedure', 'Thủ tục hành chính')}</Field.Label>
                  <TextInput
                    size="S"
                    data-testid="filter-procedure"
                    value={procedure}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setProcedure(event.target.value)
                    }
                    onBlur={() => applyText()}
                  />
                </Field.Root>
              </Box>
              <Button type="submit" variant="tertiary" size="S" data-testid="filter-apply">
                {t('list.filter.apply', 'Tìm')}
              </Button>
            </Flex>
            <Flex gap={3} wrap="wrap" alignItems="flex-end">
              {filterSelect(
                'state',
                (states.length ? states : FEEDBACK_STATES).map((s) => ({
                  value: s,
                  label: stateLabel(t, s),
                })),
                t('list.filter.allStates', 'Mọi trạng thái')
              )}
              {filterSelect(
                'kind',
                options.kinds.map((k) => ({
                  value: k.value,
                  label: kindLabel(options.kinds, k.value, locale),
                })),
                t('list.filter.allKinds', 'Mọi loại')
              )}
              {options.units.length > 1 &&
                filterSelect(
                  'unit',
                  options.units.map((u) => ({ value: String(u.id), label: u.name })),
                  t('list.filter.allUnits', 'Tất cả đơn vị')
                )}
              {dateFilter('receivedFrom', t('list.filter.receivedFrom', 'Tiếp nhận từ ngày'))}
              {dateFilter('receivedTo', t('list.filter.receivedTo', 'Đến ngày'))}
              <Box paddingBottom={2}>
                <Checkbox
                  checked={query.overdue === 'true'}
                  onCheckedChange={(checked) => setFilter('overdue', checked === true ? 'true' : undefined)}
                  data-testid="filter-overdue"
                >
                  {t('list.filter.overdue', 'Chỉ phản ánh quá hạn')}
                </Checkbox>
              </Box>
            </Flex>
          </Flex>
        }
        endActions={loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined}
      />
      <Layouts.Content>
        {results.length === 0 ? (
          <EmptyStateLayout
            content={t('list.empty', 'Không có phản ánh, kiến nghị nào phù hợp.')}
            action={
              options.access.canHandle ? (
                <LinkButton variant="secondary" tag={NavLink} to={newPath}>
                  {t('list.new', 'Ghi nhận PAKN')}
                </LinkButton>
              ) : undefined
            }
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={columns.length} rowCount={results.length + 1} data-testid="feedback-table">
              <Thead>
                <Tr>
                  {columns.map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{column}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {results.map((row, index) => (
                  <Tr
                    // The index too: a repeated row must never leave a stale one behind when the page changes.
                    key={`${row.documentId}-${index}`}
                    data-testid="feedback-row"
                    data-overdue={row.overdue ? 'true' : 'false'}
                    background={row.overdue ? 'danger100' : undefined}
                  >
                    <Td>
                      <Typography textColor="neutral800">
                        <time dateTime={row.receivedAt}>{dates.instant(row.receivedAt)}</time>
                      </Typography>
                    </Td>
                    <Td minWidth="240px" maxWidth="340px" style={WRAP}>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/feedbacks/${row.documentId}`}>
                          {shorten(row.subject)}
                        </Link>
                        {row.overdue && (
                          <Badge variant="danger" data-testid="feedback-overdue">
                            {t('deadline.overdue', 'Quá hạn')}
                          </Badge>
                        )}
                      </Flex>
                    </Td>
                    <Td minWidth="160px" maxWidth="220px" style={WRAP}>
                      <Typography textColor="neutral800">
                        {kindLabel(options.kinds, row.kind, locale)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{channelLabel(t, row.channel)}</Typography>
                    </Td>
                    <Td>
                      {isState(row.state) ? (
                        <StateBadge state={row.state} />
                      ) : (
                        <Typography>{row.state}</Typography>
                      )}
                    </Td>
                    <Td minWidth="140px" maxWidth="220px" style={WRAP}>
                      <Typography textColor="neutral800">{row.handlingUnit?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor={row.overdue ? 'danger600' : 'neutral800'}>
                        {row.currentDueDate ? day(row.currentDueDate) : '—'}
                      </Typography>
                    </Td>
                    <Td>{daysLeft(row)}</Td>
                    <Td>{onTime(row)}</Td>
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
