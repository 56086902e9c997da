import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { Cross, Filter, Search } from '@strapi/icons';
import { DateField } from '../DateField';
import { useKitT, useKitTranslate } from './i18n';
import { useNarrow } from './useMediaQuery';

interface FilterBase<N extends string = string> {
  /** The filter's name: its key in `values` (and in the URL with useUrlFilters). */
  name: N;
  label: string;
}

export type FilterDef<N extends string = string> = FilterBase<N> &
  (
    | { kind: 'select'; options: readonly { value: string; label: string }[]; placeholder?: string }
    | { kind: 'search'; hint?: string }
    | { kind: 'date'; min?: string; max?: string }
    /** A checkbox: its value is 'true' when checked. */
    | { kind: 'check' }
  );

export interface FilterBarProps<N extends string> {
  filters: readonly (FilterDef<N> | false | null | undefined)[];
  values: Readonly<Record<N, string | undefined>>;
  onChange: (name: N, value: string | undefined) => void;
  onClear: () => void;
  /** How long a text search waits after the last key before it filters. */
  debounceMs?: number;
  testId?: string;
}

/**
 * A list's filters: selects, text searches (debounced; Enter searches at once), dates and checkboxes, in a row on
 * wide screens; on narrow ones behind a "Bộ lọc (n)" toggle that counts the active filters. "Xóa lọc" clears them.
 * Falsy entries of `filters` are skipped, so that a page can write `canReview && {...}`.
 */
export function FilterBar<N extends string>({
  filters,
  values,
  onChange,
  onClear,
  debounceMs = 400,
  testId,
}: FilterBarProps<N>) {
  const t = useKitT();
  const narrow = useNarrow();
  const [open, setOpen] = React.useState(false);
  const panelId = React.useId();
  const shown = filters.filter((filter): filter is FilterDef<N> => Boolean(filter));
  const active = shown.filter((filter) => values[filter.name]).length;

  const clear =
    active > 0 ? (
      <Button variant="tertiary" size="S" startIcon={<Cross />} onClick={onClear} data-testid="filters-clear">
        {t('filters.clear')}
      </Button>
    ) : null;

  const panel = (
    <Flex
      id={panelId}
      direction={narrow ? 'column' : 'row'}
      alignItems={narrow ? 'stretch' : 'flex-end'}
      gap={3}
      wrap="wrap"
    >
      {shown.map((filter) => (
        <FilterInput
          key={filter.name}
          filter={filter}
          value={values[filter.name]}
          onChange={(value) => onChange(filter.name, value)}
          debounceMs={debounceMs}
          narrow={narrow}
        />
      ))}
      {clear && <Box paddingBottom={narrow ? 0 : 1}>{clear}</Box>}
    </Flex>
  );

  if (!narrow) return <Box data-testid={testId}>{panel}</Box>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid={testId}>
      <Flex gap={2} wrap="wrap">
        <Button
          variant="secondary"
          size="S"
          startIcon={<Filter />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((was) => !was)}
          data-testid="filters-toggle"
        >
          {t('filters.toggle', { count: active })}
        </Button>
        {!open && clear}
      </Flex>
      {open && panel}
    </Flex>
  );
}

function FilterInput({
  filter,
  value,
  onChange,
  debounceMs,
  narrow,
}: {
  filter: FilterDef;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  debounceMs: number;
  narrow: boolean;
}) {
  const t = useKitT();
  const dateT = useKitTranslate();
  const id = `filter-${filter.name}-${React.useId()}`;
  const width = narrow ? undefined : filter.kind === 'date' ? '180px' : '220px';
  switch (filter.kind) {
    case 'select':
      return (
        <Box minWidth={width} maxWidth={narrow ? undefined : '320px'}>
          <Field.Root name={`filter-${filter.name}`} id={id}>
            <Field.Label>{filter.label}</Field.Label>
            <SingleSelect
              size="S"
              value={value ?? null}
              placeholder={filter.placeholder ?? t('filters.all')}
              onChange={(next) => onChange(String(next))}
              onClear={() => onChange(undefined)}
              clearLabel={t('filters.clearOne', { name: filter.label })}
              data-testid={`filter-${filter.name}`}
            >
              {filter.options.map((option) => (
                <SingleSelectOption key={option.value} value={option.value}>
                  {option.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
      );
    case 'search':
      return (
        <SearchInput id={id} filter={filter} value={value} onChange={onChange} debounceMs={debounceMs} />
      );
    case 'date':
      return (
        <Box maxWidth={width}>
          <DateField
            t={dateT}
            size="S"
            name={`filter-${filter.name}`}
            id={id}
            label={filter.label}
            testId={`filter-${filter.name}`}
            value={value}
            min={filter.min}
            max={filter.max}
            onChange={(day) => onChange(day ?? undefined)}
          />
        </Box>
      );
    case 'check':
      return (
        <Box paddingBottom={narrow ? 0 : 2}>
          <Checkbox
            checked={value === 'true'}
            onCheckedChange={(checked) => onChange(checked === true ? 'true' : undefined)}
            data-testid={`filter-${filter.name}`}
          >
            {filter.label}
          </Checkbox>
        </Box>
      );
  }
}

/** Text filters wait for a pause in typing (or Enter) before they reload the list. */
function SearchInput({
  id,
  filter,
  value,
  onChange,
  debounceMs,
}: {
  id: string;
  filter: FilterBase & { hint?: string };
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  debounceMs: number;
}) {
  const [text, setText] = React.useState(value ?? '');
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  // The timer reads the latest props, not the ones of the render that started it.
  const latest = React.useRef({ value, onChange });
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  latest.current = { value, onChange };

  // A value set from outside (cleared, or the URL changed) replaces the text.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
  React.useEffect(() => setText(value ?? ''), [value]);
  React.useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (next: string) => {
    clearTimeout(timer.current);
    if (next.trim() !== (latest.current.value ?? '')) latest.current.onChange(next.trim() || undefined);
  };

  return (
    <Box minWidth="240px">
      <Field.Root name={`filter-${filter.name}`} id={id} hint={filter.hint}>
        <Field.Label>{filter.label}</Field.Label>
        <TextInput
          size="S"
          type="search"
          startAction={<Search aria-hidden />}
          data-testid={`filter-${filter.name}`}
          value={text}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            const next = event.target.value;
            setText(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => apply(next), debounceMs);
          }}
          onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply(text);
            }
          }}
        />
        {filter.hint && <Field.Hint />}
      </Field.Root>
    </Box>
  );
}
