import { Badge } from '@strapi/design-system';
import { useT } from '../i18n';
import { stateLabel, STATE_VARIANTS, type FeedbackState } from '../labels';

interface StateBadgeProps {
  state: FeedbackState;
  testId?: string;
}

/** The localized state of a feedback; `data-state` carries the raw value. */
export const StateBadge = ({ state, testId }: StateBadgeProps) => {
  const t = useT();
  return (
    <Badge variant={STATE_VARIANTS[state] ?? 'neutral'} data-testid={testId} data-state={state}>
      {stateLabel(t, state)}
    </Badge>
  );
};
