import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
  type ButtonProps,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useDates } from '../../../../../admin/shared/common';
import { DateField, useInvalidDates } from '../../../../../admin/shared/DateField';
import { problemOf, useApi, type AllowedTransition, type TransitionInput, type Unit } from '../api';
import { useT } from '../i18n';
import { transitionDescription, transitionLabel, type FeedbackState } from '../labels';
import { useTestIdRef } from './testId';

interface TransitionDialogProps {
  transition: AllowedTransition | null;
  /** The feedback's current state and id (publication loads its redacted preview). */
  from: FeedbackState;
  documentId: string;
  /** The answer as it stands, to start the draft from. */
  currentAnswer: string;
  units: Unit[];
  /** The answer deadline when it has already passed: the unit's due date is then required and may fall after it. */
  answerOverdueSince: string | null;
  onClose: () => void;
  /** Resolves to field errors to show, or null when done. */
  onConfirm: (input: TransitionInput) => Promise<Record<string, string> | null>;
}

interface Values {
  reason: string;
  receivingAgency: string;
  letterNumber: string;
  unit: number | null;
  unitDueDate: string;
  answer: string;
  comment: string;
  publicSubject: string;
  publicContent: string;
  publicAnswer: string;
}

const EMPTY: Values = {
  reason: '',
  receivingAgency: '',
  letterNumber: '',
  unit: null,
  unitDueDate: '',
  answer: '',
  comment: '',
  publicSubject: '',
  publicContent: '',
  publicAnswer: '',
};

/** The fields this dialog shows; server errors on other paths are listed above the buttons. */
const FIELDS: readonly (keyof Values)[] = Object.keys(EMPTY) as (keyof Values)[];

const CONFIRM_VARIANTS: Partial<Record<FeedbackState, ButtonProps['variant']>> = {
  not_accepted: 'danger',
  answer_approved: 'success',
  answered: 'success',
  published: 'success',
};

/** Asks for what a move needs (the server's `needs`), or for the public version before publication. */
export const TransitionDialog = ({
  transition,
  from,
  documentId,
  currentAnswer,
  units,
  answerOverdueSince,
  onClose,
  onConfirm,
}: TransitionDialogProps) => {
  const dates = useDates();
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const unitRef = useTestIdRef('transition-unit');
  const [values, setValues] = React.useState<Values>(EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const invalidDates = useInvalidDates();
  const [preview, setPreview] = React.useState<'idle' | 'loading' | 'ready' | 'failed'>('idle');

  const needs = React.useMemo(() => new Set(transition?.needs ?? []), [transition]);
  const publishing = transition?.to === 'published';

  React.useEffect(() => {
    if (!transition) return;
    setErrors({});
    setValues({ ...EMPTY, answer: currentAnswer });
    if (transition.to !== 'published') {
      setPreview('idle');
      return;
    }
    let active = true;
    setPreview('loading');
    api.getPublicationPreview(documentId).then(
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
        setErrors({ '': problem.message });
      }
    );
    return () => {
      active = false;
    };
    // Not on currentAnswer: the draft starts from the answer of the moment the dialog opens.
  }, [transition, documentId, api, locale]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const required = t('dialog.required', 'Vui lòng nhập nội dung.');

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!transition || busy || (publishing && preview !== 'ready')) return;
    // A date typed wrong shows its own error on the field.
    if (needs.has('unit') && invalidDates.any) return;
    const problems: Record<string, string> = {};
    const text = (key: Exclude<keyof Values, 'unit'>) => values[key].trim();
    for (const key of ['reason', 'receivingAgency', 'letterNumber', 'answer', 'comment'] as const)
      if (needs.has(key) && !text(key)) problems[key] = required;
    if (needs.has('unit') && !values.unit)
      problems.unit = t('dialog.unit.required', 'Vui lòng chọn đơn vị xử lý.');
    if (publishing)
      for (const key of ['publicSubject', 'publicContent', 'publicAnswer'] as const)
        if (!text(key)) problems[key] = required;
    setErrors(problems);
    if (Object.keys(problems).length) return;

    const input: TransitionInput = {};
    if (needs.has('reason')) input.reason = text('reason');
    if (needs.has('receivingAgency')) input.receivingAgency = text('receivingAgency');
    if (needs.has('letterNumber')) input.letterNumber = text('letterNumber');
    if (needs.has('unit') && values.unit) {
      input.unit = values.unit;
      if (values.unitDueDate) input.unitDueDate = values.unitDueDate;
    }
    if (needs.has('answer')) input.answer = values.answer;
    if (needs.has('comment')) input.comment = text('comment');
    if (publishing) {
      input.publicSubject = text('publicSubject');
      input.publicContent = values.publicContent;
      input.publicAnswer = values.publicAnswer;
    }
    setBusy(true);
    try {
      const result = await onConfirm(input);
      if (result) setErrors(result);
    } finally {
      setBusy(false);
    }
  };

  const textArea = (key: keyof Values, label: string, rows = 5, hint?: string) => (
    <Field.Root name={key} error={errors[key]} required hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Textarea
        data-testid={`transition-${key}`}
        value={String(values[key] ?? '')}
        rows={rows}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
          set(key, event.target.value as Values[typeof key])
        }
      />
      {hint && <Field.Hint />}
      <Field.Error />
    </Field.Root>
  );

  const textInput = (key: keyof Values, label: string, maxLength: number) => (
    <Field.Root name={key} error={errors[key]} required>
      <Field.Label>{label}</Field.Label>
      <TextInput
        data-testid={`transition-${key}`}
        value={String(values[key] ?? '')}
        maxLength={maxLength}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          set(key, event.target.value as Values[typeof key])
        }
      />
      <Field.Error />
    </Field.Root>
  );

  const otherErrors = Object.entries(errors).filter(([path]) => !FIELDS.includes(path as keyof Values));

  return (
    <Modal.Root open={transition !== null} onOpenChange={(open) => !open && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={confirm} noValidate data-testid="transition-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{transition ? transitionLabel(t, from, transition.to) : ''}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {transition && (
                <Typography textColor="neutral700">
                  {transitionDescription(t, from, transition.to)}
                </Typography>
              )}
              {needs.has('reason') &&
                textArea('reason', t('field.notAcceptedReason', 'Lý do không tiếp nhận'))}
              {needs.has('receivingAgency') &&
                textInput('receivingAgency', t('field.receivingAgency', 'Cơ quan có thẩm quyền'), 255)}
              {needs.has('letterNumber') &&
                textInput('letterNumber', t('field.letterNumber', 'Số, ký hiệu văn bản chuyển'), 50)}
              {needs.has('unit') && (
                <>
                  <Field.Root name="unit" error={errors.unit} required>
                    <Field.Label>{t('field.handlingUnit', 'Đơn vị xử lý')}</Field.Label>
                    <SingleSelect
                      ref={unitRef}
                      value={values.unit === null ? null : String(values.unit)}
                      placeholder={t('dialog.unit.placeholder', 'Chọn đơn vị')}
                      onChange={(value) => set('unit', Number(value) || null)}
                    >
                      {units.map((unit) => (
                        <SingleSelectOption key={unit.id} value={String(unit.id)}>
                          {unit.name}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                  {answerOverdueSince && (
                    <Typography textColor="danger600" data-testid="transition-late">
                      {t(
                        'dialog.unitDueDate.late',
                        'Phản ánh đã quá hạn trả lời ({date}) và vẫn được tính là trễ hạn. Hãy đặt hạn cho đơn vị, từ hôm nay trở đi.',
                        { date: dates.day(answerOverdueSince) }
                      )}
                    </Typography>
                  )}
                  <DateField
                    t={t}
                    name="unitDueDate"
                    label={t('field.unitDueDate', 'Hạn của đơn vị')}
                    error={errors.unitDueDate}
                    required={Boolean(answerOverdueSince)}
                    hint={
                      answerOverdueSince
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
              {needs.has('answer') && textArea('answer', t('field.answer', 'Nội dung trả lời'), 10)}
              {needs.has('comment') &&
                textArea('comment', t('dialog.comment.returned', 'Nội dung cần đơn vị chỉnh sửa'))}
              {publishing && preview === 'loading' && (
                <Loader small>{t('dialog.preview.loading', 'Đang chuẩn bị phiên bản công khai…')}</Loader>
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
              {otherErrors.length > 0 && (
                <Box role="alert" padding={4} background="danger100" hasRadius>
                  {otherErrors.map(([path, message]) => (
                    <Typography key={path} tag="p" textColor="danger700">
                      {message}
                    </Typography>
                  ))}
                </Box>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={publishing && preview !== 'ready'}
              variant={(transition && CONFIRM_VARIANTS[transition.to]) || 'default'}
              data-testid="transition-confirm"
            >
              {t('dialog.confirm', 'Xác nhận')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
