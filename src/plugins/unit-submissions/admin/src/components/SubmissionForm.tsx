import * as React from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  IconButton,
  Link,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { File as FileIcon, Paperclip, Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import {
  fileUrl,
  problemOf,
  useApi,
  type Attachment,
  type Options,
  type Submission,
  type SubmissionData,
} from '../api';
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
import { useTestIdRef } from './testId';

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

interface SubmissionFormProps {
  initialValues: FormValues;
  initialAttachments?: Attachment[];
  units: { id: number; name: string }[];
  planTasks: Options['planTasks'];
  submitLabel: string;
  /** Edits send only the fields that changed. */
  onlyChanges?: boolean;
  onSubmit: (data: SubmissionData) => Promise<SaveResult>;
  onCancel?: () => void;
}

const toData = (values: FormValues, attachments: number[]): Required<SubmissionData> => ({
  title: values.title,
  kind: values.kind as SubmissionKind,
  body: values.body.trim() ? values.body : null,
  unit: values.unit as number,
  planTask: values.planTask || null,
  proposedChannel: values.proposedChannel,
  desiredPublicationDate: values.desiredPublicationDate || null,
  attachments,
});

/** The types the server's upload configuration accepts (config/plugins.ts); the server still decides. */
const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp,.gif,.mp4,.webm,.mp3';

const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** A Date picked in the browser's time zone, as a calendar day. */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields of a submission, for a new one and for edits. Attachments are uploaded when saving. */
export const SubmissionForm = ({
  initialValues,
  initialAttachments = [],
  units,
  planTasks,
  submitLabel,
  onlyChanges = false,
  onSubmit,
  onCancel,
}: SubmissionFormProps) => {
  const t = useT();
  const { locale } = useIntl();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const formId = React.useId();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const kindRef = useTestIdRef('field-kind');
  const unitRef = useTestIdRef('field-unit');

  const [values, setValues] = React.useState<FormValues>(initialValues);
  const [attachments, setAttachments] = React.useState<Attachment[]>(initialAttachments);
  const [pending, setPending] = React.useState<File[]>([]);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const label = (field: keyof typeof FIELD_LABELS) => tm(t, FIELD_LABELS[field]);

  const handleFiles = (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    if (files.length) setPending((previous) => [...previous, ...files]);
    setErrors(({ attachments: _dropped, ...rest }) => rest);
  };

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setErrors({});
    try {
      let stored = attachments;
      if (pending.length) {
        try {
          const uploaded = await api.upload(pending);
          stored = [...attachments, ...uploaded];
          setAttachments(stored);
          setPending([]);
          if (fileInput.current) fileInput.current.value = '';
        } catch (error) {
          const problem = problemOf(error);
          if (!problem.aborted) {
            toggleNotification({
              type: 'danger',
              message: t('form.uploadFailed', 'Không tải được tệp đính kèm lên: {message}', {
                message: problem.message,
              }),
            });
          }
          return;
        }
      }
      const ids = stored.map((file) => file.id);
      const full = toData(values, ids);
      let data: SubmissionData = full;
      if (onlyChanges) {
        const before = toData(
          initialValues,
          initialAttachments.map((file) => file.id)
        );
        data = Object.fromEntries(
          (Object.keys(full) as (keyof SubmissionData)[])
            .filter((key) =>
              key === 'attachments'
                ? !sameIds(full.attachments, before.attachments)
                : full[key] !== before[key]
            )
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
  const attachmentsId = `${formId}-attachments`;

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
            <Field.Root name="title" id={`${formId}-title`} error={errors.title} required>
              <Field.Label>{label('title')}</Field.Label>
              <TextInput
                data-testid="field-title"
                value={values.title}
                maxLength={255}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('title', event.target.value)}
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="kind" id={`${formId}-kind`} error={errors.kind} required>
              <Field.Label>{label('kind')}</Field.Label>
              <SingleSelect
                ref={kindRef}
                value={values.kind || null}
                placeholder={t('form.kind.placeholder', 'Chọn thể loại')}
                onChange={(value) => set('kind', isKind(value) ? value : '')}
              >
                {SUBMISSION_KINDS.map((kind) => (
                  <SingleSelectOption key={kind} value={kind}>
                    {tm(t, KIND_LABELS[kind])}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="unit"
              id={`${formId}-unit`}
              error={errors.unit}
              required
              hint={units.length === 0 ? t('form.unit.none', 'Bạn chưa thuộc đơn vị nào.') : undefined}
            >
              <Field.Label>{label('unit')}</Field.Label>
              <SingleSelect
                ref={unitRef}
                value={values.unit === null ? null : String(values.unit)}
                placeholder={t('form.unit.placeholder', 'Chọn đơn vị')}
                onChange={(value) => set('unit', Number(value) || null)}
              >
                {units.map((unit) => (
                  <SingleSelectOption key={unit.id} value={String(unit.id)}>
                    {unit.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="planTask"
              id={`${formId}-planTask`}
              error={errors.planTask}
              hint={t(
                'form.planTask.hint',
                'Không bắt buộc: nhiệm vụ của kế hoạch truyền thông mà tin bài thực hiện.'
              )}
            >
              <Field.Label>{label('planTask')}</Field.Label>
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
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="proposedChannel" id={`${formId}-channel`} error={errors.proposedChannel}>
              <Field.Label>{label('proposedChannel')}</Field.Label>
              <SingleSelect
                value={values.proposedChannel}
                onChange={(value) => isChannel(value) && set('proposedChannel', value)}
              >
                {CHANNELS.map((channel) => (
                  <SingleSelectOption key={channel} value={channel}>
                    {tm(t, CHANNEL_LABELS[channel])}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="desiredPublicationDate"
              id={`${formId}-date`}
              error={errors.desiredPublicationDate}
            >
              <Field.Label>{label('desiredPublicationDate')}</Field.Label>
              <DatePicker
                locale={locale}
                value={
                  values.desiredPublicationDate
                    ? new Date(`${values.desiredPublicationDate}T00:00:00Z`)
                    : undefined
                }
                onChange={(date) => set('desiredPublicationDate', date ? dayOf(date) : '')}
                onClear={() => set('desiredPublicationDate', '')}
                clearLabel={t('form.clear', 'Xóa lựa chọn')}
                calendarLabel={t('form.calendar', 'Lịch')}
                monthSelectLabel={t('form.month', 'Tháng')}
                yearSelectLabel={t('form.year', 'Năm')}
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="body"
              id={`${formId}-body`}
              error={errors.body}
              hint={t('form.body.hint', 'Văn bản thuần; các đoạn cách nhau bởi một dòng trống.')}
            >
              <Field.Label>{label('body')}</Field.Label>
              <Textarea
                data-testid="field-body"
                value={values.body}
                rows={12}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set('body', event.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="attachments"
              id={attachmentsId}
              error={errors.attachments}
              hint={t(
                'form.attachments.hint',
                'PDF, Word, Excel, PowerPoint, ảnh, video hoặc âm thanh; tối đa 20 tệp. Tệp mới được tải lên khi lưu.'
              )}
            >
              <Field.Label>{label('attachments')}</Field.Label>
              <Box paddingTop={1} paddingBottom={1}>
                {/* The native input stays in the DOM (tests fill it); the button opens it in the UI's language. */}
                <input
                  ref={fileInput}
                  id={attachmentsId}
                  type="file"
                  multiple
                  accept={ACCEPTED_FILES}
                  tabIndex={-1}
                  style={VISUALLY_HIDDEN}
                  data-testid="field-attachments"
                  onChange={handleFiles}
                />
                <Button
                  type="button"
                  variant="secondary"
                  startIcon={<Paperclip />}
                  onClick={() => fileInput.current?.click()}
                  aria-describedby={errors.attachments ? `${attachmentsId}-error` : `${attachmentsId}-hint`}
                >
                  {t('form.attachments.choose', 'Chọn tệp đính kèm…')}
                </Button>
              </Box>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            {(attachments.length > 0 || pending.length > 0) && (
              <Box tag="ul" paddingTop={2} data-testid="attachment-list">
                {attachments.map((file) => (
                  <Flex key={`stored-${file.id}`} tag="li" gap={2} paddingTop={1}>
                    <Paperclip aria-hidden />
                    <Link href={fileUrl(file.url)} isExternal>
                      {file.name}
                    </Link>
                    <IconButton
                      variant="ghost"
                      size="S"
                      label={t('form.attachments.remove', 'Gỡ tệp {name}', { name: file.name })}
                      onClick={() => setAttachments((previous) => previous.filter((f) => f.id !== file.id))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                ))}
                {pending.map((file, index) => (
                  <Flex key={`pending-${index}-${file.name}`} tag="li" gap={2} paddingTop={1}>
                    <FileIcon aria-hidden />
                    <Typography>{file.name}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {t('form.attachments.pending', '(tải lên khi lưu)')}
                    </Typography>
                    <IconButton
                      variant="ghost"
                      size="S"
                      label={t('form.attachments.remove', 'Gỡ tệp {name}', { name: file.name })}
                      onClick={() => setPending((previous) => previous.filter((_, i) => i !== index))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                ))}
              </Box>
            )}
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
