import { useT } from '../i18n';
import { STATE_LABELS, STATE_VARIANTS, type FeedbackState } from '../labels';
import { stateBadge } from '#admin/shared/StateBadge';

/** The localized state of a feedback. */
export const StateBadge = stateBadge<FeedbackState>(useT, STATE_LABELS, STATE_VARIANTS);
