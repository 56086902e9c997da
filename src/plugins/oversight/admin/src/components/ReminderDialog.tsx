import * as React from 'react';
import { Box, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, useApi, type Reminder, type ReminderInput } from '../api';
import { useT } from '../i18n';
import { OtherErrors } from './common';

/** What a reminder is about: a task or a feedback, with its label for the dialog. */
export interface ReminderTarget {
  type: 'task' | 'feedback';
  documentId: string;
  label: string;
}

interface ReminderDialogProps {
  /** The unit reminded; null closes the dialog. */
  unit: { id: number; name: string } | null;
  items: ReminderTarget[];
  onClose: () => void;
  onSent: (reminder: Reminder) => void;
}

/** The Office reminds a unit of its overdue tasks and feedback (đôn đốc); the unit's editors are notified. */
export const ReminderDialog = ({ unit, items, onClose, onSent }: ReminderDialogProps) => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [message, setMessage] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  const open = unit !== null;
  const tasks = items.filter((item) => item.type === 'task').length;
  const feedback = items.length - tasks;

  React.useEffect(() => {
    if (!unit) return;
    setErrors({});
    setMessage(
      t(
        'reminder.defaultMessage',
        'Văn phòng Sở đề nghị {unit} khẩn trương thực hiện các nhiệm vụ, giải quyết các phản ánh, kiến nghị được liệt kê dưới đây theo Kế hoạch truyền thông của Sở, và báo cáo kết quả về Văn phòng Sở.',
        { unit: unit.name }
      )
    );
    // Prefilled once per opening.
  }, [unit, t]);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!unit || busy) return;
    if (!message.trim()) {
      setErrors({ message: t('form.required', 'Vui lòng nhập nội dung.') });
      return;
    }
    const input: ReminderInput = {
      unit: unit.id,
      message: message.trim(),
      items: items.map(({ type, documentId }) => ({ type, documentId })),
    };
    setBusy(true);
    try {
      const reminder = await api.sendReminder(input);
      toggleNotification({
        type: 'success',
        message: t('reminder.sent', 'Đã gửi đôn đốc tới {unit}.', { unit: unit.name }),
      });
      onSent(reminder);
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={send} noValidate data-testid="reminder-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>
              {t('reminder.dialog.title', 'Gửi đôn đốc {unit}', { unit: unit?.name ?? '' })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral700">
                {t(
                  'reminder.dialog.description',
                  'Các biên tập viên của đơn vị nhận được thông báo đôn đốc; đơn vị thấy nội dung này tại trang “Việc của đơn vị”.'
                )}
              </Typography>
              {items.length > 0 ? (
                <Box padding={3} background="neutral100" hasRadius>
                  <Typography variant="sigma" textColor="neutral600">
                    {t('reminder.dialog.items', '{tasks} nhiệm vụ, {feedback} phản ánh, kiến nghị', {
                      tasks,
                      feedback,
                    })}
                  </Typography>
                  <Box tag="ul" paddingTop={2} paddingLeft={4} style={{ listStyle: 'disc' }}>
                    {items.map((item) => (
                      <li key={`${item.type}-${item.documentId}`} data-testid="reminder-dialog-item">
                        <Typography textColor="neutral800">{item.label}</Typography>
                      </li>
                    ))}
                  </Box>
                </Box>
              ) : (
                <Typography textColor="neutral600">
                  {t('reminder.dialog.noItems', 'Đôn đốc chung, không kèm nhiệm vụ cụ thể.')}
                </Typography>
              )}
              <Field.Root name="message" error={errors.message} required>
                <Field.Label>{t('reminder.message', 'Nội dung đôn đốc')}</Field.Label>
                <Textarea
                  data-testid="reminder-message"
                  rows={6}
                  value={message}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setMessage(event.target.value);
                    setErrors(({ message: _dropped, ...rest }) => rest);
                  }}
                />
                <Field.Error />
              </Field.Root>
              <OtherErrors errors={errors} fields={['message']} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" loading={busy} data-testid="reminder-send">
              {t('reminder.send', 'Gửi đôn đốc')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
