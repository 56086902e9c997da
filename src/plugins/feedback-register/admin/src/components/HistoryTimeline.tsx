import { HistoryList } from '../../../../../admin/shared/HistoryList';
import { type HistoryEvent } from '../api';
import { useDates } from '../../../../../admin/shared/common';
import { msg, tm, useT, type Message } from '../i18n';
import { ACTION_LABELS, channelLabel, isHistoryAction, stateLabel } from '../labels';

interface HistoryTimelineProps {
  events: HistoryEvent[];
}

/** The details of an event worth showing, by key; other keys are internal. */
const DETAIL_LABELS: Record<string, Message> = {
  unitName: msg('history.detail.unit', 'Đơn vị xử lý'),
  unit: msg('history.detail.unit', 'Đơn vị xử lý'),
  unitDueDate: msg('history.detail.unitDueDate', 'Hạn của đơn vị'),
  receivingAgency: msg('field.receivingAgency', 'Cơ quan có thẩm quyền'),
  letterNumber: msg('field.letterNumber', 'Số, ký hiệu văn bản chuyển'),
  channel: msg('field.channel', 'Kênh tiếp nhận'),
  comment: msg('history.detail.comment', 'Ghi chú'),
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What happened to a feedback, oldest first: who, when, from → to, why, and its details. */
export const HistoryTimeline = ({ events }: HistoryTimelineProps) => {
  const t = useT();
  const dates = useDates();

  const details = (event: HistoryEvent): string[] => {
    const shown = new Set<string>();
    const lines: string[] = [];
    for (const [key, raw] of Object.entries(event.details ?? {})) {
      const label = DETAIL_LABELS[key];
      if (!label || shown.has(label.id)) continue;
      let value: string | null = null;
      if (typeof raw === 'string' || typeof raw === 'number') value = String(raw);
      else if (raw && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string')
        value = (raw as { name: string }).name;
      if (!value) continue;
      if (key === 'channel') value = channelLabel(t, value);
      else if (DAY.test(value)) value = dates.day(value);
      shown.add(label.id);
      lines.push(`${tm(t, label)}: ${value}`);
    }
    return lines;
  };

  return (
    <HistoryList
      events={events}
      t={t}
      actionLabel={(action) => (isHistoryAction(action) ? tm(t, ACTION_LABELS[action]) : action)}
      stateLabel={(state) => stateLabel(t, state)}
      details={details}
    />
  );
};
