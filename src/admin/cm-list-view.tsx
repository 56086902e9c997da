/**
 * Content Manager list view hooks: what its own message ids do not reach.
 * - An enumeration cell shows the raw value (CellValue does not translate it): show its label instead.
 * - A long text cell runs its lines together (a synonym's phrases, one per line): show them apart.
 * - A filter names its field by the stored label: use the field's message id, as the column header does.
 */
import type { ReactNode } from 'react';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { listViewModel, translateFilterLabels, type ListViewFilter } from './cm-translations';

type Row = Record<string, unknown>;
interface Header {
  name: string;
  attribute?: { type: string };
  cellFormatter?: (row: Row, ...rest: never[]) => ReactNode;
}

function EnumerationCell({ value }: { value: unknown }) {
  const { formatMessage } = useIntl();
  return (
    <Typography textColor="neutral800">
      {typeof value === 'string' && value ? formatMessage({ id: value, defaultMessage: value }) : '-'}
    </Typography>
  );
}

function LinesCell({ value }: { value: unknown }) {
  const lines = typeof value === 'string' ? value.split('\n').filter((line) => line.trim()) : [];
  return <Typography textColor="neutral800">{lines.length ? lines.join(' · ') : '-'}</Typography>;
}

const CELLS: Record<string, (props: { value: unknown }) => ReactNode> = {
  enumeration: EnumerationCell,
  text: LinesCell,
};

export const formatListCells = <T extends { displayedHeaders: Header[] }>(args: T): T => ({
  ...args,
  displayedHeaders: args.displayedHeaders.map((header) => {
    const Cell = header.attribute && CELLS[header.attribute.type];
    return Cell && !header.cellFormatter
      ? { ...header, cellFormatter: (row: Row) => <Cell value={row[header.name]} /> }
      : header;
  }),
});

export const translateFilters =
  (ids: Set<string>) =>
  <T extends { displayedFilters: ListViewFilter[] }>(args: T): T => {
    const uid = listViewModel(window.location.pathname);
    return uid ? { ...args, displayedFilters: translateFilterLabels(args.displayedFilters, uid, ids) } : args;
  };
