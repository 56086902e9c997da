import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { Reminder } from '../api';
import { tm, useT } from '../i18n';
import { REMINDER_KIND_LABELS } from '../labels';
import { Empty, PRE, useDates } from '#admin/shared/common';

/** Reminders, latest first, with what each was about. */
export const ReminderList = ({ reminders, showUnit }: { reminders: Reminder[]; showUnit?: boolean }) => {
  const t = useT();
  const { day, instant } = useDates();
  if (reminders.length === 0)
    return <Empty testId="reminders-empty">{t('reminders.empty', 'Chưa có lần đôn đốc nào.')}</Empty>;

  const sorted = [...reminders].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ol" data-testid="reminder-list">
      {sorted.map((reminder) => (
        <Box
          key={reminder.documentId}
          tag="li"
          padding={4}
          hasRadius
          borderColor="neutral200"
          background="neutral0"
          data-testid="reminder-item"
          data-kind={reminder.kind}
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Flex gap={2} wrap="wrap">
              <Badge variant={reminder.kind === 'manual' ? 'warning' : 'neutral'}>
                {tm(t, REMINDER_KIND_LABELS[reminder.kind] ?? REMINDER_KIND_LABELS.manual)}
              </Badge>
              <Typography variant="omega" fontWeight="bold">
                <time dateTime={reminder.sentAt}>{instant(reminder.sentAt)}</time>
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t('reminders.by', '{name} · {count} người nhận', {
                  name: reminder.sentByName,
                  count: reminder.recipientCount ?? 0,
                })}
              </Typography>
              {showUnit && reminder.unit && (
                <Typography variant="pi" textColor="neutral700">
                  {reminder.unit.name}
                </Typography>
              )}
            </Flex>
            {reminder.message && (
              <Typography textColor="neutral800" style={PRE} data-testid="reminder-message-text">
                {reminder.message}
              </Typography>
            )}
            {(reminder.items ?? []).length > 0 && (
              <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                {(reminder.items ?? []).map((item) => (
                  <li key={`${item.type}-${item.documentId}`}>
                    <Typography variant="pi" textColor="neutral700">
                      {item.type === 'task'
                        ? t('reminders.item.task', 'Nhiệm vụ {code}: {title}', {
                            code: item.code ?? '',
                            title: item.title ?? '',
                          })
                        : t('reminders.item.feedback', 'Phản ánh, kiến nghị: {title}', {
                            title: item.title ?? '',
                          })}
                      {item.dueDate
                        ? ` — ${t('reminders.item.due', 'hạn {date}', { date: day(item.dueDate) })}`
                        : ''}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
