import * as React from 'react';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';

export interface PageShellProps {
  /** The header's title, also the browser tab's. */
  title: string;
  subtitle?: React.ReactNode;
  /** Where the back link leads when there is no history; none, no back link. */
  backTo?: string;
  /** The header's buttons. */
  primaryAction?: React.ReactNode;
  /** Beside the title: a state badge. */
  secondaryAction?: React.ReactNode;
  /** Under the header: the plugin's own navigation between its pages. */
  nav?: React.ReactNode;
  children: React.ReactNode;
}

/** A page's frame as Strapi's own pages have it: the header (back link, title, subtitle, buttons), then the page. */
export function PageShell({
  title,
  subtitle,
  backTo,
  primaryAction,
  secondaryAction,
  nav,
  children,
}: PageShellProps) {
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={backTo === undefined ? undefined : <BackButton fallback={backTo} />}
        title={title}
        subtitle={subtitle}
        secondaryAction={secondaryAction}
        primaryAction={primaryAction}
      />
      {nav && <Layouts.Action startActions={nav} />}
      <Layouts.Content>{children}</Layouts.Content>
    </Page.Main>
  );
}
