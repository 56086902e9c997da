import { Badge } from '@strapi/design-system';
import { tm, useT } from '../i18n';
import { STATE_LABELS, STATE_VARIANTS, type SubmissionState } from '../labels';

interface StateBadgeProps {
  state: SubmissionState;
  testId?: string;
}

/** The localized state of a submission; `data-state` carries the raw value. */
export const StateBadge = ({ state, testId }: StateBadgeProps) => {
  const t = useT();
  const label = STATE_LABELS[state];
  return (
    <Badge variant={STATE_VARIANTS[state] ?? 'neutral'} data-testid={testId} data-state={state}>
      {label ? tm(t, label) : state}
    </Badge>
  );
};
