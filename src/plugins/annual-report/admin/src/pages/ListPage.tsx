import * as React from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Link,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../../../server/src/permissions';
import { useAccess } from '../access';
import { useApi } from '../api';
import { useDates, useLoader, WRAP } from '../components/common';
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
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const [creating, setCreating] = React.useState(false);
  const page = Number(query.page) || 1;
  const pageSize = Number(query.pageSize) || 10;
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
  if (!list.data) {
    if (list.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }
  const { results, pagination } = list.data;
  // The latest year that has data; else the latest year reported on; else the demo's.
  const defaultYear =
    dataYear ?? (results.length ? Math.max(...results.map((row) => row.year)) : FALLBACK_YEAR);
  const newDraft = canManage ? (
    <Button startIcon={<Plus />} onClick={() => setCreating(true)} data-testid="report-new">
      {t('draft.create', 'Tạo dự thảo')}
    </Button>
  ) : undefined;
  const columns = [
    t('field.title', 'Tiêu đề'),
    t('field.period', 'Kỳ báo cáo'),
    t('field.state', 'Trạng thái'),
    t('field.computedAt', 'Tính số liệu lúc'),
    t('field.issuedAt', 'Ban hành lúc'),
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'list.subtitle',
          'Báo cáo kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính ({total} báo cáo)',
          { total: pagination.total }
        )}
        primaryAction={newDraft}
      />
      <Layouts.Action
        endActions={list.loading ? <Loader small>{t('loading', 'Đang tải…')}</Loader> : undefined}
      />
      <Layouts.Content>
        {results.length === 0 ? (
          <Box data-testid="report-empty">
            <EmptyStateLayout content={t('list.empty', 'Chưa có báo cáo nào.')} action={newDraft} />
          </Box>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={columns.length} rowCount={results.length + 1} data-testid="report-table">
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
                    key={`${row.documentId}-${index}`}
                    data-testid="report-row"
                    data-state={row.state}
                    data-year={row.year}
                  >
                    <Td minWidth="280px" maxWidth="480px" style={WRAP}>
                      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/reports/${row.documentId}`}>
                        {row.title}
                      </Link>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">
                        {day(row.periodFrom)} – {day(row.periodTo)}
                      </Typography>
                    </Td>
                    <Td>
                      <StateBadge state={row.state} />
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{instant(row.computedAt)}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{instant(row.issuedAt)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Pagination.Root
              pageCount={pagination.pageCount}
              total={pagination.total}
              defaultPageSize={pagination.pageSize}
            >
              <Pagination.PageSize />
              <Pagination.Links />
            </Pagination.Root>
          </Flex>
        )}
      </Layouts.Content>
      <NewDraftDialog
        open={creating}
        defaultYear={defaultYear}
        onClose={() => setCreating(false)}
        onCreated={(report) => {
          setCreating(false);
          navigate(`/plugins/${PLUGIN_ID}/reports/${report.documentId}`);
        }}
      />
    </Page.Main>
  );
};
