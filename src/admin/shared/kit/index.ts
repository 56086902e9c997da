/** The admin kit of the local plugins' pages (docs/ARCHITECTURE.md, "Admin kit"). */
export {
  DataTable,
  sortRows,
  type Column,
  type DataTableProps,
  type Selection,
  type Sort,
  type SortDirection,
} from './DataTable';
export { DetailShell, type DetailShellProps, type DetailState } from './DetailShell';
export { FilterBar, type FilterBarProps, type FilterDef } from './FilterBar';
export {
  FormField,
  RadioField,
  TextField,
  type FormFieldProps,
  type RadioFieldProps,
  type TextFieldProps,
} from './FormField';
export {
  ConfirmDialog,
  FormDialog,
  type ConfirmDialogProps,
  type FieldErrors,
  type FormDialogProps,
  type FormState,
} from './FormDialog';
export { useKitT, useKitTranslate } from './i18n';
export { ListPagination, type ListPaginationProps } from './ListPagination';
export { PageShell, type PageShellProps } from './PageShell';
export { Pager, type PagerProps } from './Pager';
export { NARROW, useMediaQuery, useNarrow } from './useMediaQuery';
export { parseSort, sortParam, useUrlFilters, type FilterValues } from './useUrlFilters';
