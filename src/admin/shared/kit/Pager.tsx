import { Button, Flex, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { Pagination } from '../common';
import { useKitT } from './i18n';

export interface PagerProps {
  pagination: Pagination | null | undefined;
  onPage: (page: number) => void;
  testId?: string;
}

/**
 * Previous / next pages of a list whose page lives in the component's state: a list in a dialog, or one of several
 * lists on a page. A page's main list keeps its page in the URL (ListPagination).
 */
export function Pager({ pagination, onPage, testId }: PagerProps) {
  const t = useKitT();
  if (!pagination || pagination.pageCount <= 1) return null;
  const { page, pageCount } = pagination;
  return (
    <Flex gap={2} justifyContent="flex-end" data-testid={testId}>
      <Button
        variant="tertiary"
        size="S"
        startIcon={<ChevronLeft />}
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('pager.previous')}
      </Button>
      <Typography variant="pi" textColor="neutral600">
        {t('pager.position', { page, pageCount })}
      </Typography>
      <Button
        variant="tertiary"
        size="S"
        endIcon={<ChevronRight />}
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
      </Button>
    </Flex>
  );
}
