/**
 * '@strapi/strapi/admin' for the admin component tests: the whole Strapi admin does not load in jsdom (its ESM
 * dependencies), so the kit's tests mock it with this, `jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapi-admin'))`.
 * FetchError and isFetchError are Strapi's own; the page frame is plain markup with the same props.
 */
import path from 'path';
import * as React from 'react';
import { Link } from 'react-router-dom';

// Strapi's fetch client, from its file: the package's exports do not list it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fetchClient = require(
  path.join(
    path.dirname(require.resolve('@strapi/admin/package.json')),
    'dist/admin/admin/src/utils/getFetchClient.js'
  )
);

export const FetchError: new (message: string, response?: unknown) => Error = fetchClient.FetchError;
export const isFetchError: (error: unknown) => boolean = fetchClient.isFetchError;

/** An API error answer, as the fetch client throws it. */
export const apiError = (status: number, name: string, message: string, errors: unknown[] = []) =>
  new FetchError(message, { data: { error: { status, name, message, details: { errors } } } });

export const toggleNotification = jest.fn();
export const useNotification = () => ({ toggleNotification });

export const Page = {
  Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>,
  Title: ({ children }: { children: React.ReactNode }) => <title>{children}</title>,
  Loading: ({ children }: { children?: React.ReactNode }) => <div data-testid="page-loading">{children}</div>,
  Error: () => <div role="alert">error</div>,
};

export const Layouts = {
  Header: (props: {
    title: string;
    subtitle?: React.ReactNode;
    navigationAction?: React.ReactNode;
    primaryAction?: React.ReactNode;
    secondaryAction?: React.ReactNode;
  }) => (
    <header>
      {props.navigationAction}
      <h1>{props.title}</h1>
      {props.secondaryAction}
      {props.subtitle && <p>{props.subtitle}</p>}
      {props.primaryAction}
    </header>
  ),
  Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  Action: ({
    startActions,
    endActions,
  }: {
    startActions?: React.ReactNode;
    endActions?: React.ReactNode;
  }) => (
    <div>
      {startActions}
      {endActions}
    </div>
  ),
};

export const BackButton = ({ fallback }: { fallback?: string }) => <Link to={fallback ?? '..'}>Back</Link>;

/** Strapi's list pagination, reduced to what it is given. */
export const Pagination = {
  Root: ({
    pageCount,
    total,
    defaultPageSize,
    children,
  }: {
    pageCount: number;
    total: number;
    defaultPageSize: number;
    children: React.ReactNode;
  }) => (
    <nav
      data-testid="pagination"
      data-page-count={pageCount}
      data-total={total}
      data-page-size={defaultPageSize}
    >
      {children}
    </nav>
  ),
  PageSize: () => <select aria-label="page size" />,
  Links: () => <a href="?page=2">2</a>,
};
