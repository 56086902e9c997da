import * as React from 'react';
import { Box, Button, Field, Flex, IconButton, Popover, Typography } from '@strapi/design-system';
import { Calendar, ChevronLeft, ChevronRight, Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import {
  dayOf,
  formatDay,
  localInstant,
  monthWeeks,
  parseDay,
  parseTime,
  shiftMonth,
  timeOf,
  weekdayLabels,
} from './dates';
import type { Translate } from './i18n';

/**
 * The date fields of the local plugins' admin pages. The design system's DatePicker commits a typed date only on some
 * blur paths and drops it silently otherwise, and heads its calendar with the first two letters of Intl's short
 * weekday ("Th 2" … "Th 7" → "Th" six times in Vietnamese). Here what is typed is the value: a complete day (dd/mm/yyyy
 * or d/m/yyyy, src/admin/shared/dates.ts) is sent to `onChange` as it is typed, exactly as a day picked in the calendar
 * is; text that is no day shows an error on the field (on leaving it, or on Enter) and `onInvalid(true)` tells the
 * form not to send. Messages are the plugin's own (`t`): form.clear, form.calendar, form.date.*, form.time.*.
 */

interface DayTextOptions {
  t: Translate;
  /** A calendar day 'YYYY-MM-DD', or null / undefined / '' for none. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onInvalid?: (invalid: boolean) => void;
  min?: string;
  max?: string;
}

type Reading = { value: string | null } | { problem: string };

/** The text of a day field, and what it says: shared by the date field and the date-time field. */
function useDayText({ t, value, onChange, onInvalid, min, max }: DayTextOptions) {
  const [text, setText] = React.useState(() => formatDay(value));
  const [problem, setProblem] = React.useState<string | null>(null);
  const committed = React.useRef<string | null>(value || null);
  const invalid = React.useRef(false);
  const onInvalidRef = React.useRef(onInvalid);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  onInvalidRef.current = onInvalid;

  const flag = React.useCallback((next: boolean) => {
    if (invalid.current === next) return;
    invalid.current = next;
    onInvalidRef.current?.(next);
  }, []);

  // A field that goes away (a dialog closed, a section hidden) holds nothing the form should wait for.
  React.useEffect(
    () => () => {
      if (invalid.current) onInvalidRef.current?.(false);
    },
    []
  );

  // A value set from outside (a reset, a clear, a loaded record) replaces the text.
  React.useEffect(() => {
    const next = value || null;
    if (next === committed.current) return;
    committed.current = next;
    setText(formatDay(next));
    setProblem(null);
    flag(false);
  }, [value, flag]);

  const read = (raw: string): Reading => {
    const typed = parseDay(raw);
    if (typed.kind === 'empty') return { value: null };
    if (typed.kind === 'invalid') {
      return {
        problem: t(
          'form.date.invalid',
          'Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 18/12/2026.'
        ),
      };
    }
    if (min && typed.value < min) {
      return { problem: t('form.date.tooEarly', 'Ngày không được trước {min}.', { min: formatDay(min) }) };
    }
    if (max && typed.value > max) {
      return { problem: t('form.date.tooLate', 'Ngày không được sau {max}.', { max: formatDay(max) }) };
    }
    return { value: typed.value };
  };

  const commit = (next: string | null) => {
    setProblem(null);
    flag(false);
    if (next === committed.current) return;
    committed.current = next;
    onChange(next);
  };

  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  return {
    text,
    problem,
    // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
    committed: committed.current,
    /** The user typed: a complete day is sent at once; anything else waits for `settle`. */
    type(raw: string) {
      setText(raw);
      const reading = read(raw);
      if ('value' in reading) {
        commit(reading.value);
      } else {
        flag(true);
        // An error already shown follows the text; a new one waits until the user leaves the field.
        if (problem) setProblem(reading.problem);
      }
    },
    /** The user left the field or pressed Enter: the text is written back as dd/mm/yyyy, or the error is shown. */
    settle() {
      const reading = read(text);
      if ('value' in reading) setText(formatDay(reading.value));
      else setProblem(reading.problem);
    },
    pick(day: string | null) {
      setText(formatDay(day));
      commit(day);
    },
  };
}

type DayText = ReturnType<typeof useDayText>;

interface DayInputProps {
  t: Translate;
  state: DayText;
  id?: string;
  name?: string;
  min?: string;
  max?: string;
  size?: 'S' | 'M';
  testId?: string;
  disabled?: boolean;
  clearable?: boolean;
}

/** The text input and its calendar. */
function DayInput({
  t,
  state,
  id,
  name,
  min,
  max,
  size = 'M',
  testId,
  disabled,
  clearable = true,
}: DayInputProps) {
  const { locale, formatDate } = useIntl();
  const [open, setOpen] = React.useState(false);
  const anchor = React.useRef<HTMLDivElement>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const [view, setView] = React.useState(() => monthOf(state.committed ?? dayOf(new Date())));

  const toggle = () => {
    if (disabled) return;
    if (!open) {
      const shown = parseDay(state.text);
      const today = dayOf(new Date());
      setView(monthOf(shown.kind === 'day' ? shown.value : max && today > max ? max : today));
    }
    setOpen(!open);
    input.current?.focus();
  };

  // A complete day typed while the calendar is open shows its month.
  const typedMonth = (raw: string) => {
    const typed = parseDay(raw);
    if (typed.kind === 'day') setView(monthOf(typed.value));
  };

  const today = dayOf(new Date());
  const weekdays = weekdayLabels(locale);
  const monthLabel = formatDate(new Date(view.year, view.month - 1, 1), { month: 'long', year: 'numeric' });
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Anchor ref={anchor}>
        <Field.Input
          ref={input}
          // Given only when set: an undefined id or name would hide the field's own (from Field.Root).
          {...(id ? { id } : {})}
          {...(name ? { name } : {})}
          size={size}
          type="text"
          autoComplete="off"
          disabled={disabled}
          data-testid={testId}
          placeholder={t('form.date.placeholder', 'dd/mm/yyyy')}
          value={state.text}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            state.type(event.target.value);
            if (open) typedMonth(event.target.value);
          }}
          onBlur={() => state.settle()}
          onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
            if (event.key === 'Enter') {
              state.settle();
              setOpen(false);
            } else if (event.key === 'ArrowDown' && (event.altKey || !open)) {
              event.preventDefault();
              if (!open) toggle();
            }
          }}
          startAction={
            <Field.Action
              label={t('form.calendar', 'Lịch')}
              onClick={toggle}
              onMouseDown={keepFocus}
              aria-expanded={open}
              data-testid={testId ? `${testId}-calendar-button` : undefined}
            >
              <Calendar fill="neutral500" />
            </Field.Action>
          }
          endAction={
            clearable && state.text && !disabled ? (
              <Field.Action
                label={t('form.clear', 'Xóa lựa chọn')}
                onMouseDown={keepFocus}
                onClick={() => {
                  state.pick(null);
                  input.current?.focus();
                }}
              >
                <Cross />
              </Field.Action>
            ) : undefined
          }
        />
      </Popover.Anchor>
      <Popover.Content
        aria-label={t('form.calendar', 'Lịch')}
        data-testid={testId ? `${testId}-calendar` : undefined}
        onOpenAutoFocus={(event) => event.preventDefault()}
        onCloseAutoFocus={(event) => event.preventDefault()}
        onInteractOutside={(event) => {
          if (anchor.current?.contains(event.target as Node)) event.preventDefault();
        }}
        onMouseDown={keepFocus}
      >
        <Box padding={3}>
          <Flex justifyContent="space-between" alignItems="center" gap={2} paddingBottom={2}>
            <IconButton
              type="button"
              variant="ghost"
              size="S"
              label={t('form.date.previousMonth', 'Tháng trước')}
              onClick={() => setView(shiftMonth(view.year, view.month, -1))}
            >
              <ChevronLeft />
            </IconButton>
            <Typography fontWeight="bold" textColor="neutral800" aria-live="polite">
              {monthLabel}
            </Typography>
            <IconButton
              type="button"
              variant="ghost"
              size="S"
              label={t('form.date.nextMonth', 'Tháng sau')}
              onClick={() => setView(shiftMonth(view.year, view.month, 1))}
            >
              <ChevronRight />
            </IconButton>
          </Flex>
          <table style={{ borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                {weekdays.map((label) => (
                  <th key={label} scope="col" style={{ width: '3.6rem', height: '2.8rem' }}>
                    <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                      {label}
                    </Typography>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(view.year, view.month).map((week) => (
                <tr key={week.find(Boolean)}>
                  {week.map((day, index) => (
                    <td key={day ?? `empty-${index}`} style={{ padding: '0.1rem', textAlign: 'center' }}>
                      {day ? (
                        <Button
                          type="button"
                          size="S"
                          variant={
                            day === state.committed ? 'default' : day === today ? 'secondary' : 'ghost'
                          }
                          disabled={Boolean((min && day < min) || (max && day > max))}
                          aria-pressed={day === state.committed}
                          aria-label={formatDate(new Date(`${day}T00:00:00`), { dateStyle: 'full' })}
                          data-day={day}
                          onClick={() => {
                            state.pick(day);
                            setOpen(false);
                            input.current?.focus();
                          }}
                          style={{ width: '3.4rem', justifyContent: 'center', paddingInline: 0 }}
                        >
                          {Number(day.slice(8))}
                        </Button>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      </Popover.Content>
    </Popover.Root>
  );
}

const monthOf = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });

export interface DateFieldProps extends DayTextOptions {
  label: string;
  name: string;
  id?: string;
  /** The server's (or the form's) message for this field; a typing error is shown before it. */
  error?: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  size?: 'S' | 'M';
  testId?: string;
}

/** A labelled field for a calendar day: typed as dd/mm/yyyy or picked in the calendar, sent as 'YYYY-MM-DD' or null. */
export function DateField({
  label,
  name,
  id,
  error,
  hint,
  required,
  disabled,
  size,
  testId,
  ...options
}: DateFieldProps) {
  const state = useDayText(options);
  return (
    <Field.Root name={name} id={id} error={state.problem ?? error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <DayInput
        t={options.t}
        state={state}
        min={options.min}
        max={options.max}
        size={size}
        testId={testId}
        disabled={disabled}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export interface DateTimeFieldProps {
  t: Translate;
  label: string;
  name: string;
  id?: string;
  value: Date | null;
  onChange: (value: Date | null) => void;
  onInvalid?: (invalid: boolean) => void;
  /** The latest instant allowed: days after it cannot be typed or picked. */
  max?: Date;
  error?: string;
  required?: boolean;
  testId?: string;
}

/**
 * A labelled field for an instant: a day as in DateField and a time of day typed as hh:mm, in the browser's time
 * zone. Sent to `onChange` when both are complete (null when both are empty).
 */
export function DateTimeField({
  t,
  label,
  name,
  id,
  value,
  onChange,
  onInvalid,
  max,
  error,
  required,
  testId,
}: DateTimeFieldProps) {
  const fieldId = React.useId();
  const inputId = id ?? fieldId;
  const [day, setDay] = React.useState<string | null>(value ? dayOf(value) : null);
  const [time, setTime] = React.useState(value ? timeOf(value) : '');
  const [timeProblem, setTimeProblem] = React.useState<string | null>(null);
  const dayInvalid = React.useRef(false);
  const timeInvalid = React.useRef(false);
  const sent = React.useRef<number | null>(value ? value.getTime() : null);

  // A value set from outside replaces both parts.
  React.useEffect(() => {
    const next = value ? value.getTime() : null;
    if (next === sent.current) return;
    sent.current = next;
    setDay(value ? dayOf(value) : null);
    setTime(value ? timeOf(value) : '');
    setTimeProblem(null);
  }, [value]);

  const report = () => onInvalid?.(dayInvalid.current || timeInvalid.current);

  const send = (nextDay: string | null, nextTime: string) => {
    const typed = parseTime(nextTime);
    timeInvalid.current = typed.kind === 'invalid' || (typed.kind === 'empty' && nextDay !== null);
    report();
    // No day is no instant, whatever the time says; a day waits for a complete time.
    const next =
      nextDay === null ? null : typed.kind === 'time' ? localInstant(nextDay, typed.value) : undefined;
    if (next === undefined) return;
    const stamp = next ? next.getTime() : null;
    if (stamp === sent.current) return;
    sent.current = stamp;
    onChange(next);
  };

  const dayState = useDayText({
    t,
    value: day,
    max: max ? dayOf(max) : undefined,
    onChange(next) {
      setDay(next);
      send(next, time);
    },
    onInvalid(invalid) {
      dayInvalid.current = invalid;
      report();
    },
  });

  const timeMessage = t('form.time.invalid', 'Giờ không hợp lệ: hãy nhập theo dạng giờ:phút, ví dụ 14:30.');
  const settleTime = () => {
    const typed = parseTime(time);
    if (typed.kind === 'time') setTime(typed.value);
    setTimeProblem(typed.kind === 'invalid' || (typed.kind === 'empty' && day !== null) ? timeMessage : null);
  };

  return (
    <Field.Root name={name} id={inputId} error={dayState.problem ?? timeProblem ?? error} required={required}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2} alignItems="flex-start">
        <Box flex="1">
          <DayInput t={t} state={dayState} id={inputId} max={max ? dayOf(max) : undefined} testId={testId} />
        </Box>
        <Box width="12rem">
          <Field.Input
            id={`${inputId}-time`}
            name={`${name}-time`}
            type="text"
            autoComplete="off"
            aria-label={t('form.time', 'Giờ')}
            placeholder={t('form.time.placeholder', 'hh:mm')}
            data-testid={testId ? `${testId}-time` : undefined}
            value={time}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              const raw = event.target.value;
              setTime(raw);
              if (parseTime(raw).kind === 'time') setTimeProblem(null);
              send(day, raw);
            }}
            onBlur={settleTime}
            onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
              if (event.key === 'Enter') settleTime();
            }}
          />
        </Box>
      </Flex>
      <Field.Error />
    </Field.Root>
  );
}

/**
 * Which date fields of a form hold text that is no date: `track(name)` for each field's `onInvalid`, and `any` to
 * refuse sending the form (the fields show why).
 */
export function useInvalidDates() {
  const [invalid, setInvalid] = React.useState<ReadonlySet<string>>(() => new Set());
  const track = React.useCallback(
    (name: string) => (bad: boolean) =>
      setInvalid((previous) => {
        if (previous.has(name) === bad) return previous;
        const next = new Set(previous);
        if (bad) next.add(name);
        else next.delete(name);
        return next;
      }),
    []
  );
  return { any: invalid.size > 0, track };
}
