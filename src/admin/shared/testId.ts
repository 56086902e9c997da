import { useCallback } from 'react';

/**
 * The design system's selects do not pass `data-*` attributes to their DOM: this ref puts the test id on the
 * select's trigger (the element with role="combobox") itself.
 */
export const useTestIdRef = (testId: string) =>
  useCallback(
    (node: HTMLElement | null) => {
      node?.setAttribute('data-testid', testId);
    },
    [testId]
  );
