import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useApi, type ProcedureRef } from '../api';
import { useT } from '../i18n';

interface ProcedurePickerProps {
  value: ProcedureRef | null;
  onChange: (procedure: ProcedureRef | null) => void;
  label: string;
  hint?: string;
  error?: string;
  testId?: string;
}

export const procedureLabel = (procedure: ProcedureRef) => `${procedure.nationalCode} — ${procedure.name}`;

/** Picks a published procedure by typing part of its name or code (the public, accent-insensitive search). */
export const ProcedurePicker = ({ value, onChange, label, hint, error, testId }: ProcedurePickerProps) => {
  const t = useT();
  const api = useApi();
  const [text, setText] = React.useState(value ? procedureLabel(value) : '');
  const [found, setFound] = React.useState<ProcedureRef[]>([]);
  const [loading, setLoading] = React.useState(false);
  const id = React.useId();

  // The text of the chosen procedure is not a search: the list then starts from everything.
  const words = value && text === procedureLabel(value) ? '' : text.trim();
  React.useEffect(() => {
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .searchProcedures(words, controller.signal)
        .then(setFound, () => controller.signal.aborted || setFound([]))
        .finally(() => controller.signal.aborted || setLoading(false));
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, words]);

  // The chosen procedure stays an option, whatever the search found.
  const options = value ? [value, ...found.filter((p) => p.documentId !== value.documentId)] : found;

  return (
    <Field.Root name="procedure" id={id} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        autocomplete="none"
        value={value?.documentId ?? ''}
        textValue={text}
        onTextValueChange={setText}
        onChange={(documentId) => {
          const chosen = options.find((p) => p.documentId === documentId) ?? null;
          onChange(chosen);
          setText(chosen ? procedureLabel(chosen) : '');
        }}
        onClear={() => {
          onChange(null);
          setText('');
        }}
        clearLabel={t('dialog.procedure.clear', 'Bỏ thủ tục hành chính')}
        loading={loading}
        loadingMessage={t('loading', 'Đang tải…')}
        noOptionsMessage={() => t('dialog.procedure.none', 'Không tìm thấy thủ tục hành chính nào.')}
        placeholder={t('dialog.procedure.placeholder', 'Gõ tên hoặc mã thủ tục')}
        data-testid={testId}
      >
        {options.map((procedure) => (
          <ComboboxOption key={procedure.documentId} value={procedure.documentId}>
            {procedureLabel(procedure)}
          </ComboboxOption>
        ))}
      </Combobox>
      {hint && <Field.Hint />}
      <Field.Error />
    </Field.Root>
  );
};
