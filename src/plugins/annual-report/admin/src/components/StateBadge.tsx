import { Badge } from '@strapi/design-system';
import type { ReportState } from '../api';
import { tm, useT } from '../i18n';
import { REPORT_STATE_LABELS, REPORT_STATE_VARIANTS } from '../labels';

/** The localized state of a report; `data-state` carries the raw value. */
export const StateBadge = ({ state, testId }: { state: ReportState; testId?: string }) => {
  const t = useT();
  const label = REPORT_STATE_LABELS[state];
  return (
    <Badge variant={REPORT_STATE_VARIANTS[state] ?? 'neutral'} data-testid={testId} data-state={state}>
      {label ? tm(t, label) : state}
    </Badge>
  );
};
