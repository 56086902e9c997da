import * as React from 'react';
import { Box, Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { FormDialog, type FieldErrors, TextField } from '#admin/shared/kit';
import { useApi, type OverdueItem, type Reminder, type ReminderInput } from '../api';
import { useT } from '../i18n';
import { useDates, useLoader } from '#admin/shared/common';

/** What a reminder is about: a task or a feedback, with its label for the dialog. */
export interface ReminderTarget {
  type: 'task' | 'feedback';
  documentId: string;
  label: string;
}

interface ReminderDialogProps {
  /** The unit reminded; null closes the dialog. */
  unit: { id: number; name: string } | null;
  /**
   * The items the Office opened the dialog on (a row's "Đôn đốc"): only they are ticked, the unit's other overdue
   * items are offered unticked. Without them, every overdue item is ticked.
   */
  focus?: ReminderTarget[];
  onClose: () => void;
  onSent: (reminder: Reminder) => void;
}

const keyOf = (item: { type: string; documentId: string }) => `${item.type}:${item.documentId}`;

/** One line of the dialog: an overdue item (with how late it is), or an item picked from a row. */
type Line = {
  key: string;
  type: 'task' | 'feedback';
  documentId: string;
  overdue?: OverdueItem;
  label?: string;
};

/**
 * The Office reminds a unit (đôn đốc): the unit's overdue tasks and feedback are listed and ticked (except those
 * already reminded today), the Office unticks what it leaves out, and the message says "listed below" only when
 * something is. The unit's editors are notified, with the items ticked.
 */
export const ReminderDialog = ({ unit, focus, onClose, onSent }: ReminderDialogProps) => {
  const t = useT();
  const api = useApi();
  const { day } = useDates();
  const { toggleNotification } = useNotification();
  const unitId = unit?.id ?? null;
  const overdue = useLoader(
    async () => (unitId === null ? null : await api.getOverdue(unitId)),
    [api, unitId]
  );
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [message, setMessage] = React.useState('');
  // The prefilled message follows the choice until the Office writes its own.
  const [edited, setEdited] = React.useState(false);

  // Fresh on each opening: an item reminded a minute ago must show as such.
  const loaded = !overdue.loading && overdue.data?.unit.id === unitId ? overdue.data : null;
  const lines = React.useMemo<Line[]>(() => {
    const items: Line[] = (loaded?.items ?? []).map((item) => ({
      key: keyOf(item),
      type: item.type,
      documentId: item.documentId,
      overdue: item,
    }));
    const known = new Set(items.map((item) => item.key));
    const picked = (focus ?? [])
      .filter((item) => !known.has(keyOf(item)))
      .map((item) => ({ key: keyOf(item), type: item.type, documentId: item.documentId, label: item.label }));
    return [...picked, ...items];
  }, [loaded, focus]);

  React.useEffect(() => {
    if (!unit) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setEdited(false);
  }, [unit]);

  // Ticked on opening (once the overdue items are in): the row's items, else every overdue item not reminded today.
  React.useEffect(() => {
    if (!unit) return;
    const focused = new Set((focus ?? []).map(keyOf));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setChosen(
      new Set(
        lines
          .filter((line) => !line.overdue?.remindedToday)
          .filter((line) => (focus?.length ? focused.has(line.key) : true))
          .map((line) => line.key)
      )
    );
  }, [unit, focus, lines]);

  const selected = lines.filter((line) => chosen.has(line.key));
  const listed = selected.length > 0;

  React.useEffect(() => {
    if (!unit || edited) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setMessage(
      listed
        ? t(
            'reminder.defaultMessage',
            'Văn phòng Sở đề nghị {unit} khẩn trương thực hiện các nhiệm vụ, giải quyết các phản ánh, kiến nghị được liệt kê dưới đây theo Kế hoạch truyền thông của Sở, và báo cáo kết quả về Văn phòng Sở.',
            { unit: unit.name }
          )
        : t(
            'reminder.generalMessage',
            'Văn phòng Sở đề nghị {unit} khẩn trương thực hiện các nhiệm vụ được giao theo Kế hoạch truyền thông của Sở, và báo cáo kết quả về Văn phòng Sở.',
            { unit: unit.name }
          )
    );
  }, [unit, edited, listed, t]);

  const validate = (): FieldErrors =>
    message.trim() ? {} : { message: t('form.required', 'Vui lòng nhập nội dung.') };

  const submit = async () => {
    if (!unit) return;
    const input: ReminderInput = {
      unit: unit.id,
      message: message.trim(),
      items: selected.map(({ type, documentId }) => ({ type, documentId })),
    };
    const reminder = await api.sendReminder(input);
    toggleNotification({
      type: 'success',
      message: t('reminder.sent', 'Đã gửi đôn đốc tới {unit}.', { unit: unit.name }),
    });
    onSent(reminder);
  };

  const describe = (line: Line) => {
    const item = line.overdue;
    if (!item) return line.label ?? '';
    const what =
      item.type === 'task'
        ? t('reminders.item.task', 'Nhiệm vụ {code}: {title}', { code: item.code ?? '', title: item.title })
        : t('reminders.item.feedback', 'Phản ánh, kiến nghị: {title}', { title: item.title });
    const late =
      item.lateDaysKind === 'working'
        ? t('reminder.late.working', 'hạn {date}, trễ {days} ngày làm việc', {
            date: day(item.dueDate),
            days: item.lateDays,
          })
        : t('reminder.late.calendar', 'hạn {date}, trễ {days} ngày', {
            date: day(item.dueDate),
            days: item.lateDays,
          });
    return `${what} — ${late}`;
  };

  const tasks = selected.filter((line) => line.type === 'task').length;

  return (
    <FormDialog
      open={unit !== null}
      title={t('reminder.dialog.title', 'Gửi đôn đốc {unit}', { unit: unit?.name ?? '' })}
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      blocked={overdue.loading}
      submitLabel={
        listed
          ? t('reminder.sendCount', 'Gửi đôn đốc ({count} mục)', { count: selected.length })
          : t('reminder.send', 'Gửi đôn đốc')
      }
      fields={['message']}
      testId="reminder-dialog"
    >
      {({ errors, clearError }) => (
        <>
          <Typography textColor="neutral700">
            {t(
              'reminder.dialog.description',
              'Các biên tập viên của đơn vị nhận được thông báo đôn đốc; đơn vị thấy nội dung này tại trang “Việc của đơn vị”.'
            )}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="reminder-items">
            <Typography variant="sigma" textColor="neutral600">
              {t('reminder.dialog.items', '{tasks} nhiệm vụ, {feedback} phản ánh, kiến nghị', {
                tasks,
                feedback: selected.length - tasks,
              })}
            </Typography>
            {overdue.loading ? (
              <Loader small>{t('loading', 'Đang tải…')}</Loader>
            ) : lines.length === 0 ? (
              <Typography textColor="neutral600" data-testid="reminder-no-overdue">
                {t(
                  'reminder.dialog.noOverdue',
                  'Đơn vị không có nhiệm vụ, phản ánh nào quá hạn: đôn đốc chung.'
                )}
              </Typography>
            ) : (
              lines.map((line) => {
                const reminded = line.overdue?.remindedToday === true;
                return (
                  <Box key={line.key} data-testid="reminder-dialog-item" data-reminded={reminded}>
                    <Checkbox
                      checked={chosen.has(line.key)}
                      disabled={reminded}
                      onCheckedChange={(checked) =>
                        setChosen((was) => {
                          const next = new Set(was);
                          if (checked === true) next.add(line.key);
                          else next.delete(line.key);
                          return next;
                        })
                      }
                    >
                      {describe(line)}
                    </Checkbox>
                    {reminded && (
                      <Box paddingLeft={6}>
                        <Typography variant="pi" textColor="neutral600">
                          {t(
                            'reminder.remindedToday',
                            'Đã được đôn đốc hôm nay; có thể đôn đốc lại từ ngày mai.'
                          )}
                        </Typography>
                      </Box>
                    )}
                  </Box>
                );
              })
            )}
          </Flex>
          <TextField
            name="message"
            error={errors.message}
            required
            label={t('reminder.message', 'Nội dung đôn đốc')}
            testId="reminder-message"
            rows={5}
            value={message}
            onChange={(value) => {
              setMessage(value);
              setEdited(true);
              clearError('message');
            }}
            multiline
          />
        </>
      )}
    </FormDialog>
  );
};
