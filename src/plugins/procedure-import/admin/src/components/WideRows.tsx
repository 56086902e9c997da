import * as React from 'react';
import {
  Box,
  Checkbox,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useKitT, type Column, type Selection } from '#admin/shared/kit';
import type { RowView } from '../api';
import { ChangeList } from './ChangeList';

/** Long text wraps within its column, as in the kit's table. */
const CELL: React.CSSProperties = { whiteSpace: 'normal', overflowWrap: 'break-word' };

interface WideRowsProps {
  rows: readonly RowView[];
  columns: readonly Column<RowView>[];
  label: string;
  /** The rows whose diff is open, by national code. */
  open: ReadonlySet<string>;
  selection?: Selection<RowView>;
  loading: boolean;
}

/**
 * The preview rows on a wide screen: the kit's table, plus a full-width line under each row whose diff is open (the
 * kit's DataTable has no such line; on a phone, its cards hold the diff).
 */
export function WideRows({ rows, columns, label, open, selection, loading }: WideRowsProps) {
  const t = useKitT();
  const codes = rows.map((row) => row.nationalCode);
  const chosen = new Set(selection?.selected ?? []);
  const chosenHere = codes.filter((code) => chosen.has(code)).length;
  const allHere: boolean | 'indeterminate' =
    chosenHere === 0 ? false : chosenHere === codes.length ? true : 'indeterminate';
  const colCount = columns.length + (selection ? 1 : 0);
  const opened = rows.filter((row) => open.has(row.nationalCode) && row.changes.length > 0);

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {loading && (
        <Flex justifyContent="flex-end">
          <Loader small>{t('loading')}</Loader>
        </Flex>
      )}
      {selection && selection.selected.length > 0 && (
        <Typography variant="pi" textColor="neutral600" data-testid="rows-table-selected">
          {t('table.selected', { count: selection.selected.length })}
        </Typography>
      )}
      <Table
        colCount={colCount}
        rowCount={rows.length + opened.length + 1}
        aria-label={label}
        aria-busy={loading}
        data-testid="rows-table"
        data-layout="table"
      >
        <Thead>
          <Tr>
            {selection && (
              <Th>
                <Checkbox
                  aria-label={t('table.selectAll')}
                  checked={allHere}
                  onCheckedChange={() =>
                    selection.onChange(
                      allHere === true
                        ? selection.selected.filter((code) => !codes.includes(code))
                        : [...selection.selected, ...codes.filter((code) => !chosen.has(code))]
                    )
                  }
                />
              </Th>
            )}
            {columns.map((column) => (
              <Th key={column.key}>
                <Typography variant="sigma">{column.header}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => {
            const code = row.nationalCode;
            return (
              <React.Fragment key={code}>
                <Tr
                  data-testid="preview-row"
                  data-code={code}
                  data-status={row.status}
                  data-field={row.field}
                >
                  {selection && (
                    <Td>
                      <Checkbox
                        aria-label={t('table.selectRow', { row: selection.rowLabel(row) })}
                        checked={chosen.has(code)}
                        onCheckedChange={(checked) =>
                          selection.onChange(
                            checked === true
                              ? [...selection.selected, code]
                              : selection.selected.filter((other) => other !== code)
                          )
                        }
                      />
                    </Td>
                  )}
                  {columns.map((column) => (
                    <Td key={column.key} minWidth={column.minWidth} maxWidth={column.maxWidth} style={CELL}>
                      {column.cell(row)}
                    </Td>
                  ))}
                </Tr>
                {opened.includes(row) && (
                  <Tr data-testid="preview-row-diff" data-code={code}>
                    <Td colSpan={colCount} background="neutral100" style={CELL}>
                      <Box paddingTop={4} paddingBottom={4} paddingLeft={2} paddingRight={2}>
                        <ChangeList changes={row.changes} />
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
