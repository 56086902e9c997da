import * as React from 'react';
import { Box, Button, Flex, Modal, Typography, type ButtonProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { problemOf, type ApiProblem } from '../api-problem';
import { OtherErrors } from '../common';
import { useKitT } from './i18n';

/** Messages by field name; '' (or a name no field shows) is listed below the form. */
export type FieldErrors = Record<string, string>;

export interface FormState {
  errors: FieldErrors;
  /** Drops a field's message, typically as the field is edited. */
  clearError: (name: string) => void;
}

export interface FormDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /**
   * Sends the form. It may resolve to field errors to show; a rejection is read with `problemOf` and its per-field
   * messages shown on the fields (the others below the form).
   */
  onSubmit: () => Promise<FieldErrors | null | void>;
  /** The form's own checks, before any confirmation or request: the errors to show, or none. */
  validate?: () => FieldErrors | null | undefined;
  /** The form holds what it cannot send, and its field says why (a date typed wrong): submitting does nothing. */
  blocked?: boolean;
  /** A failure the caller handles itself (a 409 conflict → reload): return true and nothing is shown. */
  onProblem?: (problem: ApiProblem) => boolean;
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  /** For an irreversible move: the first click shows "Bạn có chắc chắn?" with this consequence, the second sends. */
  confirm?: { message: string; action?: string };
  /** Names of the fields the body shows; server messages for other paths are listed below it. */
  fields?: readonly string[];
  /** The form's `data-testid`; its buttons are `<testId>-submit`, `-cancel`, `-confirm`, `-back`. */
  testId?: string;
  children?: React.ReactNode | ((form: FormState) => React.ReactNode);
}

/** The warning box of a confirmation: "Bạn có chắc chắn?" and what the move does. */
const Consequence = ({ message }: { message: string }) => {
  const t = useKitT();
  return (
    <Box padding={4} background="warning100" hasRadius role="alert">
      <Typography tag="p" fontWeight="bold" textColor="warning700">
        {t('dialog.confirm.question')}
      </Typography>
      <Typography tag="p" textColor="warning700">
        {message}
      </Typography>
    </Box>
  );
};

/**
 * A modal form: title, body, cancel and submit, busy while sending (it cannot be closed meanwhile), the server's
 * errors shown, and for irreversible moves (`confirm`) a second step before `onSubmit` is called. Each opening starts
 * on the form with no errors; the caller resets its own fields.
 */
export function FormDialog({
  open,
  title,
  onClose,
  onSubmit,
  validate,
  blocked = false,
  onProblem,
  submitLabel,
  submitVariant,
  confirm,
  fields = [],
  testId,
  children,
}: FormDialogProps) {
  const t = useKitT();
  const { locale } = useIntl();
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const id = (part: string) => (testId ? `${testId}-${part}` : undefined);

  React.useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setErrors({});
    setConfirming(false);
  }, [open]);

  const clearError = React.useCallback(
    (name: string) =>
      setErrors((previous) => {
        if (!(name in previous)) return previous;
        const { [name]: _dropped, ...rest } = previous;
        return rest;
      }),
    []
  );

  const send = async () => {
    setBusy(true);
    try {
      const result = await onSubmit();
      if (result && Object.keys(result).length) {
        setErrors(result);
        setConfirming(false);
      }
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted || onProblem?.(problem)) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The dialog's form must not submit a form of the page around it (React portals bubble events).
    event.stopPropagation();
    if (busy || blocked) return;
    if (!confirming) {
      const problems = validate?.() ?? {};
      setErrors(problems);
      if (Object.keys(problems).length) return;
      if (confirm) {
        setConfirming(true);
        return;
      }
    }
    void send();
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate data-testid={testId} data-step={confirming ? 'confirm' : 'form'}>
          <Modal.Header closeLabel={t('dialog.close')}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {confirming && confirm ? (
              <Consequence message={confirm.message} />
            ) : (
              <Flex direction="column" alignItems="stretch" gap={4}>
                {typeof children === 'function' ? children({ errors, clearError }) : children}
                <OtherErrors errors={errors} fields={[...fields]} />
              </Flex>
            )}
          </Modal.Body>
          <Modal.Footer>
            {/* On the confirmation, the way out goes back to the form. */}
            <Button
              type="button"
              variant="tertiary"
              onClick={confirming ? () => setConfirming(false) : onClose}
              disabled={busy}
              data-testid={id(confirming ? 'back' : 'cancel')}
            >
              {confirming ? t('dialog.back') : t('dialog.cancel')}
            </Button>
            <Button
              type="submit"
              variant={submitVariant}
              loading={busy}
              data-testid={id(confirming ? 'confirm' : 'submit')}
            >
              {confirming ? (confirm?.action ?? submitLabel) : submitLabel}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}

export interface ConfirmDialogProps
  extends Pick<FormDialogProps, 'open' | 'title' | 'onClose' | 'onProblem' | 'submitVariant' | 'testId'> {
  /** What the move does, shown under "Bạn có chắc chắn?". */
  message: string;
  /** The confirming button's label. */
  action: string;
  onConfirm: () => Promise<FieldErrors | null | void>;
}

/** A move without a form, confirmed in one dialog: the consequence, then the move's button. */
export const ConfirmDialog = ({ message, action, onConfirm, ...props }: ConfirmDialogProps) => (
  <FormDialog {...props} submitLabel={action} onSubmit={onConfirm}>
    <Consequence message={message} />
  </FormDialog>
);
