import * as React from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { WRAP } from '#admin/shared/common';

export interface SmallColumn<R> {
  /** Unique among the columns; by default the label. */
  key?: string;
  label: string;
  render: (row: R) => React.ReactNode;
  /** Long text wraps within the column (`wrapWidth` wide at most). */
  wrap?: boolean;
}

/** A few rows in the design system's table: the columns' labels, then a row per line (no sort, no pages). */
export function SmallTable<R>({
  columns,
  rows,
  wrapWidth = '420px',
  testId,
  rowTestId,
}: {
  columns: SmallColumn<R>[];
  rows: R[];
  wrapWidth?: string;
  testId?: string;
  rowTestId?: string;
}) {
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.key ?? column.label}>
              <Typography variant="sigma">{column.label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => (
          <Tr key={index} data-testid={rowTestId}>
            {columns.map((column) => (
              <Td
                key={column.key ?? column.label}
                style={column.wrap ? WRAP : undefined}
                maxWidth={column.wrap ? wrapWidth : undefined}
              >
                {column.render(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
