import { useIntl } from 'react-intl';
import { HistoryList } from '#admin/shared/HistoryList';
import { kindLabel, type HistoryEntry, type ProcedureRef } from '../api';
import { useDates } from '#admin/shared/common';
import { msg, tm, useT, type Message } from '../i18n';
import { ACTION_LABELS, channelLabel, stateLabel } from '../labels';
import { useOptions } from './OptionsContext';
import { procedureLabel } from './ProcedurePicker';

interface FeedbackHistoryProps {
  entries: HistoryEntry[];
}

/** The details of an entry worth showing, by key; other keys are internal. */
const DETAIL_LABELS: Record<string, Message> = {
  unitName: msg('history.detail.unit', 'Đơn vị xử lý'),
  unit: msg('history.detail.unit', 'Đơn vị xử lý'),
  unitDueDate: msg('history.detail.unitDueDate', 'Hạn của đơn vị'),
  receivingAgency: msg('field.receivingAgency', 'Cơ quan có thẩm quyền'),
  letterNumber: msg('field.letterNumber', 'Số, ký hiệu văn bản chuyển'),
  channel: msg('field.channel', 'Kênh tiếp nhận'),
  kind: msg('field.kind', 'Loại phản ánh, kiến nghị'),
  procedure: msg('field.procedure', 'Thủ tục hành chính'),
  comment: msg('history.detail.comment', 'Ghi chú'),
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A correction made at classification: `{ from, to }`. */
const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  isObject(value) && 'from' in value && 'to' in value;

/** What happened to a feedback, oldest first: who, when, from → to, why, and its details. */
export const FeedbackHistory = ({ entries }: FeedbackHistoryProps) => {
  const t = useT();
  const dates = useDates();
  const { kinds } = useOptions();
  const { locale } = useIntl();

  /** One value of a detail as people read it: a channel's or kind's label, a procedure's code and name, a day. */
  const shown = (key: string, raw: unknown): string | null => {
    if (key === 'procedure' && isObject(raw) && typeof raw.nationalCode === 'string')
      return procedureLabel(raw as unknown as ProcedureRef);
    if (isObject(raw)) return typeof raw.name === 'string' ? raw.name : null;
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const value = String(raw);
    if (key === 'channel') return channelLabel(t, value);
    if (key === 'kind') return kindLabel(kinds, value, locale);
    return DAY.test(value) ? dates.day(value) : value;
  };

  const details = (entry: HistoryEntry): string[] => {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const [key, raw] of Object.entries(entry.details ?? {})) {
      const label = DETAIL_LABELS[key];
      if (!label || seen.has(label.id)) continue;
      const value = isChange(raw)
        ? `${shown(key, raw.from) ?? '—'} → ${shown(key, raw.to) ?? '—'}`
        : shown(key, raw);
      if (!value) continue;
      seen.add(label.id);
      lines.push(`${tm(t, label)}: ${value}`);
    }
    return lines;
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
