import * as React from 'react';
import {
  Box,
  Checkbox,
  EmptyStateLayout,
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
import { CaretDown, CaretUp } from '@strapi/icons';
import { useKitT } from './i18n';
import { useNarrow } from './useMediaQuery';

export type SortDirection = 'asc' | 'desc';
export interface Sort {
  key: string;
  direction: SortDirection;
}

export interface Column<T> {
  /** Also the sort key of a sortable column. */
  key: string;
  header: string;
  cell: (row: T) => React.ReactNode;
  /** Offers sorting on this column (onSort receives `key`). */
  sortable?: boolean;
  /** What `sortRows` compares, for a list sorted in the browser. */
  sortValue?: (row: T) => string | number | null | undefined;
  minWidth?: string;
  maxWidth?: string;
}

export interface Selection<T> {
  /** Ids (rowKey) of the selected rows; they may include rows of other pages. */
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** How a row is named on its checkbox ("Chọn <label>"). */
  rowLabel: (row: T) => string;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The accessible name of the table (or of the card list). */
  label: string;
  sort?: Sort | null;
  onSort?: (sort: Sort) => void;
  selection?: Selection<T>;
  /** The row's actions: buttons, shown in a last column, or at the bottom of each card. */
  actions?: (row: T) => React.ReactNode;
  loading?: boolean;
  /** The empty state's text (default "Không có dòng nào."), and its action. */
  empty?: string;
  emptyAction?: React.ReactNode;
  /** Marks a row (an overdue item) with the danger background. */
  highlight?: (row: T) => boolean;
  /** `data-*` attributes of a row, for tests and styling: `{ state: 'draft' }` → `data-state="draft"`. */
  rowData?: (row: T) => Record<string, string | number | boolean | null | undefined>;
  /** The table's `data-testid`; `<testId>-empty`, `<testId>-loading` for those states. */
  testId?: string;
  rowTestId?: string;
  /**
   * In the table layout, a full-width line under a row (an open diff), when it returns one; its `data-testid` is
   * `detailTestId`, its `data-*` the row's. Cards show no such line: their cells hold what it would.
   */
  detail?: (row: T) => React.ReactNode;
  detailTestId?: string;
}

/** Long text wraps within its column; break-word (not anywhere) keeps short values such as dates whole. */
const CELL: React.CSSProperties = { whiteSpace: 'normal', overflowWrap: 'break-word' };

const nextSort = (current: Sort | null | undefined, key: string): Sort => ({
  key,
  direction: current?.key === key && current.direction === 'asc' ? 'desc' : 'asc',
});

const dataAttributes = (data: Record<string, string | number | boolean | null | undefined> | undefined) =>
  Object.fromEntries(
    Object.entries(data ?? {})
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [`data-${name}`, String(value)])
  );

/** Rows sorted in the browser by the column `sort.key`'s `sortValue`; empty values last either way. */
export function sortRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  sort: Sort | null | undefined
) {
  const valueOf = columns.find((column) => column.key === sort?.key)?.sortValue;
  if (!sort || !valueOf) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : 1;
    if (y === null || y === undefined || y === '') return -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return sign * order;
  });
}

/**
 * A list's table: columns as data, sortable headers (the sort is the page's: sent to the server or `sortRows`),
 * optional checkboxes for bulk actions, a row-actions column, the empty and loading states. On narrow screens
 * (≤ 640 px) each row is a card of "label: value" lines with its actions as buttons at the bottom, so that they stay
 * visible; wide, it is the design system's table, whose long texts wrap.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  sort,
  onSort,
  selection,
  actions,
  loading = false,
  empty,
  emptyAction,
  highlight,
  rowData,
  testId,
  rowTestId,
  detail,
  detailTestId,
}: DataTableProps<T>) {
  const t = useKitT();
  const narrow = useNarrow();

  if (rows.length === 0) {
    if (loading) {
      return (
        <Flex justifyContent="center" padding={8} data-testid={testId && `${testId}-loading`}>
          <Loader>{t('loading')}</Loader>
        </Flex>
      );
    }
    return (
      <Box data-testid={testId && `${testId}-empty`}>
        <EmptyStateLayout content={empty ?? t('table.empty')} action={emptyAction} />
      </Box>
    );
  }

  const ids = rows.map(rowKey);
  const chosen = new Set(selection?.selected ?? []);
  const chosenHere = ids.filter((id) => chosen.has(id)).length;
  const allHere: boolean | 'indeterminate' =
    chosenHere === 0 ? false : chosenHere === ids.length ? true : 'indeterminate';
  const selectAll = selection && (
    <Checkbox
      aria-label={t('table.selectAll')}
      checked={allHere}
      onCheckedChange={() =>
        selection.onChange(
          allHere === true
            ? selection.selected.filter((id) => !ids.includes(id))
            : [...selection.selected, ...ids.filter((id) => !chosen.has(id))]
        )
      }
    >
      {narrow ? t('table.selectAll') : undefined}
    </Checkbox>
  );
  const selectRow = (row: T, id: string) =>
    selection && (
      <Checkbox
        aria-label={t('table.selectRow', { row: selection.rowLabel(row) })}
        checked={chosen.has(id)}
        onCheckedChange={(checked) =>
          selection.onChange(
            checked === true
              ? [...selection.selected, id]
              : selection.selected.filter((other) => other !== id)
          )
        }
      />
    );
  const busy = loading ? (
    <Flex justifyContent="flex-end">
      <Loader small>{t('loading')}</Loader>
    </Flex>
  ) : null;
  const selectedCount = selection && selection.selected.length > 0 && (
    <Typography variant="pi" textColor="neutral600" data-testid={testId && `${testId}-selected`}>
      {t('table.selected', { count: selection.selected.length })}
    </Typography>
  );

  if (narrow) {
    const sortable = columns.filter((column) => column.sortable);
    return (
      <Flex direction="column" alignItems="stretch" gap={3} aria-busy={loading}>
        {busy}
        {(selection || (onSort && sortable.length > 0)) && (
          <Flex gap={3} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
            {selectAll}
            {selectedCount}
            {onSort && sortable.length > 0 && <SortSelect columns={sortable} sort={sort} onSort={onSort} />}
          </Flex>
        )}
        <Box tag="ul" aria-label={label} data-testid={testId} data-layout="cards">
          {rows.map((row, index) => {
            const id = ids[index];
            return (
              <Box
                tag="li"
                key={`${id}-${index}`}
                padding={4}
                marginBottom={3}
                hasRadius
                shadow="tableShadow"
                background={highlight?.(row) ? 'danger100' : 'neutral0'}
                data-testid={rowTestId}
                {...dataAttributes(rowData?.(row))}
              >
                <Flex direction="column" alignItems="stretch" gap={3}>
                  {selectRow(row, id)}
                  <Flex tag="dl" direction="column" alignItems="stretch" gap={2}>
                    {columns.map((column) => (
                      <Flex key={column.key} direction="column" alignItems="flex-start" gap={1}>
                        <Typography tag="dt" variant="sigma" textColor="neutral600">
                          {column.header}
                        </Typography>
                        <Box tag="dd" style={CELL} width="100%">
                          {column.cell(row)}
                        </Box>
                      </Flex>
                    ))}
                  </Flex>
                  {actions && (
                    <Flex gap={2} wrap="wrap" data-testid="row-actions">
                      {actions(row)}
                    </Flex>
                  )}
                </Flex>
              </Box>
            );
          })}
        </Box>
      </Flex>
    );
  }

  const colCount = columns.length + (selection ? 1 : 0) + (actions ? 1 : 0);
  const details = rows.map((row) => detail?.(row) ?? null);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {busy}
      {selectedCount}
      <Table
        colCount={colCount}
        rowCount={rows.length + details.filter(Boolean).length + 1}
        aria-label={label}
        aria-busy={loading}
        data-testid={testId}
        data-layout="table"
      >
        <Thead>
          <Tr>
            {selection && <Th role="columnheader">{selectAll}</Th>}
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : null;
              const sortable = column.sortable && onSort;
              return (
                <Th
                  key={column.key}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {sortable ? (
                    <Flex
                      tag="button"
                      type="button"
                      gap={1}
                      onClick={() => onSort(nextSort(sort, column.key))}
                      style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                    >
                      <Typography variant="sigma" textColor={sorted ? 'neutral800' : 'neutral600'}>
                        {column.header}
                      </Typography>
                      {sorted === 'asc' && <CaretUp aria-hidden />}
                      {sorted === 'desc' && <CaretDown aria-hidden />}
                    </Flex>
                  ) : (
                    <Typography variant="sigma">{column.header}</Typography>
                  )}
                </Th>
              );
            })}
            {actions && (
              <Th role="columnheader">
                <Typography variant="sigma">{t('table.actions')}</Typography>
              </Th>
            )}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, index) => {
            const id = ids[index];
            return (
              // The index too: a repeated row must never leave a stale one behind when the page changes.
              <React.Fragment key={`${id}-${index}`}>
                <Tr
                  background={highlight?.(row) ? 'danger100' : undefined}
                  data-testid={rowTestId}
                  {...dataAttributes(rowData?.(row))}
                >
                  {selection && <Td>{selectRow(row, id)}</Td>}
                  {columns.map((column) => (
                    <Td key={column.key} minWidth={column.minWidth} maxWidth={column.maxWidth} style={CELL}>
                      {column.cell(row)}
                    </Td>
                  ))}
                  {actions && (
                    <Td>
                      <Flex gap={2} wrap="wrap" data-testid="row-actions">
                        {actions(row)}
                      </Flex>
                    </Td>
                  )}
                </Tr>
                {details[index] && (
                  <Tr data-testid={detailTestId} {...dataAttributes(rowData?.(row))}>
                    <Td colSpan={colCount} background="neutral100" style={CELL}>
                      <Box paddingTop={4} paddingBottom={4} paddingLeft={2} paddingRight={2}>
                        {details[index]}
                      </Box>
                    </Td>
                  </Tr>
                )}
              </React.Fragment>
            );
          })}
        </Tbody>
      </Table>
    </Flex>
  );
}

/** On cards there are no headers to click: the sort is picked from a list. */
function SortSelect<T>({
  columns,
  sort,
  onSort,
}: {
  columns: readonly Column<T>[];
  sort: Sort | null | undefined;
  onSort: (sort: Sort) => void;
}) {
  const t = useKitT();
  const id = React.useId();
  return (
    <Box minWidth="200px">
      <Field.Root name="sort" id={id}>
        <Field.Label>{t('table.sortBy')}</Field.Label>
        <SingleSelect
          size="S"
          value={sort ? `${sort.key}:${sort.direction}` : null}
          onChange={(value) => {
            const [key, direction] = String(value).split(':');
            onSort({ key, direction: direction === 'desc' ? 'desc' : 'asc' });
          }}
        >
          {columns.flatMap((column) =>
            (['asc', 'desc'] as const).map((direction) => (
              <SingleSelectOption key={`${column.key}:${direction}`} value={`${column.key}:${direction}`}>
                {t(`table.sort.${direction}`, { column: column.header })}
              </SingleSelectOption>
            ))
          )}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
}
