import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import type { WaitingPlugin } from './lines';
import { useWaiting, waitingCount } from './useWaiting';

type IconProps = React.SVGProps<SVGSVGElement>;

/**
 * A plugin's menu icon with the count of what waits for this user there. Strapi 5.54 reads a menu link's
 * `notificationsCount` once, at registration, so the live count is drawn by the icon itself, from the same shared
 * answer as the home widget.
 */
export function withWaitingBadge(Icon: React.ComponentType<IconProps>, plugin: WaitingPlugin) {
  const BadgedIcon = (props: IconProps) => {
    const count = waitingCount(useWaiting(), plugin);
    return (
      <span style={{ position: 'relative', display: 'inline-flex' }}>
        <Icon {...props} />
        {count > 0 ? (
          <Box
            aria-hidden
            data-testid={`menu-badge-${plugin}`}
            data-value={count}
            background="danger600"
            hasRadius
            paddingLeft={1}
            paddingRight={1}
            style={{ position: 'absolute', top: -8, right: -12, lineHeight: 1.4, pointerEvents: 'none' }}
          >
            <Typography variant="sigma" textColor="neutral0" style={{ fontSize: 10 }}>
              {count > 99 ? '99+' : count}
            </Typography>
          </Box>
        ) : null}
      </span>
    );
  };
  BadgedIcon.displayName = `WaitingBadge(${plugin})`;
  return BadgedIcon;
}
