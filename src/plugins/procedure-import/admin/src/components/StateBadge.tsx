import { stateBadge } from '#admin/shared/StateBadge';
import type { ImportState, ImportStatus } from '../api';
import { useT } from '../i18n';
import {
  IMPORT_STATE_LABELS,
  IMPORT_STATE_VARIANTS,
  ROW_STATUS_LABELS,
  ROW_STATUS_VARIANTS,
} from '../labels';

/** Where an import stands: previewed, applying, applied, failed. */
export const ImportStateBadge = stateBadge<ImportState>(useT, IMPORT_STATE_LABELS, IMPORT_STATE_VARIANTS);

/** What a row of the file is to the catalogue: new, changed, unchanged. */
export const RowStatusBadge = stateBadge<ImportStatus>(useT, ROW_STATUS_LABELS, ROW_STATUS_VARIANTS);
