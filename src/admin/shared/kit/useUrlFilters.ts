import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Sort } from './DataTable';

export type FilterValues<N extends string> = Record<N, string | undefined>;

/** `sort=title:asc`, as Strapi's own lists write it. */
export const sortParam = (sort: Sort | null) => (sort ? `${sort.key}:${sort.direction}` : undefined);

export const parseSort = (value: string | null | undefined): Sort | null => {
  const match = /^([\w.]+):(asc|desc)$/.exec(value ?? '');
  return match ? { key: match[1], direction: match[2] as Sort['direction'] } : null;
};

/**
 * A list's filters, page and sort kept in the URL's query string (react-router's useSearchParams), so that a reload
 * or a shared link shows the same list. Other parameters are left alone; changing a filter or the sort goes back to
 * the first page. `page` and `pageSize` are the ones Strapi's `Pagination` links write.
 */
export function useUrlFilters<N extends string>(
  names: readonly N[],
  { pageSize: defaultPageSize = 20 }: { pageSize?: number } = {}
) {
  const [params, setParams] = useSearchParams();
  // `names` is usually a new array each render; its content is what counts.
  const key = names.join(',');
  const namesRef = React.useRef(names);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  namesRef.current = names;
  const values = React.useMemo(
    () => Object.fromEntries(names.map((name) => [name, params.get(name) || undefined])) as FilterValues<N>,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate: another dependency changes when it runs
    [params, key]
  );

  const update = React.useCallback(
    (changes: Record<string, string | undefined>, firstPage: boolean) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (firstPage) next.delete('page');
        return next;
      }),
    [setParams]
  );

  const setFilter = React.useCallback(
    (name: N, value: string | undefined) => update({ [name]: value }, true),
    [update]
  );
  const clearFilters = React.useCallback(
    () => update(Object.fromEntries(namesRef.current.map((name) => [name, undefined])), true),
    [update]
  );
  const setSort = React.useCallback((sort: Sort | null) => update({ sort: sortParam(sort) }, true), [update]);
  const setPage = React.useCallback(
    (page: number) => update({ page: page > 1 ? String(page) : undefined }, false),
    [update]
  );

  return {
    values,
    setFilter,
    clearFilters,
    activeCount: names.filter((name) => values[name] !== undefined).length,
    page: Math.max(1, Number(params.get('page')) || 1),
    setPage,
    pageSize: Math.max(1, Number(params.get('pageSize')) || defaultPageSize),
    sort: parseSort(params.get('sort')),
    setSort,
  };
}
