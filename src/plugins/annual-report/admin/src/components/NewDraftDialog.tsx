import * as React from 'react';
import { Button, Field, Flex, Modal, Radio, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DateField, useInvalidDates } from '../../../../../admin/shared/DateField';
import { problemOf, useApi, type NewDraft, type Report } from '../api';
import { useT } from '../i18n';
import { OtherErrors } from './common';

interface NewDraftDialogProps {
  open: boolean;
  /** The latest year that has data. */
  defaultYear: number;
  onClose: () => void;
  onCreated: (report: Report) => void;
}

type Mode = 'year' | 'period';

/** The Office starts a draft: the figures of a year (or of custom dates) are computed and frozen into it. */
export const NewDraftDialog = ({ open, defaultYear, onClose, onCreated }: NewDraftDialogProps) => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const [mode, setMode] = React.useState<Mode>('year');
  // A text field: the number input would group the year's digits (2.021).
  const [year, setYear] = React.useState(String(defaultYear));
  const [from, setFrom] = React.useState('');
  const [to, setTo] = React.useState('');
  const [title, setTitle] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const invalidDates = useInvalidDates();

  React.useEffect(() => {
    if (!open) return;
    setMode('year');
    setYear(String(defaultYear));
    setFrom('');
    setTo('');
    setTitle('');
    setErrors({});
  }, [open, defaultYear]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // A date typed wrong shows its own error on the field.
    if (mode === 'period' && invalidDates.any) return;
    const missing: Record<string, string> = {};
    const required = t('form.required', 'Vui lòng nhập thông tin này.');
    if (mode === 'year' && !/^\d{4}$/.test(year.trim()))
      missing.year = year.trim() ? t('draft.yearInvalid', 'Năm gồm 4 chữ số.') : required;
    if (mode === 'period' && !from) missing.from = required;
    if (mode === 'period' && !to) missing.to = required;
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    const data: NewDraft = mode === 'year' ? { year: Number(year.trim()) } : { from, to };
    if (title.trim()) data.title = title.trim();
    setBusy(true);
    try {
      onCreated(await api.createDraft(data));
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  const dateField = (name: 'from' | 'to', label: string, value: string, set: (value: string) => void) => (
    <DateField
      t={t}
      name={name}
      label={label}
      required
      error={errors[name]}
      testId={`draft-${name}`}
      value={value}
      onChange={(day) => {
        set(day ?? '');
        setErrors(({ [name]: _dropped, ...rest }) => rest);
      }}
      onInvalid={invalidDates.track(name)}
    />
  );

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate data-testid="draft-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{t('draft.title', 'Tạo dự thảo báo cáo')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral700">
                {t(
                  'draft.description',
                  'Số liệu của kỳ báo cáo được tính và lưu vào dự thảo; có thể tính lại cho đến khi ban hành.'
                )}
              </Typography>
              <Field.Root name="mode">
                <Field.Label>{t('draft.period', 'Kỳ báo cáo')}</Field.Label>
                <Radio.Group
                  value={mode}
                  onValueChange={(value: string) => setMode(value === 'period' ? 'period' : 'year')}
                  aria-label={t('draft.period', 'Kỳ báo cáo')}
                >
                  <Radio.Item value="year" data-testid="draft-mode-year">
                    {t('draft.mode.year', 'Cả năm')}
                  </Radio.Item>
                  <Radio.Item value="period" data-testid="draft-mode-period">
                    {t('draft.mode.period', 'Từ ngày đến ngày')}
                  </Radio.Item>
                </Radio.Group>
              </Field.Root>
              {mode === 'year' ? (
                <Field.Root name="year" error={errors.year} required>
                  <Field.Label>{t('field.year', 'Năm')}</Field.Label>
                  <TextInput
                    data-testid="draft-year"
                    inputMode="numeric"
                    maxLength={4}
                    value={year}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
                      setYear(event.target.value);
                      setErrors(({ year: _dropped, ...rest }) => rest);
                    }}
                  />
                  <Field.Error />
                </Field.Root>
              ) : (
                <Flex gap={4} alignItems="flex-start">
                  {dateField('from', t('field.from', 'Từ ngày'), from, setFrom)}
                  {dateField('to', t('field.to', 'Đến ngày'), to, setTo)}
                </Flex>
              )}
              <Field.Root
                name="title"
                error={errors.title}
                hint={t('draft.titleHint', 'Để trống để dùng tiêu đề mặc định theo kỳ báo cáo.')}
              >
                <Field.Label>{t('field.title', 'Tiêu đề')}</Field.Label>
                <TextInput
                  data-testid="draft-title"
                  value={title}
                  maxLength={255}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTitle(event.target.value)}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <OtherErrors errors={errors} fields={['year', 'from', 'to', 'title']} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" loading={busy} data-testid="draft-create">
              {t('draft.create', 'Tạo dự thảo')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
