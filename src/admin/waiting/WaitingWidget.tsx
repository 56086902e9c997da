import * as React from 'react';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { isFetchError, useAuth, useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import vi from '../translations/vi.json';
import {
  WAITING_PLUGINS,
  waitingLines,
  type WaitingItem,
  type WaitingLine,
  type WaitingPlugin,
} from './lines';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; lines: WaitingLine[] };

const VI = vi as Record<string, string>;

/**
 * The home page's "Waiting for me": each local plugin's `GET /waiting`, every line a count linking to the plugin's
 * list with its filter. A plugin the user's role does not have answers 403 and is left out.
 */
export const WaitingWidget = () => {
  const { get } = useFetchClient();
  const { formatMessage, formatNumber } = useIntl();
  const userId = useAuth('WaitingWidget', (auth) => auth.user?.id);
  const [state, setState] = React.useState<State>({ status: 'loading' });
  const m = (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id, defaultMessage: VI[id] ?? id }, values);

  React.useEffect(() => {
    let active = true;
    const ask = async (plugin: WaitingPlugin) => {
      try {
        const { data } = await get<{ data: { items: WaitingItem[] } }>(`/${plugin}/waiting`);
        return { plugin, items: data.data.items };
      } catch (error) {
        if (isFetchError(error) && error.status === 403) return { plugin, items: [] };
        throw error;
      }
    };
    Promise.all(WAITING_PLUGINS.map(ask)).then(
      (answers) => active && setState({ status: 'ready', lines: waitingLines(answers, userId) }),
      (error: unknown) => {
        if (!active || (error instanceof Error && error.name === 'AbortError')) return;
        setState({ status: 'error' });
      }
    );
    return () => {
      active = false;
    };
  }, [get, userId]);

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
