import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { FormField, type FormFieldProps } from './kit';
import { useTestIdRef } from './testId';

export interface CodeSelectProps<V extends string> extends Omit<FormFieldProps, 'children'> {
  /** The values offered, in this order. */
  codes: readonly V[];
  labelOf: (code: V) => string;
  /** '' when none is chosen yet. */
  value: V | '';
  onChange: (value: V) => void;
  placeholder?: string;
  /** On the select's trigger, for the browser tests. */
  testId: string;
}

/** A form's choice of one coded value (a kind, a channel…), by its label. */
export function CodeSelect<V extends string>({
  codes,
  labelOf,
  value,
  onChange,
  placeholder,
  testId,
  ...field
}: CodeSelectProps<V>) {
  const ref = useTestIdRef(testId);
  return (
    <FormField {...field}>
      <SingleSelect
        ref={ref}
        value={value || null}
        placeholder={placeholder}
        onChange={(chosen) => {
          const code = codes.find((candidate) => candidate === chosen);
          if (code) onChange(code);
        }}
      >
        {codes.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {labelOf(code)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </FormField>
  );
}
