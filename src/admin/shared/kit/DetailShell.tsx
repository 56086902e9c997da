import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, LinkButton } from '@strapi/design-system';
import { ArrowClockwise, ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { ApiProblem } from '../api-problem';
import type { Loaded } from '../common';
import { useKitT } from './i18n';
import { PageShell } from './PageShell';

/** What a detail page loaded: a `Loaded<T>` of useLoader, or the same from the page's own state. */
export type DetailState<T> = Pick<Loaded<T>, 'data' | 'loading' | 'reload'> & { problem: ApiProblem | null };

export interface DetailShellProps<T> {
  state: DetailState<T>;
  /** The list the page belongs to: the back link's fallback and the not-found page's way out. */
  backTo: string;
  title: (data: T) => string;
  subtitle?: (data: T) => React.ReactNode;
  /** The header's buttons. */
  actions?: (data: T) => React.ReactNode;
  /** Beside the title: a state badge. */
  status?: (data: T) => React.ReactNode;
  /** What is said when the item does not exist (404); default "Không tìm thấy mục này…". */
  notFound?: string;
  testId?: string;
  children: (data: T) => React.ReactNode;
}

/**
 * A detail page's frame: loading, not found (404: a message and the way back to the list), an error with a retry,
 * and otherwise the header (back link, title, state, actions) and the page. Data already shown stays while it reloads.
 */
export function DetailShell<T>({
  state,
  backTo,
  title,
  subtitle,
  actions,
  status,
  notFound,
  testId,
  children,
}: DetailShellProps<T>) {
  const t = useKitT();
  const { data, loading, problem, reload } = state;

  if (data === null || data === undefined) {
    if (loading || !problem) return <Page.Loading>{t('loading')}</Page.Loading>;
    const missing = problem.status === 404;
    return (
      <Page.Main>
        <Layouts.Content>
          <Box paddingTop={8} data-testid={testId && `${testId}-${missing ? 'not-found' : 'error'}`}>
            <EmptyStateLayout
              content={missing ? (notFound ?? t('detail.notFound')) : t('detail.error')}
              action={
                <Flex gap={2} wrap="wrap" justifyContent="center">
                  {!missing && (
                    <Button startIcon={<ArrowClockwise />} onClick={reload}>
                      {t('detail.retry')}
                    </Button>
                  )}
                  <LinkButton variant="secondary" startIcon={<ArrowLeft />} tag={NavLink} to={backTo}>
                    {t('detail.backToList')}
                  </LinkButton>
                </Flex>
              }
            />
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <PageShell
      backTo={backTo}
      title={title(data)}
      subtitle={subtitle?.(data)}
      secondaryAction={status?.(data)}
      primaryAction={actions?.(data)}
    >
      <Box data-testid={testId}>{children(data)}</Box>
    </PageShell>
  );
}
