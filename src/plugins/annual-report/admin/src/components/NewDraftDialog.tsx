import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { DateField, useInvalidDates } from '#admin/shared/DateField';
import { FormDialog, type FieldErrors, RadioField, TextField } from '#admin/shared/kit';
import { useApi, type NewDraft, type Report } from '../api';
import { useT } from '../i18n';

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
  const [mode, setMode] = React.useState<Mode>('year');
  // A text field: the number input would group the year's digits (2.021).
  const [year, setYear] = React.useState(String(defaultYear));
  const [from, setFrom] = React.useState('');
  const [to, setTo] = React.useState('');
  const [title, setTitle] = React.useState('');
  const invalidDates = useInvalidDates();

  React.useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setMode('year');
    setYear(String(defaultYear));
    setFrom('');
    setTo('');
    setTitle('');
  }, [open, defaultYear]);

  const validate = () => {
    const missing: FieldErrors = {};
    const required = t('form.required', 'Vui lòng nhập thông tin này.');
    if (mode === 'year' && !/^\d{4}$/.test(year.trim()))
      missing.year = year.trim() ? t('draft.yearInvalid', 'Năm gồm 4 chữ số.') : required;
    if (mode === 'period' && !from) missing.from = required;
    if (mode === 'period' && !to) missing.to = required;
    return missing;
  };

  const submit = async () => {
    const data: NewDraft = mode === 'year' ? { year: Number(year.trim()) } : { from, to };
    if (title.trim()) data.title = title.trim();
    onCreated(await api.createDraft(data));
  };

  return (
    <FormDialog
      open={open}
      title={t('draft.title', 'Tạo dự thảo báo cáo')}
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      submitLabel={t('draft.create', 'Tạo dự thảo')}
      blocked={mode === 'period' && invalidDates.any}
      fields={['year', 'from', 'to', 'title']}
      testId="draft-dialog"
    >
      {({ errors, clearError }) => {
        const dateField = (
          name: 'from' | 'to',
          label: string,
          value: string,
          set: (value: string) => void
        ) => (
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
              clearError(name);
            }}
            onInvalid={invalidDates.track(name)}
          />
        );
        return (
          <>
            <Typography textColor="neutral700">
              {t(
                'draft.description',
                'Số liệu của kỳ báo cáo được tính và lưu vào dự thảo; có thể tính lại cho đến khi ban hành.'
              )}
            </Typography>
            <RadioField
              name="mode"
              label={t('draft.period', 'Kỳ báo cáo')}
              value={mode}
              onChange={setMode}
              options={[
                { value: 'year', label: t('draft.mode.year', 'Cả năm'), testId: 'draft-mode-year' },
                {
                  value: 'period',
                  label: t('draft.mode.period', 'Từ ngày đến ngày'),
                  testId: 'draft-mode-period',
                },
              ]}
            />
            {mode === 'year' ? (
              <TextField
                name="year"
                error={errors.year}
                required
                label={t('field.year', 'Năm')}
                testId="draft-year"
                inputMode="numeric"
                maxLength={4}
                value={year}
                onChange={(value) => {
                  setYear(value);
                  clearError('year');
                }}
              />
            ) : (
              <Flex gap={4} alignItems="flex-start" wrap="wrap">
                {dateField('from', t('field.from', 'Từ ngày'), from, setFrom)}
                {dateField('to', t('field.to', 'Đến ngày'), to, setTo)}
              </Flex>
            )}
            <TextField
              name="title"
              error={errors.title}
              hint={t('draft.titleHint', 'Để trống để dùng tiêu đề mặc định theo kỳ báo cáo.')}
              label={t('field.title', 'Tiêu đề')}
              testId="draft-title"
              value={title}
              maxLength={255}
              onChange={(value) => setTitle(value)}
            />
          </>
        );
      }}
    </FormDialog>
  );
};
