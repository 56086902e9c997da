/** The providers an admin page has (design system, react-intl with the admin's messages, a router), for tests. */
import * as React from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import { MemoryRouter, useLocation } from 'react-router-dom';
import en from '../../translations/en.json';
import vi from '../../translations/vi.json';

// jsdom has no layout: the design system's inputs observe their size.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

export function renderInAdmin(
  ui: React.ReactElement,
  { locale = 'vi', url = '/' }: { locale?: 'vi' | 'en'; url?: string } = {}
) {
  const Providers = ({ children }: { children: React.ReactNode }) => (
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <IntlProvider locale={locale} defaultLocale="vi" messages={locale === 'en' ? en : vi}>
        <DesignSystemProvider locale={locale}>{children}</DesignSystemProvider>
      </IntlProvider>
    </MemoryRouter>
  );
  return render(ui, { wrapper: Providers });
}

/** The router's current query string, shown for the test to read (`screen.getByTestId('url').textContent`). */
export const CurrentSearch = () => <output data-testid="url">{useLocation().search}</output>;

/**
 * A viewport `width` px wide for window.matchMedia: `(max-width: Npx)` and `(min-width: Npx)` queries are answered
 * from it (jsdom has no layout and no matchMedia).
 */
export function setViewport(width: number) {
  const matches = (query: string) =>
    [...query.matchAll(/\((max|min)-width:\s*(\d+)px\)/g)].every(([, side, px]) =>
      side === 'max' ? width <= Number(px) : width >= Number(px)
    );
  window.matchMedia = (query: string) =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

/** `renderInAdmin` with a user-event session set up first, as user-event asks, to act on what it shows. */
export function renderWithUser(...args: Parameters<typeof renderInAdmin>) {
  const user = userEvent.setup();
  return { user, ...renderInAdmin(...args) };
}
