import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { HistoryEvent, Person } from '../api';
import { tm, useT, type Translate } from '../i18n';
import { ACTION_LABELS, FIELD_LABELS, isHistoryAction, isState, personName, STATE_LABELS } from '../labels';

interface HistoryTimelineProps {
  events: HistoryEvent[];
  /** To name the assignee of older `assigned` events that stored only the id. */
  people: (Person & { id: number })[];
}

const stateLabel = (t: Translate, state: string | null) =>
  isState(state) ? tm(t, STATE_LABELS[state]) : state;

/** What happened to a submission, oldest first: who, when, from → to, and why. */
export const HistoryTimeline = ({ events, people }: HistoryTimelineProps) => {
  const t = useT();
  const { formatDate } = useIntl();

  const detail = (event: HistoryEvent): string | null => {
    if (event.action === 'assigned') {
      const id = Number(event.details?.assigneeId);
      const person = people.find((p) => p.id === id);
      const stored = typeof event.details?.assigneeName === 'string' ? event.details.assigneeName : null;
      return t('history.assignedTo', 'Người phụ trách: {name}', {
        name: stored ?? (person ? personName(person) : `#${id}`),
      });
    }
    if (event.action === 'edited' && Array.isArray(event.details?.fields)) {
      return t('history.editedFields', 'Các trường đã sửa: {fields}', {
        fields: (event.details.fields as unknown[])
          .map((field) =>
            typeof field === 'string' && field in FIELD_LABELS
              ? tm(t, FIELD_LABELS[field as keyof typeof FIELD_LABELS])
              : String(field)
          )
          .join(', '),
      });
    }
    return null;
  };

  if (events.length === 0) {
    return <Typography textColor="neutral600">{t('history.empty', 'Chưa có sự kiện nào.')}</Typography>;
  }

  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={0} data-testid="history-list">
      {events.map((event, index) => {
        const extra = detail(event);
        return (
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
              <Typography fontWeight="bold">
                {isHistoryAction(event.action) ? tm(t, ACTION_LABELS[event.action]) : event.action}
              </Typography>
              {(event.fromState || event.toState) && (
                <Typography textColor="neutral800">
                  {event.fromState
                    ? `${stateLabel(t, event.fromState)} → ${stateLabel(t, event.toState)}`
                    : stateLabel(t, event.toState)}
                </Typography>
              )}
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {event.actorName} ·{' '}
              <time dateTime={event.at}>
                {formatDate(event.at, { dateStyle: 'short', timeStyle: 'short' })}
              </time>
            </Typography>
            {event.reason && (
              <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                {event.reason}
              </Typography>
            )}
            {extra && (
              <Typography variant="pi" textColor="neutral700">
                {extra}
              </Typography>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};
