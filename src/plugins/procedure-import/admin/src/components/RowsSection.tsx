import * as React from 'react';
import { Flex, Link, SingleSelect, SingleSelectOption, TextButton, Typography } from '@strapi/design-system';
import { ChevronDown, ChevronUp } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { PROCEDURE_LEVELS } from '#domain/procedure-levels';
import { PRE, shorten, useLoader } from '#admin/shared/common';
import {
  DataTable,
  FilterBar,
  ListPagination,
  useNarrow,
  type Column,
  type FilterValues,
  type Selection,
} from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';
import {
  useApi,
  type ChangeMode,
  type ImportStatus,
  type ImportView,
  type ProcedureLevel,
  type RowFilters,
  type RowView,
} from '../api';
import { tm, useT } from '../i18n';
import { labelOf, levelsText, LEVEL_LABELS, MODE_LABELS, OUTCOME_LABELS, ROW_STATUS_LABELS } from '../labels';
import { procedurePath } from '../paths';
import { ChangeList } from './ChangeList';
import { ValueOverNote } from './Stack';
import { RowStatusBadge } from './StateBadge';

export const FILTER_NAMES = ['status', 'field', 'level', 'agency'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

const STATUSES: ImportStatus[] = ['new', 'changed', 'unchanged'];

/** The URL's filters as the rows route takes them; a value the route would refuse is left out. */
export function rowFilters(values: FilterValues<FilterName>): RowFilters {
  const { status, field, level, agency } = values;
  return {
    status: STATUSES.find((known) => known === status),
    field,
    level: PROCEDURE_LEVELS.find((known) => known === level),
    agency,
  };
}

/** Whether the user chooses how this row reaches its procedure: a change to a published one. */
const choosesMode = (row: RowView) => row.status === 'changed' && row.published === true;

interface RowsSectionProps {
  view: ImportView;
  filters: {
    values: FilterValues<FilterName>;
    setFilter: (name: FilterName, value: string | undefined) => void;
    clearFilters: () => void;
    page: number;
    pageSize: number;
  };
  /** The import can still be applied: rows can be ticked and modes chosen. */
  editable: boolean;
  /** The ticked rows, by national code. */
  ticked: ReadonlyMap<string, ImportStatus>;
  onTick: (ticked: Map<string, ImportStatus>) => void;
  modes: Readonly<Record<string, ChangeMode>>;
  onMode: (code: string, mode: ChangeMode) => void;
}

/**
 * The file's rows against the catalogue, a page at a time, filtered by status, field, level and agency (in the
 * URL). A changed row opens its diff; while the import can be applied, rows can be ticked and each change to a
 * published procedure takes a correction or a new version. Once applied, each row says what became of it.
 */
export const RowsSection = ({ view, filters, editable, ticked, onTick, modes, onMode }: RowsSectionProps) => {
  const t = useT();
  const api = useApi();
  const { formatNumber } = useIntl();
  const narrow = useNarrow();
  const { values, setFilter, clearFilters, page, pageSize } = filters;
  const query = rowFilters(values);
  const queryKey = JSON.stringify(query);
  const rows = useLoader(
    () => api.listRows(view.id, query, page, pageSize),
    [api, view.id, queryKey, page, pageSize, view.state]
  );
  const [open, setOpen] = React.useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  const shown = rows.data?.data ?? [];
  const pagination = rows.data?.meta.pagination;
  const modeColumn = editable && view.counts.updated > 0;
  const applied = view.state === 'applied';

  const columns: Column<RowView>[] = [
    {
      key: 'nationalCode',
      header: t('rows.code', 'Mã số'),
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
            {row.nationalCode}
          </Typography>
          <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
            {t('rows.row', 'Dòng {row}', { row: row.row })}
          </Typography>
        </Flex>
      ),
    },
    {
      key: 'name',
      header: t('rows.name', 'Tên thủ tục'),
      minWidth: '280px',
      maxWidth: '520px',
      cell: (row) => {
        const expanded = open.has(row.nationalCode);
        return (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography textColor="neutral800" title={row.name.length > 300 ? row.name : undefined}>
              {shorten(row.name, 300)}
            </Typography>
            {row.changes.length > 0 && (
              <Flex>
                <TextButton
                  endIcon={expanded ? <ChevronUp /> : <ChevronDown />}
                  aria-expanded={expanded}
                  onClick={() => toggle(row.nationalCode)}
                  data-testid="row-diff-toggle"
                >
                  {expanded
                    ? t('rows.hideChanges', 'Ẩn thay đổi')
                    : t('rows.showChanges', '{count, plural, other {Xem # thay đổi}}', {
                        count: row.changes.length,
                      })}
                </TextButton>
              </Flex>
            )}
            {/* Wide, the diff opens on a line of its own under the row (the table's detail). */}
            {expanded && narrow && <ChangeList changes={row.changes} />}
          </Flex>
        );
      },
    },
    {
      key: 'field',
      header: t('rows.fieldLevels', 'Lĩnh vực, cấp'),
      minWidth: '140px',
      cell: (row) => <ValueOverNote value={row.field} note={levelsText(t, row.levels) || '—'} />,
    },
    {
      key: 'agency',
      header: t('rows.agency', 'Cơ quan thực hiện'),
      minWidth: '180px',
      maxWidth: '300px',
      cell: (row) => (
        <Typography variant="pi" textColor="neutral800" title={row.implementingAgency} style={PRE}>
          {shorten(row.implementingAgency, 160) || '—'}
        </Typography>
      ),
    },
    {
      key: 'status',
      header: t('rows.status', 'So với danh mục'),
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <RowStatusBadge state={row.status} testId="row-status" />
          {row.status !== 'new' && (
            <Typography variant="pi" textColor="neutral600">
              {row.published ? t('rows.published', 'Đang công bố') : t('rows.draft', 'Bản nháp')}
            </Typography>
          )}
        </Flex>
      ),
    },
  ];
  if (modeColumn) {
    columns.push({
      key: 'mode',
      header: t('rows.mode', 'Cách cập nhật'),
      minWidth: '200px',
      cell: (row) => {
        if (choosesMode(row)) {
          return (
            <SingleSelect
              size="S"
              aria-label={t('rows.modeOf', 'Cách cập nhật thủ tục {code}', { code: row.nationalCode })}
              value={modes[row.nationalCode] ?? row.defaultMode ?? 'correction'}
              onChange={(value) =>
                onMode(row.nationalCode, value === 'amendment' ? 'amendment' : 'correction')
              }
            >
              {(['correction', 'amendment'] as const).map((mode) => (
                <SingleSelectOption key={mode} value={mode}>
                  {tm(t, MODE_LABELS[mode])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          );
        }
        return (
          <Typography variant="pi" textColor="neutral600">
            {row.status === 'changed' ? t('rows.fixDraft', 'Sửa bản nháp') : '—'}
          </Typography>
        );
      },
    });
  }
  if (applied) {
    columns.push({
      key: 'outcome',
      header: t('rows.outcome', 'Kết quả'),
      minWidth: '160px',
      cell: (row) => (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography textColor="neutral800" data-testid="row-outcome" data-outcome={row.outcome}>
            {row.outcome ? labelOf(t, OUTCOME_LABELS, row.outcome) : '—'}
          </Typography>
          {row.writtenDocumentId && (
            <Link tag={NavLink} to={procedurePath(row.writtenDocumentId)} data-testid="row-open">
              {t('rows.open', 'Mở thủ tục')}
            </Link>
          )}
        </Flex>
      ),
    });
  }

  const label = t('rows.title', 'Các dòng của tệp');
  const selection: Selection<RowView> | undefined = editable
    ? {
        selected: [...ticked.keys()],
        onChange: (codes) =>
          onTick(
            new Map(
              codes.flatMap((code) => {
                const status = ticked.get(code) ?? shown.find((row) => row.nationalCode === code)?.status;
                return status ? [[code, status] as const] : [];
              })
            )
          ),
        rowLabel: (row) => row.nationalCode,
      }
    : undefined;

  return (
    <Section title={label} testId="rows">
      <FilterBar
        filters={[
          {
            kind: 'select',
            name: 'status',
            label: t('filter.status', 'So với danh mục'),
            options: STATUSES.map((status) => ({
              value: status,
              label: tm(t, ROW_STATUS_LABELS[status]),
            })),
          },
          {
            kind: 'select',
            name: 'field',
            label: t('filter.field', 'Lĩnh vực'),
            options: view.fields.map((field) => ({
              value: field.name,
              label: `${field.name} (${formatNumber(field.count)})`,
            })),
          },
          {
            kind: 'select',
            name: 'level',
            label: t('filter.level', 'Cấp thực hiện'),
            options: PROCEDURE_LEVELS.map((level: ProcedureLevel) => ({
              value: level,
              label: tm(t, LEVEL_LABELS[level]),
            })),
          },
          { kind: 'search', name: 'agency', label: t('filter.agency', 'Cơ quan thực hiện có chứa') },
        ]}
        values={values}
        onChange={setFilter}
        onClear={clearFilters}
        testId="rows-filters"
      />
      {editable && (
        <Typography variant="pi" textColor="neutral600">
          {t(
            'rows.tickHint',
            'Không đánh dấu dòng nào thì mọi dòng khớp lĩnh vực, cấp và cơ quan đã lọc đều được áp dụng; đánh dấu để chỉ áp dụng các dòng đã chọn. Đổi các bộ lọc này sẽ bỏ các dấu đã chọn.'
          )}
        </Typography>
      )}
      {pagination && (
        <Typography
          variant="pi"
          textColor="neutral600"
          data-testid="rows-total"
          data-total={pagination.total}
        >
          {t('rows.total', '{count, plural, other {# dòng khớp bộ lọc}}', { count: pagination.total })}
        </Typography>
      )}
      <DataTable
        rows={shown}
        columns={columns}
        rowKey={(row) => row.nationalCode}
        label={label}
        loading={rows.loading}
        empty={t('rows.empty', 'Không có dòng nào khớp bộ lọc.')}
        selection={selection}
        rowData={(row) => ({ code: row.nationalCode, status: row.status, field: row.field })}
        testId="rows-table"
        rowTestId="preview-row"
        // Wide, an open diff has a line of its own under its row; narrow, its card holds it.
        detail={(row) =>
          open.has(row.nationalCode) && row.changes.length > 0 ? <ChangeList changes={row.changes} /> : null
        }
        detailTestId="preview-row-diff"
      />
      <ListPagination pagination={pagination} />
    </Section>
  );
};
