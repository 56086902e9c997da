import * as React from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';
import { PageLoading, shorten, useDates, useLoader, useProblemOf } from '#admin/shared/common';
import { DataTable, ListPagination, PageShell, useUrlFilters, type Column } from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';
import { saveFile, useApi, type ImportSummary } from '../api';
import { ApplyProgress } from '../components/ApplyProgress';
import { ValueOverNote } from '../components/Stack';
import { ImportStateBadge } from '../components/StateBadge';
import { UploadPanel } from '../components/UploadPanel';
import { useT } from '../i18n';
import { countsText, kindLabel } from '../labels';
import { importPath } from '../paths';
import { usePollApplying } from '../usePolling';

/** Upload a file to preview it, download the catalogue workbook, and the imports so far, newest first. */
export const ListPage = () => {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const readProblem = useProblemOf();
  const { toggleNotification } = useNotification();
  const { instant } = useDates();
  const { page, pageSize } = useUrlFilters([], { pageSize: 10 });
  const list = useLoader(() => api.listImports(page, pageSize), [api, page, pageSize]);
  // Fresher views of the imports that were applying, from polling.
  const [polled, setPolled] = React.useState<Record<string, ImportSummary>>({});
  const [downloading, setDownloading] = React.useState(false);

  const rows = React.useMemo(
    () => (list.data?.data ?? []).map((item) => polled[item.id] ?? item),
    [list.data, polled]
  );
  usePollApplying(api, rows, (view) => setPolled((previous) => ({ ...previous, [view.id]: view })));

  const title = t('plugin.name', 'Nhập thủ tục từ CSDL quốc gia');
  if (!list.data) return <PageLoading failed={list.failed} t={t} />;
  const { pagination } = list.data.meta;

  const downloadCatalogue = async () => {
    setDownloading(true);
    try {
      saveFile(await api.downloadCatalogue(), 'danh-muc-tthc.xlsx');
    } catch (error) {
      const problem = readProblem(error);
      if (problem)
        toggleNotification({
          type: 'danger',
          message: t('catalogue.failed', 'Không tải được danh mục (lỗi {status}).', {
            status: problem.status ?? '—',
          }),
        });
    } finally {
      setDownloading(false);
    }
  };

  const columns: Column<ImportSummary>[] = [
    {
      key: 'createdAt',
      header: t('history.createdAt', 'Tải lên lúc'),
      cell: (item) => <Typography textColor="neutral800">{instant(item.createdAt)}</Typography>,
    },
    {
      key: 'file',
      header: t('history.file', 'Tệp'),
      minWidth: '220px',
      maxWidth: '360px',
      cell: (item) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Link tag={NavLink} to={importPath(item.id)} data-testid="import-link">
            {shorten(item.fileName, 80)}
          </Link>
          <Typography variant="pi" textColor="neutral600">
            {kindLabel(t, item.kind)}
          </Typography>
        </Flex>
      ),
    },
    {
      key: 'who',
      header: t('history.who', 'Người thực hiện'),
      cell: (item) => (
        <ValueOverNote
          value={item.createdByName ?? '—'}
          note={
            item.appliedByName && item.appliedByName !== item.createdByName
              ? t('history.appliedBy', 'Áp dụng: {name}', { name: item.appliedByName })
              : null
          }
        />
      ),
    },
    {
      key: 'state',
      header: t('history.state', 'Trạng thái'),
      minWidth: '180px',
      cell: (item) => (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Flex>
            <ImportStateBadge state={item.state} testId="import-state" />
          </Flex>
          {item.state === 'applying' && <ApplyProgress progress={item.progress} />}
          {item.state === 'failed' && item.error && (
            <Typography variant="pi" textColor="danger600">
              {shorten(item.error, 160)}
            </Typography>
          )}
        </Flex>
      ),
    },
    {
      key: 'counts',
      header: t('history.counts', 'Số thủ tục'),
      minWidth: '200px',
      cell: (item) => (
        <Typography variant="pi" textColor="neutral800" data-testid="import-counts">
          {countsText(t, item)}
        </Typography>
      ),
    },
  ];

  return (
    <PageShell
      title={title}
      subtitle={t(
        'list.subtitle',
        'Nhập thủ tục từ Cơ sở dữ liệu quốc gia về thủ tục hành chính: xem trước thay đổi, chọn phần cần áp dụng, giữ lịch sử.'
      )}
      primaryAction={
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={downloading}
          onClick={downloadCatalogue}
          data-testid="catalogue-download"
        >
          {t('catalogue.download', 'Tải danh mục hiện tại (XLSX)')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <UploadPanel onPreviewed={(view) => navigate(importPath(view.id))} />
        <Section title={t('history.title', 'Lịch sử nhập')} testId="history">
          <DataTable
            rows={rows}
            columns={columns}
            rowKey={(item) => item.id}
            label={t('history.title', 'Lịch sử nhập')}
            loading={list.loading}
            empty={t('history.empty', 'Chưa có lần nhập nào.')}
            rowData={(item) => ({ state: item.state, id: item.id })}
            testId="history-table"
            rowTestId="history-row"
          />
          <ListPagination pagination={pagination} />
        </Section>
      </Flex>
    </PageShell>
  );
};
