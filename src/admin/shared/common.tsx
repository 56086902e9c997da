import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { isConflict, problemOf, type ApiProblem } from './api-problem';
import { dayOf, formatDay, timeOf } from './dates';
import type { Translate } from './i18n';

/** The pages' small building blocks, shared by the local plugins' admin pages. */

/** A Date in the browser's time zone, as a calendar day (src/admin/shared/dates.ts). */
export { dayOf };

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** Long texts wrap within their table column. */
export const WRAP: React.CSSProperties = { whiteSpace: 'normal', overflowWrap: 'anywhere' };
/** Multi-line texts keep their line breaks. */
export const PRE: React.CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

export const shorten = (text: string | null | undefined, max = 120) =>
  !text ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Formats calendar days (YYYY-MM-DD) as dd/mm/yyyy and instants (ISO date-times) as dd/mm/yyyy HH:mm in the
 * browser's time zone, in both languages: the way the department writes dates, and the way date fields are typed.
 */
export function useDates() {
  return React.useMemo(
    () => ({
      day: (value: string | null | undefined) => formatDay(value) || '—',
      instant: (value: string | null | undefined) => {
        const date = value ? new Date(value) : null;
        return date && !Number.isNaN(date.getTime()) ? `${formatDay(dayOf(date))} ${timeOf(date)}` : '—';
      },
    }),
    []
  );
}

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  failed: boolean;
  /** Why the last load failed (a 404 is "not found"), or null. */
  problem: ApiProblem | null;
  reload: () => void;
}

/**
 * Loads data whenever `deps` change (or on reload), keeps the previous data while loading, and reports failures as
 * a notification. `load` must only depend on `deps`.
 */
export function useLoader<T>(load: () => Promise<T>, deps: React.DependencyList): Loaded<T> {
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [data, setData] = React.useState<T | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [problem, setProblem] = React.useState<ApiProblem | null>(null);
  const [tick, setTick] = React.useState(0);
  const loadRef = React.useRef(load);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  loadRef.current = load;

  React.useEffect(() => {
    let active = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setLoading(true);
    loadRef
      .current()
      .then(
        (loaded) => {
          if (!active) return;
          setData(loaded);
          setProblem(null);
        },
        (error: unknown) => {
          const failure = problemOf(error, locale);
          if (!active || failure.aborted) return;
          setProblem(failure);
          toggleNotification({
            type: 'danger',
            message: Object.values(failure.fields)[0] ?? failure.message,
          });
        }
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
    // `load` is read through a ref: it changes on every render, `deps` say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate: another dependency changes when it runs
  }, [...deps, tick, locale, toggleNotification]);

  const reload = React.useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, failed: problem !== null, problem, reload };
}

/**
 * Reads a failed call (`problemOf(error)`), in the UI's language; null when there is nothing more to show: the call
 * was aborted, or someone else changed the record first, handed to `onConflict` (the page reloads it).
 */
export function useProblemOf() {
  const { locale } = useIntl();
  return React.useCallback(
    (error: unknown, onConflict?: () => void): ApiProblem | null => {
      const problem = problemOf(error, locale);
      if (problem.aborted) return null;
      if (onConflict && isConflict(problem)) {
        onConflict();
        return null;
      }
      return problem;
    },
    [locale]
  );
}

/** A page before its data first arrives: the loading page, or the error page once loading failed. */
export const PageLoading = ({ failed, t }: { failed: boolean; t: Translate }) =>
  failed ? <Page.Error /> : <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

/**
 * What a plugin offers this user (its /options: access, units, choices), loaded once for all its pages: a provider
 * that shows the loading and error pages meanwhile, and the hook its pages read the options with.
 */
export function optionsContext<O>(useApi: () => { getOptions: () => Promise<O> }, useT: () => Translate) {
  const Context = React.createContext<O | null>(null);

  function OptionsProvider({ children }: { children: React.ReactNode }) {
    const api = useApi();
    const t = useT();
    const { data, failed } = useLoader(() => api.getOptions(), [api]);
    if (failed) return <Page.Error />;
    if (!data) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
    return <Context.Provider value={data}>{children}</Context.Provider>;
  }

  const useOptions = (): O => {
    const options = React.useContext(Context);
    if (!options) throw new Error('useOptions must be used inside <OptionsProvider>');
    return options;
  };

  return { OptionsProvider, useOptions };
}

/** Server messages that belong to no field of a form. */
export const OtherErrors = ({ errors, fields }: { errors: Record<string, string>; fields: string[] }) => {
  const others = Object.entries(errors).filter(([path]) => !fields.includes(path));
  if (others.length === 0) return null;
  return (
    <Box role="alert" padding={4} background="danger100" hasRadius data-testid="form-errors">
      {others.map(([path, message]) => (
        <Typography key={path} tag="p" textColor="danger700">
          {message}
        </Typography>
      ))}
    </Box>
  );
};

/** A labelled value in a detail block. */
export const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800" style={PRE}>
      {children}
    </Typography>
  </Flex>
);

/** An empty list, quietly. */
export const Empty = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box padding={4} background="neutral100" hasRadius data-testid={testId}>
    <Typography textColor="neutral600">{children}</Typography>
  </Box>
);
