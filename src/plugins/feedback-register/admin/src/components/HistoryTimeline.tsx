import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { calendarDay, type HistoryEvent } from '../api';
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

/** What happened to a feedback, oldest first: who, when, from → to, and why. */
export const HistoryTimeline = ({ events }: HistoryTimelineProps) => {
  const t = useT();
  const { formatDate } = useIntl();

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
      else if (DAY.test(value))
        value = formatDate(calendarDay(value), { dateStyle: 'medium', timeZone: 'UTC' });
      shown.add(label.id);
      lines.push(`${tm(t, label)}: ${value}`);
    }
    return lines;
  };

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
            {event.actorName || t('history.system', 'Hệ thống')} ·{' '}
            <time dateTime={event.at}>
              {formatDate(event.at, { dateStyle: 'short', timeStyle: 'short' })}
            </time>
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
};
