import { Badge } from '@strapi/design-system';
import { tm, type Message, type Translate } from './i18n';
import type { BadgeVariant } from './vocabulary';

export interface StateBadgeProps<S extends string> {
  state: S;
  testId?: string;
}

/**
 * A plugin's badge of a record's state, from its labels and colours by state (an unknown state shows as it is, in
 * grey); `data-state` carries the raw value.
 */
export function stateBadge<S extends string>(
  useT: () => Translate,
  labels: Record<S, Message>,
  variants: Record<S, BadgeVariant>
) {
  return function StateBadge({ state, testId }: StateBadgeProps<S>) {
    const t = useT();
    const label = labels[state];
    return (
      <Badge variant={variants[state] ?? 'neutral'} data-testid={testId} data-state={state}>
        {label ? tm(t, label) : state}
      </Badge>
    );
  };
}
