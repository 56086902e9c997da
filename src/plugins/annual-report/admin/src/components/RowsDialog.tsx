import * as React from 'react';
import { Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { useApi, type FigureRow } from '../api';
import { tm, useT } from '../i18n';
import { COLUMN_LABELS, keyLabel, valueKind } from '../labels';
import { Empty, useDates, useLoader } from '#admin/shared/common';
import { Pager } from '#admin/shared/kit';
import type { Drill } from './Figures';
import { SmallTable } from './SmallTable';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Columns are the fields the rows have (they vary by figure), minus ids. */
const HIDDEN = new Set(['id', 'documentId']);

/** The rows behind a number of the report (paginated). */
export const RowsDialog = ({
  documentId,
  drill,
  onClose,
}: {
  documentId: string;
  drill: Drill | null;
  onClose: () => void;
}) => (
  <Modal.Root open={drill !== null} onOpenChange={(next) => !next && onClose()}>
    {drill && (
      <Modal.Content style={{ width: 'min(1100px, 95vw)', maxWidth: '95vw' }}>
        <RowsContent documentId={documentId} drill={drill} onClose={onClose} />
      </Modal.Content>
    )}
  </Modal.Root>
);

const RowsContent = ({
  documentId,
  drill,
  onClose,
}: {
  documentId: string;
  drill: Drill;
  onClose: () => void;
}) => {
  const t = useT();
  const api = useApi();
  const dates = useDates();
  const [page, setPage] = React.useState(1);
  const rows = useLoader(
    () => api.listRows(documentId, { figure: drill.figure, key: drill.key, page }),
    [api, documentId, drill.figure, drill.key, page]
  );

  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('value.yes', 'Có') : t('value.no', 'Không');
    if (typeof value === 'string') {
      if (ISO_INSTANT.test(value)) return dates.instant(value);
      if (ISO_DAY.test(value)) return dates.day(value);
      return value;
    }
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map(show).join(', ');
    if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of ['name', 'title', 'label', 'code']) {
        if (typeof record[key] === 'string') return record[key] as string;
      }
      return JSON.stringify(value);
    }
    return String(value);
  };

  const area = drill.figure.split('.')[0];
  const cell = (column: string, value: unknown) => {
    const kind = valueKind(area, column);
    return kind && typeof value === 'string' ? keyLabel(t, kind, value) : show(value);
  };
  const header = (column: string) => (COLUMN_LABELS[column] ? tm(t, COLUMN_LABELS[column]) : column);

  const results: FigureRow[] = rows.data?.results ?? [];
  const columns = [...new Set(results.flatMap((row) => Object.keys(row)))].filter((key) => !HIDDEN.has(key));

  return (
    <>
      <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
        <Modal.Title>{drill.label}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4} data-testid="rows-dialog">
          {!rows.data ? (
            rows.failed ? (
              <Empty>{t('rows.failed', 'Không tải được danh sách.')}</Empty>
            ) : (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            )
          ) : results.length === 0 ? (
            <Empty testId="rows-empty">{t('rows.empty', 'Không có dòng nào.')}</Empty>
          ) : (
            <>
              <Typography variant="pi" textColor="neutral600">
                {t('rows.total', '{total} dòng', { total: rows.data.pagination?.total ?? results.length })}
              </Typography>
              <SmallTable
                columns={columns.map((column) => ({
                  key: column,
                  label: header(column),
                  render: (row: FigureRow) => (
                    <Typography textColor="neutral800">{cell(column, row[column])}</Typography>
                  ),
                  wrap: true,
                }))}
                rows={results}
                wrapWidth="360px"
                testId="rows-table"
                rowTestId="rows-row"
              />
              <Pager pagination={rows.data.pagination} onPage={setPage} testId="rows-pager" />
            </>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {t('dialog.close', 'Đóng')}
        </Button>
      </Modal.Footer>
    </>
  );
};
