import { Tabs } from '@strapi/design-system';
import { useLocation, useNavigate } from 'react-router-dom';
import { PLUGIN_PATH } from '../api';
import { useT } from '../i18n';
import { useOptions } from './OptionsContext';

/** The plugin's pages this user may open, as tabs (like the unit page's); the current page's tab is selected. */
export const Nav = () => {
  const t = useT();
  const { access } = useOptions();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  const links = [
    access.canDashboard && {
      to: PLUGIN_PATH,
      id: 'dashboard',
      label: t('nav.dashboard', 'Bảng theo dõi'),
    },
    access.canUnit && { to: `${PLUGIN_PATH}/my`, id: 'my', label: t('nav.my', 'Việc của đơn vị') },
    (access.canManage || access.canDashboard) && {
      to: `${PLUGIN_PATH}/difficulties`,
      id: 'difficulties',
      label: t('nav.difficulties', 'Khó khăn, vướng mắc'),
    },
    access.canEscalations && {
      to: `${PLUGIN_PATH}/escalations`,
      id: 'escalations',
      label: t('nav.escalations', 'Xin ý kiến Giám đốc'),
    },
    (access.canManage || access.canDashboard) && {
      to: `${PLUGIN_PATH}/checks`,
      id: 'checks',
      label: t('nav.checks', 'Kiểm tra'),
    },
  ].filter((link): link is { to: string; id: string; label: string } => Boolean(link));

  if (links.length < 2) return null;
  const current = links.find((link) =>
    link.to === PLUGIN_PATH ? /\/plugins\/oversight\/?$/.test(pathname) : pathname.includes(link.to)
  );

  return (
    <Tabs.Root
      value={current?.id ?? ''}
      onValueChange={(id) => {
        const link = links.find((candidate) => candidate.id === id);
        if (link) navigate(link.to);
      }}
      variant="simple"
      data-testid="oversight-nav"
    >
      <Tabs.List aria-label={t('nav.label', 'Theo dõi, đôn đốc')}>
        {links.map((link) => (
          <Tabs.Trigger key={link.id} value={link.id} data-testid={`nav-${link.id}`}>
            {link.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
};
