import { HistoryList } from '#admin/shared/HistoryList';
import type { HistoryEvent, Person } from '../api';
import { tm, useT, type Translate } from '../i18n';
import { ACTION_LABELS, FIELD_LABELS, isState, personName, STATE_LABELS } from '../labels';

interface HistoryTimelineProps {
  events: HistoryEvent[];
  /** To name the assignee of older `assigned` events that stored only the id. */
  people: (Person & { id: number })[];
}

const stateLabel = (t: Translate, state: string | null) =>
  isState(state) ? tm(t, STATE_LABELS[state]) : state;

/** What happened to a submission, oldest first: who, when, from → to, why, and its details. */
export const HistoryTimeline = ({ events, people }: HistoryTimelineProps) => {
  const t = useT();

  const details = (event: HistoryEvent): string[] => {
    if (event.action === 'assigned') {
      const id = Number(event.details?.assigneeId);
      const person = people.find((p) => p.id === id);
      const stored = typeof event.details?.assigneeName === 'string' ? event.details.assigneeName : null;
      return [
        t('history.assignedTo', 'Người phụ trách: {name}', {
          name: stored ?? (person ? personName(person) : `#${id}`),
        }),
      ];
    }
    if (event.action === 'edited' && Array.isArray(event.details?.fields)) {
      return [
        t('history.editedFields', 'Các trường đã sửa: {fields}', {
          fields: (event.details.fields as unknown[])
            .map((field) =>
              typeof field === 'string' && field in FIELD_LABELS
                ? tm(t, FIELD_LABELS[field as keyof typeof FIELD_LABELS])
                : String(field)
            )
            .join(', '),
        }),
      ];
    }
    return [];
  };

  return (
    <HistoryList
      events={events}
      t={t}
      actionLabels={ACTION_LABELS}
      stateLabel={(state) => stateLabel(t, state)}
      details={details}
    />
  );
};
