import * as React from 'react';
import { Box, Flex, Loader, Typography, type ButtonProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PRE, useDates } from '#admin/shared/common';
import { DateField, useInvalidDates } from '#admin/shared/DateField';
import { FormDialog, type FieldErrors, type FormState, FormField, TextField } from '#admin/shared/kit';
import type { ApiProblem } from '#admin/shared/api-problem';
import {
  problemOf,
  useApi,
  type AllowedTransition,
  type Feedback,
  type ProcedureRef,
  type TransitionInput,
  type Unit,
} from '../api';
import { tm, useT } from '../i18n';
import {
  CHANNELS,
  isChannel,
  TRANSITION_CONSEQUENCES,
  transitionDescription,
  transitionLabel,
  type Channel,
  type FeedbackState,
} from '../labels';
import { ChannelField, KindField } from './ChoiceFields';
import { ProcedurePicker } from './ProcedurePicker';
import { UnitSelect } from '#admin/shared/UnitSelect';

interface TransitionDialogProps {
  transition: AllowedTransition | null;
  feedback: Feedback;
  /** The answer being written on the page: the one text that is sent with the draft. */
  answer: string;
  units: Unit[];
  onClose: () => void;
  /** Makes the move; a rejection is shown by the dialog (field errors) unless `onProblem` handles it. */
  onMove: (input: TransitionInput) => Promise<void>;
  onProblem: (problem: ApiProblem) => boolean;
}

interface Values {
  reason: string;
  receivingAgency: string;
  letterNumber: string;
  unit: number | null;
  unitDueDate: string;
  comment: string;
  publicSubject: string;
  publicContent: string;
  publicAnswer: string;
  kind: string;
  channel: Channel;
  procedure: ProcedureRef | null;
}

const startValues = (feedback: Feedback): Values => ({
  reason: '',
  receivingAgency: '',
  letterNumber: '',
  unit: null,
  unitDueDate: '',
  comment: '',
  publicSubject: '',
  publicContent: '',
  publicAnswer: '',
  kind: feedback.kind,
  channel: isChannel(feedback.channel) ? feedback.channel : 'web',
  procedure: feedback.procedure,
});

/** The fields this dialog shows; server errors on other paths are listed below them. */
const FIELDS = [
  'reason',
  'receivingAgency',
  'letterNumber',
  'unit',
  'unitDueDate',
  'answer',
  'comment',
  'publicSubject',
  'publicContent',
  'publicAnswer',
  'kind',
  'channel',
  'procedure',
];

const SUBMIT_VARIANTS: Partial<Record<FeedbackState, ButtonProps['variant']>> = {
  not_accepted: 'danger',
  answer_approved: 'success',
  answered: 'success',
  published: 'success',
};

type TextKey = Exclude<keyof Values, 'unit' | 'procedure'>;

/**
 * Asks for what a move needs (the server's `needs`), what it may correct (`corrects`, prefilled with the item's
 * values), or the public version before publication; irreversible moves confirm first (TRANSITION_CONSEQUENCES).
 */
export const TransitionDialog = ({
  transition,
  feedback,
  answer,
  units,
  onClose,
  onMove,
  onProblem,
}: TransitionDialogProps) => {
  const dates = useDates();
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const [values, setValues] = React.useState<Values>(() => startValues(feedback));
  const [preview, setPreview] = React.useState<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const [previewError, setPreviewError] = React.useState<string | null>(null);
  const invalidDates = useInvalidDates();

  const needs = React.useMemo(() => new Set(transition?.needs ?? []), [transition]);
  const corrects = React.useMemo(() => new Set(transition?.corrects ?? []), [transition]);
  const to = transition?.to;
  const publishing = to === 'published';
  // The answer deadline when it has already passed: the unit's due date is then required and may fall after it.
  const lateSince = feedback.overdue && feedback.state === 'accepted' ? feedback.dueDate : null;

  React.useEffect(() => {
    if (!transition) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setValues(startValues(feedback));
    setPreviewError(null);
    if (transition.to !== 'published') {
      setPreview('idle');
      return;
    }
    let active = true;
    setPreview('loading');
    api.getPublicationPreview(feedback.documentId).then(
      (loaded) => {
        if (!active) return;
        setValues((previous) => ({
          ...previous,
          publicSubject: loaded.publicSubject ?? '',
          publicContent: loaded.publicContent ?? '',
          publicAnswer: loaded.publicAnswer ?? '',
        }));
        setPreview('ready');
      },
      (error: unknown) => {
        const problem = problemOf(error, locale);
        if (!active || problem.aborted) return;
        setPreview('failed');
        setPreviewError(problem.message);
      }
    );
    return () => {
      active = false;
    };
    // Not on `feedback`: the dialog starts from the item as it was when it opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate: another dependency changes when it runs
  }, [transition, api, locale]);

  const required = t('dialog.required', 'Vui lòng nhập nội dung.');
  const text = (key: TextKey) => values[key].trim();

  const validate = (): FieldErrors => {
    const problems: FieldErrors = {};
    for (const key of ['reason', 'receivingAgency', 'letterNumber', 'comment'] as const)
      if (needs.has(key) && !text(key)) problems[key] = required;
    if (needs.has('answer') && !answer.trim())
      problems.answer = t('dialog.answer.required', 'Hãy soạn nội dung trả lời trên trang trước khi gửi.');
    if (needs.has('unit') && !values.unit)
      problems.unit = t('dialog.unit.required', 'Vui lòng chọn đơn vị xử lý.');
    if (publishing)
      for (const key of ['publicSubject', 'publicContent', 'publicAnswer'] as const)
        if (!text(key)) problems[key] = required;
    return problems;
  };

  const submit = async () => {
    const input: TransitionInput = {};
    if (needs.has('reason')) input.reason = text('reason');
    if (needs.has('receivingAgency')) input.receivingAgency = text('receivingAgency');
    if (needs.has('letterNumber')) input.letterNumber = text('letterNumber');
    if (needs.has('unit') && values.unit) {
      input.unit = values.unit;
      if (values.unitDueDate) input.unitDueDate = values.unitDueDate;
    }
    if (needs.has('answer')) input.answer = answer;
    if (needs.has('comment')) input.comment = text('comment');
    if (publishing) {
      input.publicSubject = text('publicSubject');
      input.publicContent = values.publicContent;
      input.publicAnswer = values.publicAnswer;
    }
    // Only what was corrected goes with the move, so that the history shows real changes.
    if (corrects.has('kind') && values.kind !== feedback.kind) input.kind = values.kind;
    if (corrects.has('channel') && values.channel !== feedback.channel) input.channel = values.channel;
    const procedure = values.procedure?.documentId ?? null;
    if (corrects.has('procedure') && procedure !== (feedback.procedure?.documentId ?? null))
      input.procedure = procedure;
    await onMove(input);
  };

  const consequence = to && TRANSITION_CONSEQUENCES[to];

  const body = ({ errors, clearError }: FormState) => {
    const set = <K extends keyof Values>(key: K, value: Values[K]) => {
      setValues((previous) => ({ ...previous, [key]: value }));
      clearError(key);
    };
    /** What ties a field to the dialog's values: its value and setter, its error, its test id. */
    const bound = <K extends keyof Values>(key: K) => ({
      value: values[key],
      onChange: (value: Values[K]) => set(key, value),
      error: errors[key],
      testId: `transition-${key}`,
    });
    const textArea = (key: TextKey, label: string, rows = 5, hint?: string) => (
      <TextField name={key} required hint={hint} label={label} rows={rows} multiline {...bound(key)} />
    );
    const textInput = (key: TextKey, label: string, maxLength: number) => (
      <TextField name={key} required label={label} maxLength={maxLength} {...bound(key)} />
    );

    return (
      <>
        {transition && (
          <Typography textColor="neutral700">
            {transitionDescription(t, feedback.state, transition.to)}
          </Typography>
        )}
        {corrects.size > 0 && (
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="transition-corrections">
            <Typography variant="pi" textColor="neutral600">
              {t(
                'dialog.corrections.hint',
                'Sửa loại, thủ tục hành chính hoặc kênh tiếp nhận nếu chưa đúng; thay đổi được ghi vào lịch sử xử lý.'
              )}
            </Typography>
            {corrects.has('kind') && <KindField {...bound('kind')} />}
            {corrects.has('procedure') && (
              <ProcedurePicker
                label={t('field.procedure', 'Thủ tục hành chính')}
                hint={t('dialog.procedure.hint', 'Không bắt buộc; để trống nếu không liên quan thủ tục nào.')}
                {...bound('procedure')}
              />
            )}
            {corrects.has('channel') && <ChannelField channels={CHANNELS} {...bound('channel')} />}
          </Flex>
        )}
        {needs.has('reason') && textArea('reason', t('field.notAcceptedReason', 'Lý do không tiếp nhận'))}
        {needs.has('receivingAgency') &&
          textInput('receivingAgency', t('field.receivingAgency', 'Cơ quan có thẩm quyền'), 255)}
        {needs.has('letterNumber') &&
          textInput('letterNumber', t('field.letterNumber', 'Số, ký hiệu văn bản chuyển'), 50)}
        {needs.has('unit') && (
          <>
            <UnitSelect
              units={units}
              value={values.unit}
              onChange={(value) => set('unit', Number(value) || null)}
              label={t('field.handlingUnit', 'Đơn vị xử lý')}
              error={errors.unit}
              placeholder={t('dialog.unit.placeholder', 'Chọn đơn vị')}
              testId="transition-unit"
            />
            {lateSince && (
              <Typography textColor="danger600" data-testid="transition-late">
                {t(
                  'dialog.unitDueDate.late',
                  'Phản ánh đã quá hạn trả lời ({date}) và vẫn được tính là trễ hạn. Hãy đặt hạn cho đơn vị, từ hôm nay trở đi.',
                  { date: dates.day(lateSince) }
                )}
              </Typography>
            )}
            <DateField
              t={t}
              name="unitDueDate"
              label={t('field.unitDueDate', 'Hạn của đơn vị')}
              error={errors.unitDueDate}
              required={Boolean(lateSince)}
              hint={
                lateSince
                  ? t('dialog.unitDueDate.lateHint', 'Bắt buộc; có thể sau hạn trả lời đã qua.')
                  : t(
                      'dialog.unitDueDate.hint',
                      'Không bắt buộc; nếu để trống, đơn vị xử lý theo hạn trả lời của phản ánh.'
                    )
              }
              testId="transition-unitDueDate"
              value={values.unitDueDate}
              onChange={(day) => set('unitDueDate', day ?? '')}
              onInvalid={invalidDates.track('unitDueDate')}
            />
          </>
        )}
        {needs.has('answer') && (
          // The answer is edited on the page only: this is the text that is sent, shown once more to be read.
          <FormField
            name="answer"
            error={errors.answer}
            hint={t('dialog.answer.hint', 'Để sửa, đóng hộp thoại và sửa ở khung Trả lời trên trang.')}
            label={t('dialog.answer.label', 'Nội dung trả lời sẽ gửi')}
          >
            <Box
              padding={4}
              background="neutral100"
              hasRadius
              maxHeight="300px"
              overflow="auto"
              data-testid="transition-answer"
            >
              <Typography tag="p" style={PRE}>
                {answer}
              </Typography>
            </Box>
          </FormField>
        )}
        {needs.has('comment') &&
          textArea('comment', t('dialog.comment.returned', 'Nội dung cần đơn vị chỉnh sửa'))}
        {publishing && preview === 'loading' && (
          <Loader small>{t('dialog.preview.loading', 'Đang chuẩn bị phiên bản công khai…')}</Loader>
        )}
        {publishing && previewError && (
          <Typography textColor="danger600" role="alert">
            {previewError}
          </Typography>
        )}
        {publishing && preview === 'ready' && (
          <>
            {textInput('publicSubject', t('field.publicSubject', 'Tiêu đề công khai'), 255)}
            {textArea('publicContent', t('field.publicContent', 'Nội dung phản ánh công khai'), 6)}
            {textArea(
              'publicAnswer',
              t('field.publicAnswer', 'Nội dung trả lời công khai'),
              8,
              t(
                'dialog.publicAnswer.hint',
                'Không đăng họ tên, địa chỉ, số điện thoại, thư điện tử của người phản ánh.'
              )
            )}
          </>
        )}
      </>
    );
  };

  return (
    <FormDialog
      open={transition !== null}
      title={transition ? transitionLabel(t, feedback.state, transition.to) : ''}
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      onProblem={onProblem}
      blocked={(publishing && preview !== 'ready') || (needs.has('unit') && invalidDates.any)}
      submitLabel={transition ? transitionLabel(t, feedback.state, transition.to) : ''}
      submitVariant={(to && SUBMIT_VARIANTS[to]) || 'default'}
      confirm={consequence ? { message: tm(t, consequence) } : undefined}
      fields={FIELDS}
      testId="transition-dialog"
    >
      {body}
    </FormDialog>
  );
};
