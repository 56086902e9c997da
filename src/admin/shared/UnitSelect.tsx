import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useTestIdRef } from './testId';

export interface UnitOption {
  id: number;
  name: string;
}

export interface UnitSelectProps {
  units: UnitOption[];
  /** The chosen unit's id; null or '' when none is. */
  value: number | string | null;
  /** The chosen unit's id, as the select gives it (a string). */
  onChange: (unitId: string) => void;
  label: string;
  error?: string;
  hint?: string;
  placeholder?: string;
  /** The field's id, when the form names its fields. */
  id?: string;
  /** On the select's trigger, for the browser tests. */
  testId: string;
}

/** A required choice of one unit (field `unit`): label, the units by name, hint and error. */
export function UnitSelect({
  units,
  value,
  onChange,
  label,
  error,
  hint,
  placeholder,
  id,
  testId,
}: UnitSelectProps) {
  const ref = useTestIdRef(testId);
  return (
    <Field.Root name="unit" id={id} error={error} hint={hint} required>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        ref={ref}
        value={value === null || value === '' ? null : String(value)}
        placeholder={placeholder}
        onChange={(chosen) => onChange(String(chosen))}
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
  );
}
