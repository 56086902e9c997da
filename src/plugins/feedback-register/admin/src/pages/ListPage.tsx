import * as React from 'react';
import { Badge, Button, Flex, Link, LinkButton, Typography } from '@strapi/design-system';
import { Download, Eye, Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { dayOf, PageLoading, shorten, useDates, useLoader } from '#admin/shared/common';
import {
  type Column,
  DataTable,
  FilterBar,
  type FilterDef,
  ListPagination,
  sortParam,
  useUrlFilters,
  PageShell,
} from '#admin/shared/kit';
import { PLUGIN_ID } from '#feedback-register/permissions';
import { kindLabel, useApi, type FeedbackRow, type ListFilters } from '../api';
import { useOptions } from '../components/OptionsContext';
import { StateBadge } from '../components/StateBadge';
import { useT } from '../i18n';
import { channelLabel, FEEDBACK_STATES, isState, stateLabel } from '../labels';
import { useDownload } from '../useDownload';

/** The filters kept in the URL; the home widget links to `?state=…&overdue=true`. */
const FILTERS = ['q', 'state', 'kind', 'unit', 'procedure', 'receivedFrom', 'receivedTo', 'overdue'] as const;

const detailPath = (row: FeedbackRow) => `/plugins/${PLUGIN_ID}/feedbacks/${row.documentId}`;

/** The register: every feedback this user may see, with filters and sort in the URL, deadlines and CSV export. */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { locale } = useIntl();
  const dates = useDates();
  const url = useUrlFilters(FILTERS);
  const { values, page, pageSize } = url;
  const sort = sortParam(url.sort);
  const { busy, download } = useDownload();

  const filters: ListFilters = React.useMemo(
    () => ({ ...values, overdue: values.overdue === 'true' }),
    [values]
  );
  const list = useLoader(
    () => api.listFeedbacks({ ...filters, sort, page, pageSize }),
    [api, filters, sort, page, pageSize]
  );

  const exportCsv = () =>
    download(
      'csv',
      () => api.exportCsv(filters),
      'so-tiep-nhan-pakn.csv',
      (status) => t('list.export.failed', 'Không xuất được tệp CSV (mã lỗi {status}).', { status })
    );

  const title = t('plugin.name', 'Sổ tiếp nhận PAKN');
  if (!list.data) return <PageLoading failed={list.failed} t={t} />;
  const { results, pagination } = list.data;
  const states = options.states.filter(isState);
  const newFeedback = options.access.canHandle ? (
    <LinkButton
      tag={NavLink}
      to={`/plugins/${PLUGIN_ID}/feedbacks/new`}
      startIcon={<Plus />}
      data-testid="feedback-new"
    >
      {t('list.new', 'Ghi nhận PAKN')}
    </LinkButton>
  ) : undefined;

  const filterBar: FilterDef<(typeof FILTERS)[number]>[] = [
    { kind: 'search', name: 'q', label: t('list.filter.q', 'Tìm theo tiêu đề, nội dung') },
    {
      kind: 'select',
      name: 'state',
      label: t('field.state', 'Trạng thái'),
      placeholder: t('list.filter.allStates', 'Mọi trạng thái'),
      options: (states.length ? states : FEEDBACK_STATES).map((s) => ({ value: s, label: stateLabel(t, s) })),
    },
    {
      kind: 'select',
      name: 'kind',
      label: t('field.kind', 'Loại phản ánh, kiến nghị'),
      placeholder: t('list.filter.allKinds', 'Mọi loại'),
      options: options.kinds.map((k) => ({
        value: k.value,
        label: kindLabel(options.kinds, k.value, locale),
      })),
    },
    ...(options.units.length > 1
      ? [
          {
            kind: 'select' as const,
            name: 'unit' as const,
            label: t('field.handlingUnit', 'Đơn vị xử lý'),
            placeholder: t('list.filter.allUnits', 'Tất cả đơn vị'),
            options: options.units.map((u) => ({ value: String(u.id), label: u.name })),
          },
        ]
      : []),
    {
      kind: 'search',
      name: 'procedure',
      label: t('field.procedure', 'Thủ tục hành chính'),
      hint: t('list.filter.procedure.hint', 'Mã tài liệu (documentId) của thủ tục hành chính'),
    },
    { kind: 'date', name: 'receivedFrom', label: t('list.filter.receivedFrom', 'Tiếp nhận từ ngày') },
    {
      kind: 'date',
      name: 'receivedTo',
      label: t('list.filter.receivedTo', 'Đến ngày'),
      min: values.receivedFrom,
    },
    { kind: 'check', name: 'overdue', label: t('list.filter.overdue', 'Chỉ phản ánh quá hạn') },
  ];

  // Overdue is said once, in the deadline's cell: the row, the date and the state stay as they are.
  const deadline = (row: FeedbackRow) => {
    if (!row.currentDueDate) return <Typography textColor="neutral600">—</Typography>;
    const late = row.daysLeft !== null && row.daysLeft < 0 ? -row.daysLeft : null;
    return (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography textColor="neutral800">{dates.day(row.currentDueDate)}</Typography>
        {row.overdue ? (
          <Badge variant="danger" data-testid="feedback-overdue">
            {late
              ? t('list.overdueBy', 'Quá hạn {days} ngày', { days: late })
              : t('deadline.overdue', 'Quá hạn')}
          </Badge>
        ) : (
          row.daysLeft !== null && (
            <Typography variant="pi" textColor="neutral600">
              {t('list.daysLeft', 'Còn {days} ngày làm việc', { days: row.daysLeft })}
            </Typography>
          )
        )}
      </Flex>
    );
  };

  const columns: Column<FeedbackRow>[] = [
    {
      key: 'receivedAt',
      header: t('list.column.received', 'Tiếp nhận'),
      sortable: true,
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800">
            <time dateTime={row.receivedAt}>{dates.day(dayOf(new Date(row.receivedAt)))}</time>
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {channelLabel(t, row.channel)}
          </Typography>
        </Flex>
      ),
    },
    {
      key: 'subject',
      header: t('list.column.subject', 'Tiêu đề, loại'),
      sortable: true,
      minWidth: '220px',
      maxWidth: '360px',
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Link tag={NavLink} to={detailPath(row)}>
            {shorten(row.subject, 90)}
          </Link>
          <Typography variant="pi" textColor="neutral600">
            {kindLabel(options.kinds, row.kind, locale)}
          </Typography>
        </Flex>
      ),
    },
    {
      key: 'state',
      header: t('field.state', 'Trạng thái'),
      sortable: true,
      maxWidth: '170px',
      cell: (row) => (isState(row.state) ? <StateBadge state={row.state} /> : row.state),
    },
    {
      key: 'unit',
      header: t('field.handlingUnit', 'Đơn vị xử lý'),
      sortable: true,
      maxWidth: '200px',
      cell: (row) => <Typography textColor="neutral800">{row.handlingUnit?.name ?? '—'}</Typography>,
    },
    {
      key: 'dueDate',
      header: t('field.currentDueDate', 'Hạn xử lý'),
      sortable: true,
      cell: deadline,
    },
    {
      key: 'onTime',
      header: t('list.column.onTime', 'Đúng hạn'),
      cell: (row) =>
        row.onTime === null ? (
          <Typography textColor="neutral600">—</Typography>
        ) : row.onTime ? (
          <Badge variant="success">{t('deadline.onTime', 'Đúng hạn')}</Badge>
        ) : (
          <Badge variant="neutral">{t('deadline.late', 'Trễ hạn')}</Badge>
        ),
    },
  ];

  return (
    <PageShell
      title={title}
      subtitle={t('list.count', '{total} phản ánh, kiến nghị', { total: pagination.total })}
      primaryAction={
        <Flex gap={2} wrap="wrap">
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={busy !== null}
            onClick={exportCsv}
            data-testid="feedback-export"
          >
            {t('list.export', 'Xuất CSV')}
          </Button>
          {newFeedback}
        </Flex>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <FilterBar
          filters={filterBar}
          values={values}
          onChange={url.setFilter}
          onClear={url.clearFilters}
          testId="feedback-filters"
        />
        <DataTable
          rows={results}
          columns={columns}
          rowKey={(row) => row.documentId}
          label={title}
          sort={url.sort}
          onSort={url.setSort}
          loading={list.loading}
          empty={t('list.empty', 'Không có phản ánh, kiến nghị nào phù hợp.')}
          emptyAction={newFeedback}
          actions={(row) => (
            <LinkButton
              tag={NavLink}
              to={detailPath(row)}
              size="S"
              variant="secondary"
              startIcon={<Eye />}
              aria-label={t('list.open.label', 'Mở {subject}', { subject: shorten(row.subject, 60) })}
              data-testid="feedback-open"
            >
              {t('list.open', 'Mở')}
            </LinkButton>
          )}
          rowData={(row) => ({ state: row.state, overdue: row.overdue })}
          testId="feedback-table"
          rowTestId="feedback-row"
        />
        <ListPagination pagination={pagination} />
      </Flex>
    </PageShell>
  );
};
