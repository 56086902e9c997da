import { Flex, Typography } from '@strapi/design-system';
import { useDates } from './common';
import { tm, type Message, type Translate } from './i18n';

/** One entry of an append-only history (src/infra/append-only.ts), as the plugins' admin APIs return it. */
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
  entries: E[];
  /** The plugin's translate function (`history.empty`, `history.system`). */
  t: Translate;
  /** The actions' labels, by action; an unknown action shows as it is. */
  actionLabels: Record<string, Message>;
  stateLabel: (state: E['toState']) => string | null;
  /** The lines worth showing from the entry's details (who was assigned, which fields changed…). */
  details: (entry: E) => string[];
}

/** What happened to a record, oldest first: who, when, from → to, why, and the details worth showing. */
export function HistoryList<E extends HistoryEntry>({
  entries,
  t,
  actionLabels,
  stateLabel,
  details,
}: HistoryListProps<E>) {
  const dates = useDates();
  const actionLabel = (action: string) =>
    Object.hasOwn(actionLabels, action) ? tm(t, actionLabels[action]) : action;

  if (entries.length === 0) {
    return <Typography textColor="neutral600">{t('history.empty', 'Chưa có sự kiện nào.')}</Typography>;
  }

  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={0} data-testid="history-list">
      {entries.map((entry, index) => (
        <Flex
          key={entry.id ?? `${entry.at}-${index}`}
          tag="li"
          direction="column"
          alignItems="flex-start"
          gap={1}
          paddingLeft={4}
          paddingBottom={4}
          borderColor="neutral200"
          borderStyle="none none none solid"
          borderWidth="0 0 0 2px"
          data-action={entry.action}
        >
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{actionLabel(entry.action)}</Typography>
            {(entry.fromState || entry.toState) && (
              <Typography textColor="neutral800">
                {entry.fromState
                  ? `${stateLabel(entry.fromState)} → ${stateLabel(entry.toState)}`
                  : stateLabel(entry.toState)}
              </Typography>
            )}
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {entry.actorName || t('history.system', 'Hệ thống')} ·{' '}
            <time dateTime={entry.at}>{dates.instant(entry.at)}</time>
          </Typography>
          {entry.reason && (
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.reason}
            </Typography>
          )}
          {details(entry).map((line) => (
            <Typography key={line} variant="pi" textColor="neutral700">
              {line}
            </Typography>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
