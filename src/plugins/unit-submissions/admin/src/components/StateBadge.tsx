import { useT } from '../i18n';
import { STATE_LABELS, STATE_VARIANTS, type SubmissionState } from '../labels';
import { stateBadge } from '#admin/shared/StateBadge';

/** The localized state of a submission. */
export const StateBadge = stateBadge<SubmissionState>(useT, STATE_LABELS, STATE_VARIANTS);
