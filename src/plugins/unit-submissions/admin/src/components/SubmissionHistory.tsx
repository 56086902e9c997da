import { HistoryList } from '#admin/shared/HistoryList';
import type { HistoryEntry, Person } from '../api';
import { tm, useT, type Translate } from '../i18n';
import { ACTION_LABELS, FIELD_LABELS, isState, personName, STATE_LABELS } from '../labels';

interface SubmissionHistoryProps {
  entries: HistoryEntry[];
  /** To name the assignee of older `assigned` entries that stored only the id. */
  people: (Person & { id: number })[];
}

const stateLabel = (t: Translate, state: string | null) =>
  isState(state) ? tm(t, STATE_LABELS[state]) : state;

/** What happened to a submission, oldest first: who, when, from → to, why, and its details. */
export const SubmissionHistory = ({ entries, people }: SubmissionHistoryProps) => {
  const t = useT();

  const details = (entry: HistoryEntry): string[] => {
    if (entry.action === 'assigned') {
      const id = Number(entry.details?.assigneeId);
      const person = people.find((p) => p.id === id);
      const stored = typeof entry.details?.assigneeName === 'string' ? entry.details.assigneeName : null;
      return [
        t('history.assignedTo', 'Người phụ trách: {name}', {
          name: stored ?? (person ? personName(person) : `#${id}`),
        }),
      ];
    }
    if (entry.action === 'edited' && Array.isArray(entry.details?.fields)) {
      return [
        t('history.editedFields', 'Các trường đã sửa: {fields}', {
          fields: (entry.details.fields as unknown[])
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
      entries={entries}
      t={t}
      actionLabels={ACTION_LABELS}
      stateLabel={(state) => stateLabel(t, state)}
      details={details}
    />
  );
};
