import { Flex, Typography } from '@strapi/design-system';
import { useDates } from './common';
import { tm, type Message, type Translate } from './i18n';

/** One event of an append-only history (src/infra/append-only.ts), as the plugins' admin APIs return it. */
export interface HistoryEntry {
  id?: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

interface HistoryListProps<E extends HistoryEntry> {
  events: E[];
  /** The plugin's translate function (`history.empty`, `history.system`). */
  t: Translate;
  /** The actions' labels, by action; an unknown action shows as it is. */
  actionLabels: Record<string, Message>;
  stateLabel: (state: E['toState']) => string | null;
  /** The lines worth showing from the event's details (who was assigned, which fields changed…). */
  details: (event: E) => string[];
}

/** What happened to a record, oldest first: who, when, from → to, why, and the details worth showing. */
export function HistoryList<E extends HistoryEntry>({
  events,
  t,
  actionLabels,
  stateLabel,
  details,
}: HistoryListProps<E>) {
  const dates = useDates();
  const actionLabel = (action: string) =>
    Object.hasOwn(actionLabels, action) ? tm(t, actionLabels[action]) : action;

  if (events.length === 0) {
    return <Typography textColor="neutral600">{t('history.empty', 'Chưa có sự kiện nào.')}</Typography>;
  }

  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={0} data-testid="history-list">
      {events.map((event, index) => (
        <Flex
          key={event.id ?? `${event.at}-${index}`}
          tag="li"
          direction="column"
          alignItems="flex-start"
          gap={1}
          paddingLeft={4}
          paddingBottom={4}
          borderColor="neutral200"
          borderStyle="none none none solid"
          borderWidth="0 0 0 2px"
          data-action={event.action}
        >
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{actionLabel(event.action)}</Typography>
            {(event.fromState || event.toState) && (
              <Typography textColor="neutral800">
                {event.fromState
                  ? `${stateLabel(event.fromState)} → ${stateLabel(event.toState)}`
                  : stateLabel(event.toState)}
              </Typography>
            )}
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {event.actorName || t('history.system', 'Hệ thống')} ·{' '}
            <time dateTime={event.at}>{dates.instant(event.at)}</time>
          </Typography>
          {event.reason && (
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {event.reason}
            </Typography>
          )}
          {details(event).map((line) => (
            <Typography key={line} variant="pi" textColor="neutral700">
              {line}
            </Typography>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
