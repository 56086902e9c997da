import * as React from 'react';
import { Box, Button, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { DateField, useInvalidDates } from '#admin/shared/DateField';
import { useNotification } from '@strapi/strapi/admin';
import { problemOf, type ApiProblem, type Options, type Submission, type SubmissionData } from '../api';
import { tm, useT } from '../i18n';
import {
  CHANNEL_LABELS,
  CHANNELS,
  FIELD_LABELS,
  isChannel,
  isKind,
  KIND_LABELS,
  SUBMISSION_KINDS,
  type Channel,
  type SubmissionKind,
} from '../labels';
import { UnitSelect } from '#admin/shared/UnitSelect';
import { FormField, TextField } from '#admin/shared/kit';
import { CodeSelect } from '#admin/shared/CodeSelect';

export interface FormValues {
  title: string;
  kind: SubmissionKind | '';
  unit: number | null;
  /** documentId, or '' for none. */
  planTask: string;
  proposedChannel: Channel;
  /** YYYY-MM-DD, or '' for none. */
  desiredPublicationDate: string;
  body: string;
}

export const emptyValues = (units: { id: number }[]): FormValues => ({
  title: '',
  kind: '',
  unit: units.length === 1 ? units[0].id : null,
  planTask: '',
  proposedChannel: 'website',
  desiredPublicationDate: '',
  body: '',
});

export const valuesOf = (submission: Submission): FormValues => ({
  title: submission.title,
  kind: isKind(submission.kind) ? submission.kind : '',
  unit: submission.unit?.id ?? null,
  planTask: submission.planTask?.documentId ?? '',
  proposedChannel: isChannel(submission.proposedChannel) ? submission.proposedChannel : 'website',
  desiredPublicationDate: submission.desiredPublicationDate?.slice(0, 10) ?? '',
  body: submission.body ?? '',
});

/** Field errors by field name (the server's `path`); `null` when saved. */
export type SaveResult = Record<string, string> | null;

/**
 * A failed save as the form shows it: the fields' errors with a warning to check them, else the message; `handle`
 * takes the failures the page deals with itself (a conflict). An aborted request shows nothing.
 */
export function useSaveFailure(handle: (problem: ApiProblem) => boolean = () => false) {
  const t = useT();
  const { toggleNotification } = useNotification();
  return (error: unknown): SaveResult => {
    const problem = problemOf(error);
    if (problem.aborted || handle(problem)) return null;
    if (Object.keys(problem.fields).length) {
      toggleNotification({
        type: 'warning',
        message: t('form.invalid', 'Vui lòng kiểm tra lại các trường được đánh dấu.'),
      });
      return problem.fields;
    }
    toggleNotification({ type: 'danger', message: problem.message });
    return {};
  };
}

interface SubmissionFormProps {
  initialValues: FormValues;
  units: { id: number; name: string }[];
  planTasks: Options['planTasks'];
  submitLabel: string;
  /** Edits send only the fields that changed. */
  onlyChanges?: boolean;
  onSubmit: (data: SubmissionData) => Promise<SaveResult>;
  onCancel?: () => void;
}

const toData = (values: FormValues): Required<SubmissionData> => ({
  title: values.title,
  kind: values.kind as SubmissionKind,
  body: values.body.trim() ? values.body : null,
  unit: values.unit as number,
  planTask: values.planTask || null,
  proposedChannel: values.proposedChannel,
  desiredPublicationDate: values.desiredPublicationDate || null,
});

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields of a submission, for a new one and for edits (attachments have their own panel). */
export const SubmissionForm = ({
  initialValues,
  units,
  planTasks,
  submitLabel,
  onlyChanges = false,
  onSubmit,
  onCancel,
}: SubmissionFormProps) => {
  const t = useT();
  const formId = React.useId();

  const [values, setValues] = React.useState<FormValues>(initialValues);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const invalidDates = useInvalidDates();

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  /** What names a field of the form: its name, its id, its label, its error. */
  const field = (name: keyof typeof FIELD_LABELS) => ({
    name,
    id: `${formId}-${name}`,
    label: tm(t, FIELD_LABELS[name]),
    error: errors[name],
  });

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // A date typed wrong shows its own error on the field.
    if (invalidDates.any) return;
    setSaving(true);
    setErrors({});
    try {
      const full = toData(values);
      let data: SubmissionData = full;
      if (onlyChanges) {
        const before = toData(initialValues);
        data = Object.fromEntries(
          (Object.keys(full) as (keyof SubmissionData)[])
            .filter((key) => full[key] !== before[key])
            .map((key) => [key, full[key]])
        );
      } else {
        if (!values.kind) delete data.kind;
        if (values.unit === null) delete data.unit;
      }
      const result = await onSubmit(data);
      if (result) setErrors(result);
    } finally {
      setSaving(false);
    }
  };

  const otherErrors = Object.entries(errors).filter(([path]) => !(path in FIELD_LABELS));

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={submitLabel}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        {otherErrors.length > 0 && (
          <Box role="alert" padding={4} background="danger100" hasRadius>
            {otherErrors.map(([path, message]) => (
              <Typography key={path} tag="p" textColor="danger700">
                {message}
              </Typography>
            ))}
          </Box>
        )}
        <Grid.Root gap={5}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <TextField
              {...field('title')}
              required
              testId="field-title"
              value={values.title}
              maxLength={255}
              onChange={(value) => set('title', value)}
            />
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <CodeSelect
              {...field('kind')}
              required
              codes={SUBMISSION_KINDS}
              labelOf={(kind) => tm(t, KIND_LABELS[kind])}
              value={values.kind}
              placeholder={t('form.kind.placeholder', 'Chọn thể loại')}
              onChange={(kind) => set('kind', kind)}
              testId="field-kind"
            />
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <UnitSelect
              id={`${formId}-unit`}
              units={units}
              value={values.unit}
              onChange={(value) => set('unit', Number(value) || null)}
              label={tm(t, FIELD_LABELS.unit)}
              error={errors.unit}
              hint={units.length === 0 ? t('form.unit.none', 'Bạn chưa thuộc đơn vị nào.') : undefined}
              placeholder={t('form.unit.placeholder', 'Chọn đơn vị')}
              testId="field-unit"
            />
          </Grid.Item>

          <Grid.Item col={12} direction="column" alignItems="stretch">
            <FormField
              {...field('planTask')}
              hint={t(
                'form.planTask.hint',
                'Không bắt buộc: nhiệm vụ của kế hoạch truyền thông mà tin bài thực hiện.'
              )}
            >
              <SingleSelect
                value={values.planTask || null}
                placeholder={t('form.planTask.placeholder', 'Không gắn với nhiệm vụ')}
                onChange={(value) => set('planTask', String(value))}
                onClear={() => set('planTask', '')}
                clearLabel={t('form.clear', 'Xóa lựa chọn')}
              >
                {planTasks.map((task) => (
                  <SingleSelectOption key={task.documentId} value={task.documentId}>
                    {shorten(`${task.code} — ${task.content}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </FormField>
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <CodeSelect
              {...field('proposedChannel')}
              codes={CHANNELS}
              labelOf={(channel) => tm(t, CHANNEL_LABELS[channel])}
              value={values.proposedChannel}
              onChange={(channel) => set('proposedChannel', channel)}
              testId="field-proposedChannel"
            />
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <DateField
              t={t}
              {...field('desiredPublicationDate')}
              testId="field-desiredPublicationDate"
              value={values.desiredPublicationDate}
              onChange={(day) => set('desiredPublicationDate', day ?? '')}
              onInvalid={invalidDates.track('desiredPublicationDate')}
            />
          </Grid.Item>

          <Grid.Item col={12} direction="column" alignItems="stretch">
            <TextField
              {...field('body')}
              hint={t('form.body.hint', 'Văn bản thuần; các đoạn cách nhau bởi một dòng trống.')}
              testId="field-body"
              value={values.body}
              rows={12}
              onChange={(value) => set('body', value)}
              multiline
            />
          </Grid.Item>
        </Grid.Root>

        <Flex gap={2} justifyContent="flex-end">
          {onCancel && (
            <Button type="button" variant="tertiary" onClick={onCancel} disabled={saving}>
              {t('form.cancel', 'Hủy')}
            </Button>
          )}
          <Button type="submit" loading={saving} data-testid="submission-save">
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};
