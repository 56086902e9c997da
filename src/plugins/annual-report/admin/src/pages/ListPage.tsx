import * as React from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { NavLink, useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '#annual-report/permissions';
import { useAccess } from '../access';
import { type Column, DataTable, ListPagination, useUrlFilters, PageShell } from '#admin/shared/kit';
import { useApi, type ReportRow } from '../api';
import { PageLoading, useDates, useLoader } from '#admin/shared/common';
import { NewDraftDialog } from '../components/NewDraftDialog';
import { StateBadge } from '../components/StateBadge';
import { useT } from '../i18n';

/** The demo data and plan are 2021's: the year a new draft proposes when nothing says which year has data. */
export const FALLBACK_YEAR = 2021;

/** The reports, drafts and issued, newest first; the Office starts a new draft here. */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const { canManage } = useAccess();
  const { day, instant } = useDates();
  const { page, pageSize } = useUrlFilters([], { pageSize: 10 });
  const [creating, setCreating] = React.useState(false);
  const list = useLoader(() => api.listReports({ page, pageSize }), [api, page, pageSize]);
  const [dataYear, setDataYear] = React.useState<number | null>(null);

  React.useEffect(() => {
    if (!canManage) return;
    let live = true;
    api.latestDataYear().then((year) => live && setDataYear(year));
    return () => {
      live = false;
    };
  }, [api, canManage]);

  const title = t('plugin.name', 'Báo cáo năm');
  if (!list.data) return <PageLoading failed={list.failed} t={t} />;
  const { results, pagination } = list.data;
  // The latest year that has data; else the latest year reported on; else the demo's.
  const defaultYear =
    dataYear ?? (results.length ? Math.max(...results.map((row) => row.year)) : FALLBACK_YEAR);
  const newDraft = canManage ? (
    <Button startIcon={<Plus />} onClick={() => setCreating(true)} data-testid="report-new">
      {t('draft.create', 'Tạo dự thảo')}
    </Button>
  ) : undefined;
  const columns: Column<ReportRow>[] = [
    {
      key: 'title',
      header: t('field.title', 'Tiêu đề'),
      minWidth: '280px',
      maxWidth: '480px',
      cell: (row) => (
        <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/reports/${row.documentId}`}>
          {row.title}
        </Link>
      ),
    },
    {
      key: 'period',
      header: t('field.period', 'Kỳ báo cáo'),
      cell: (row) => (
        <Typography textColor="neutral800">
          {day(row.periodFrom)} – {day(row.periodTo)}
        </Typography>
      ),
    },
    { key: 'state', header: t('field.state', 'Trạng thái'), cell: (row) => <StateBadge state={row.state} /> },
    {
      key: 'computedAt',
      header: t('field.computedAt', 'Tính số liệu lúc'),
      cell: (row) => <Typography textColor="neutral800">{instant(row.computedAt)}</Typography>,
    },
    {
      key: 'issuedAt',
      header: t('field.issuedAt', 'Ban hành lúc'),
      cell: (row) => <Typography textColor="neutral800">{instant(row.issuedAt)}</Typography>,
    },
  ];

  return (
    <PageShell
      title={title}
      subtitle={t(
        'list.subtitle',
        'Báo cáo kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính ({total} báo cáo)',
        { total: pagination.total }
      )}
      primaryAction={newDraft}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <DataTable
          rows={results}
          columns={columns}
          rowKey={(row) => row.documentId}
          label={title}
          loading={list.loading}
          empty={t('list.empty', 'Chưa có báo cáo nào.')}
          emptyAction={newDraft}
          rowData={(row) => ({ state: row.state, year: row.year })}
          testId="report-table"
          rowTestId="report-row"
        />
        <ListPagination pagination={pagination} />
      </Flex>
      <NewDraftDialog
        open={creating}
        defaultYear={defaultYear}
        onClose={() => setCreating(false)}
        onCreated={(report) => {
          setCreating(false);
          navigate(`/plugins/${PLUGIN_ID}/reports/${report.documentId}`);
        }}
      />
    </PageShell>
  );
};
