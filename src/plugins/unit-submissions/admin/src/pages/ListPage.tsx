import * as React from 'react';
import { Button, Flex, Link, LinkButton, Typography } from '@strapi/design-system';
import { ArrowRight, Check, Plus } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import { dayOf, PageLoading, shorten, useDates, useLoader } from '#admin/shared/common';
import {
  type Column,
  ConfirmDialog,
  DataTable,
  FilterBar,
  ListPagination,
  sortParam,
  useUrlFilters,
  PageShell,
} from '#admin/shared/kit';
import { PLUGIN_ID } from '#unit-submissions/permissions';
import { useApi, type BulkMove, type BulkResult, type SubmissionSummary } from '../api';
import { BulkResultAlert } from '../components/BulkResultAlert';
import { useOptions } from '../components/OptionsContext';
import { StateBadge } from '../components/StateBadge';
import { tm, useT } from '../i18n';
import { isKind, isState, KIND_LABELS, personName, STATE_LABELS, SUBMISSION_STATES } from '../labels';

const FILTERS = ['q', 'unit', 'state', 'planTask', 'assignee', 'queue'] as const;

const detailPath = (documentId: string) => `/plugins/${PLUGIN_ID}/submissions/${documentId}`;

/**
 * The submissions this user may see: searched, filtered and sorted (all in the URL), the IT Center's review queue, and
 * for the IT Center bulk claim and approval of the rows it selects.
 */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const dates = useDates();
  const { values, setFilter, clearFilters, page, pageSize, sort, setSort } = useUrlFilters(FILTERS);
  const { canReview, canSubmit } = options.access;
  const queue = canReview && values.queue === 'true';
  const { q, unit, state, planTask, assignee } = values;
  const sortKey = sortParam(sort);
  const list = useLoader(
    () => api.listSubmissions({ q, unit, state, planTask, assignee, queue, sort: sortKey, page, pageSize }),
    [api, q, unit, state, planTask, assignee, queue, sortKey, page, pageSize]
  );

  // The selection may span pages: what the rows said of each selected item is kept for the bulk move.
  const [selected, setSelected] = React.useState<string[]>([]);
  const seen = React.useRef(new Map<string, SubmissionSummary>());
  React.useEffect(() => {
    list.data?.results.forEach((row) => seen.current.set(row.documentId, row));
  }, [list.data]);
  const [confirming, setConfirming] = React.useState(false);
  const [claiming, setClaiming] = React.useState(false);
  const [outcome, setOutcome] = React.useState<{ move: BulkMove; results: BulkResult[] } | null>(null);

  const bulk = async (move: BulkMove) => {
    const ids = [...selected];
    const versions = Object.fromEntries(
      ids.flatMap((id) => {
        const version = seen.current.get(id)?.version;
        return version === undefined ? [] : [[id, version]];
      })
    );
    const results = await api.bulkTransition(move, ids, versions);
    setOutcome({ move, results });
    // What did not move stays selected, to be looked at or tried again.
    setSelected(results.filter((result) => !result.ok).map((result) => result.documentId));
    list.reload();
  };

  const claim = async () => {
    setClaiming(true);
    try {
      await bulk('claim');
    } finally {
      setClaiming(false);
    }
  };

  const title = t('plugin.name', 'Tin bài đơn vị gửi');
  if (!list.data) return <PageLoading failed={list.failed} t={t} />;
  const { results, pagination } = list.data;

  const today = dayOf(new Date());
  const overdue = (row: SubmissionSummary) =>
    row.dueDate !== null &&
    ['submitted', 'in_review'].includes(row.state) &&
    row.dueDate.slice(0, 10) < today;

  const columns: Column<SubmissionSummary>[] = [
    {
      key: 'title',
      header: t('field.title', 'Tiêu đề'),
      sortable: true,
      minWidth: '240px',
      maxWidth: '380px',
      cell: (row) => (
        <Link tag={NavLink} to={detailPath(row.documentId)}>
          {shorten(row.title, 120)}
        </Link>
      ),
    },
    {
      key: 'unit',
      header: t('field.unit', 'Đơn vị'),
      sortable: true,
      maxWidth: '200px',
      cell: (row) => <Typography textColor="neutral800">{row.unit?.name ?? '—'}</Typography>,
    },
    {
      key: 'kind',
      header: t('field.kind', 'Thể loại'),
      sortable: true,
      cell: (row) => (
        <Typography textColor="neutral800">
          {isKind(row.kind) ? tm(t, KIND_LABELS[row.kind]) : row.kind}
        </Typography>
      ),
    },
    {
      key: 'state',
      header: t('list.filter.state', 'Trạng thái'),
      sortable: true,
      // The badge keeps its label on one line.
      minWidth: '150px',
      cell: (row) =>
        isState(row.state) ? <StateBadge state={row.state} /> : <Typography>{row.state}</Typography>,
    },
    {
      key: 'dueDate',
      header: t('list.column.dueDate', 'Hạn xử lý'),
      sortable: true,
      cell: (row) =>
        row.dueDate ? (
          <Typography textColor={overdue(row) ? 'danger600' : 'neutral800'}>
            {dates.day(row.dueDate)}
            {overdue(row) && ` (${t('list.overdue', 'quá hạn')})`}
          </Typography>
        ) : (
          <Typography textColor="neutral600">—</Typography>
        ),
    },
    {
      key: 'assignee',
      header: t('list.filter.assignee', 'Người phụ trách'),
      sortable: true,
      cell: (row) => (
        <Typography textColor="neutral800">{row.assignee ? personName(row.assignee) : '—'}</Typography>
      ),
    },
    {
      key: 'updatedAt',
      header: t('list.column.updatedAt', 'Cập nhật'),
      sortable: true,
      cell: (row) => (
        <Typography textColor="neutral800">
          <time dateTime={row.updatedAt}>{dates.instant(row.updatedAt)}</time>
        </Typography>
      ),
    },
  ];

  const newButton = (variant?: 'secondary') =>
    canSubmit ? (
      <LinkButton
        variant={variant}
        tag={NavLink}
        to={`/plugins/${PLUGIN_ID}/submissions/new`}
        startIcon={<Plus />}
        data-testid={variant ? undefined : 'submissions-new'}
      >
        {t('list.new', 'Tạo tin bài')}
      </LinkButton>
    ) : undefined;

  const titleOf = (documentId: string) => seen.current.get(documentId)?.title ?? documentId;

  return (
    <PageShell
      title={title}
      subtitle={t('list.count', '{total} tin bài', { total: pagination.total })}
      primaryAction={newButton()}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <FilterBar
          filters={[
            {
              kind: 'search',
              name: 'q',
              label: t('list.search', 'Tìm kiếm'),
              hint: t('list.search.hint', 'Các từ trong tiêu đề hoặc nội dung'),
            },
            options.units.length > 1 && {
              kind: 'select',
              name: 'unit',
              label: t('field.unit', 'Đơn vị'),
              placeholder: t('list.filter.allUnits', 'Tất cả đơn vị'),
              options: options.units.map((u) => ({ value: String(u.id), label: u.name })),
            },
            {
              kind: 'select',
              name: 'state',
              label: t('list.filter.state', 'Trạng thái'),
              placeholder: t('list.filter.allStates', 'Mọi trạng thái'),
              options: SUBMISSION_STATES.map((s) => ({ value: s, label: tm(t, STATE_LABELS[s]) })),
            },
            options.planTasks.length > 0 && {
              kind: 'select',
              name: 'planTask',
              label: t('list.filter.planTask', 'Nhiệm vụ'),
              placeholder: t('list.filter.allTasks', 'Mọi nhiệm vụ'),
              options: options.planTasks.map((task) => ({
                value: task.documentId,
                label: shorten(`${task.code} — ${task.content}`, 70),
              })),
            },
            options.reviewers.length > 0 && {
              kind: 'select',
              name: 'assignee',
              label: t('list.filter.assignee', 'Người phụ trách'),
              placeholder: t('list.filter.anyone', 'Bất kỳ ai'),
              options: options.reviewers.map((r) => ({ value: String(r.id), label: personName(r) })),
            },
            canReview && {
              kind: 'check',
              name: 'queue',
              label: t('list.queue', 'Hàng chờ biên tập (theo hạn xử lý)'),
            },
          ]}
          values={values}
          onChange={setFilter}
          onClear={clearFilters}
          testId="submissions-filters"
        />
        {outcome && (
          <BulkResultAlert
            move={outcome.move}
            results={outcome.results}
            titleOf={titleOf}
            onClose={() => setOutcome(null)}
          />
        )}
        {canReview && selected.length > 0 && (
          <Flex gap={2} wrap="wrap" data-testid="bulk-actions">
            <Button
              variant="secondary"
              startIcon={<ArrowRight />}
              loading={claiming}
              onClick={claim}
              data-testid="bulk-claim"
            >
              {t('bulk.claim', 'Nhận biên tập ({count})', { count: selected.length })}
            </Button>
            <Button
              variant="success"
              startIcon={<Check />}
              disabled={claiming}
              onClick={() => setConfirming(true)}
              data-testid="bulk-approve"
            >
              {t('bulk.approve', 'Duyệt ({count})', { count: selected.length })}
            </Button>
            <Button variant="tertiary" onClick={() => setSelected([])} data-testid="bulk-clear">
              {t('bulk.clear', 'Bỏ chọn')}
            </Button>
          </Flex>
        )}
        <DataTable
          rows={results}
          columns={columns}
          rowKey={(row) => row.documentId}
          label={queue ? t('list.queue', 'Hàng chờ biên tập (theo hạn xử lý)') : title}
          sort={sort}
          onSort={setSort}
          selection={
            canReview ? { selected, onChange: setSelected, rowLabel: (row) => row.title } : undefined
          }
          actions={(row) => (
            <LinkButton
              size="S"
              variant="tertiary"
              tag={NavLink}
              to={detailPath(row.documentId)}
              endIcon={<ArrowRight />}
              aria-label={t('list.openOne', 'Mở tin bài {title}', { title: row.title })}
              data-testid="submission-open"
            >
              {t('list.open', 'Mở')}
            </LinkButton>
          )}
          loading={list.loading}
          empty={
            queue
              ? t('list.emptyQueue', 'Không có tin bài nào đang chờ biên tập.')
              : t('list.empty', 'Chưa có tin bài nào phù hợp.')
          }
          emptyAction={queue ? undefined : newButton('secondary')}
          rowData={(row) => ({ state: row.state, id: row.documentId })}
          testId="submissions-table"
          rowTestId="submission-row"
        />
        <ListPagination pagination={pagination} />
      </Flex>
      <ConfirmDialog
        open={confirming}
        title={t('bulk.approve.title', 'Duyệt {count} tin bài', { count: selected.length })}
        message={t(
          'bulk.approve.confirm',
          'Không hoàn tác được: mỗi tin bài đang biên tập được duyệt, một bài viết nháp được tạo và đơn vị nhận thư thông báo. Tin bài không duyệt được sẽ được liệt kê kèm lý do.'
        )}
        action={t('bulk.approve.action', 'Duyệt')}
        submitVariant="success"
        onConfirm={async () => {
          await bulk('approve');
          setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
        testId="bulk-approve-dialog"
      />
    </PageShell>
  );
};
