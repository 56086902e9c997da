import * as React from 'react';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useAuth, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import vi from '../translations/vi.json';
import { waitingLines } from './lines';
import { useWaiting } from './useWaiting';

const VI = vi as Record<string, string>;

/**
 * The home page's "Waiting for me": each local plugin's `GET /waiting`, every line a count linking to the plugin's
 * list with its filter.
 */
export const WaitingWidget = () => {
  const { formatMessage, formatNumber } = useIntl();
  const userId = useAuth('WaitingWidget', (auth) => auth.user?.id);
  const waiting = useWaiting({ maxAge: 0 });
  const state = React.useMemo(
    () =>
      waiting.status === 'ready'
        ? { status: 'ready' as const, lines: waitingLines(waiting.answers, userId) }
        : waiting,
    [waiting, userId]
  );
  const m = (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id, defaultMessage: VI[id] ?? id }, values);

  if (state.status === 'loading') return <Widget.Loading>{m('waiting.loading')}</Widget.Loading>;
  if (state.status === 'error') return <Widget.Error>{m('waiting.error')}</Widget.Error>;
  if (state.lines.length === 0) return <Widget.NoData>{m('waiting.empty')}</Widget.NoData>;

  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="waiting-widget">
      {state.lines.map((line) => (
        <Box tag="li" key={line.id} data-testid={`waiting-${line.id}`} data-value={line.item.count}>
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Link
              tag={NavLink}
              to={line.to}
              aria-label={`${m(line.labelId)}: ${formatNumber(line.item.count)}`}
            >
              {m(line.labelId)}
            </Link>
            <Flex gap={1} wrap="wrap">
              {line.item.overdue ? (
                line.overdueTo ? (
                  <Link tag={NavLink} to={line.overdueTo}>
                    <Badge backgroundColor="danger100" textColor="danger700">
                      {m('waiting.overdue', { count: line.item.overdue })}
                    </Badge>
                  </Link>
                ) : (
                  <Badge backgroundColor="danger100" textColor="danger700">
                    {m('waiting.overdue', { count: line.item.overdue })}
                  </Badge>
                )
              ) : null}
              {line.item.dueSoon ? (
                <Badge backgroundColor="warning100" textColor="warning700">
                  {m('waiting.dueSoon', { count: line.item.dueSoon })}
                </Badge>
              ) : null}
              <Typography variant="omega" fontWeight="bold" aria-hidden>
                {formatNumber(line.item.count)}
              </Typography>
            </Flex>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
