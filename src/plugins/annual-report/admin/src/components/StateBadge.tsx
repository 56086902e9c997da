import type { ReportState } from '../api';
import { useT } from '../i18n';
import { REPORT_STATE_LABELS, REPORT_STATE_VARIANTS } from '../labels';
import { stateBadge } from '#admin/shared/StateBadge';

/** The localized state of a report. */
export const StateBadge = stateBadge<ReportState>(useT, REPORT_STATE_LABELS, REPORT_STATE_VARIANTS);
