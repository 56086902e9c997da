import * as React from 'react';
import { Field, Radio, Textarea, TextInput } from '@strapi/design-system';

export interface FormFieldProps {
  name: string;
  label: string;
  error?: string;
  /** Shown under the input, unless there is an error. */
  hint?: React.ReactNode;
  required?: boolean;
  /** The field's id, when the form names its fields. */
  id?: string;
  /** The input: the design system's TextInput, Textarea, NumberInput, a select… */
  children: React.ReactNode;
}

/** A form's field: its label, the input, then its hint or its error, as the design system lays them out. */
export function FormField({ name, label, error, hint, required, id, children }: FormFieldProps) {
  return (
    <Field.Root name={name} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      {children}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export interface TextFieldProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  /** Several lines (the design system's Textarea), `rows` high, rather than one (TextInput). */
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'];
  type?: 'text' | 'email' | 'tel';
  placeholder?: string;
  testId?: string;
}

/** A field of text, one line or several. */
export function TextField({
  value,
  onChange,
  multiline,
  rows,
  maxLength,
  inputMode,
  type,
  placeholder,
  testId,
  ...field
}: TextFieldProps) {
  const input = { 'data-testid': testId, value, maxLength, placeholder };
  return (
    <FormField {...field}>
      {multiline ? (
        <Textarea
          {...input}
          rows={rows}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        />
      ) : (
        <TextInput
          {...input}
          type={type}
          inputMode={inputMode}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export interface RadioFieldProps<V extends string> extends Omit<FormFieldProps, 'children' | 'hint' | 'id'> {
  value: V;
  onChange: (value: V) => void;
  /** In their order; `testId` goes on the radio. */
  options: { value: V; label: string; testId?: string }[];
}

/** One of a few choices, as radios under the field's label (which also names the group). */
export function RadioField<V extends string>({ value, onChange, options, ...field }: RadioFieldProps<V>) {
  return (
    <FormField {...field}>
      <Radio.Group
        value={value}
        onValueChange={(chosen: string) => {
          const option = options.find((candidate) => candidate.value === chosen);
          if (option) onChange(option.value);
        }}
        aria-label={field.label}
      >
        {options.map((option) => (
          <Radio.Item key={option.value} value={option.value} data-testid={option.testId}>
            {option.label}
          </Radio.Item>
        ))}
      </Radio.Group>
    </FormField>
  );
}
