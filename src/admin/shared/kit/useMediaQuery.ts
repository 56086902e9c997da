import { useCallback, useSyncExternalStore } from 'react';

/** Phones and narrow windows: tables become cards, filter bars collapse. The acceptance viewport is 390 px. */
export const NARROW = '(max-width: 640px)';

const listOf = (query: string) =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;

/** Whether a CSS media query matches now, following changes (window.matchMedia, so tests can set it). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listOf(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query]
  );
  return useSyncExternalStore(subscribe, () => listOf(query)?.matches ?? false);
}

export const useNarrow = () => useMediaQuery(NARROW);
