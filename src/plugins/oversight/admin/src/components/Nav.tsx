import { Flex, LinkButton } from '@strapi/design-system';
import { NavLink, useLocation } from 'react-router-dom';
import { PLUGIN_PATH } from '../api';
import { useT } from '../i18n';
import { useOptions } from './OptionsContext';

/** Links between the plugin's pages, those this user may open; the current one is highlighted. */
export const Nav = () => {
  const t = useT();
  const { access } = useOptions();
  const { pathname } = useLocation();

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
      to: `${PLUGIN_PATH}/inspections`,
      id: 'inspections',
      label: t('nav.inspections', 'Kiểm tra'),
    },
  ].filter((link): link is { to: string; id: string; label: string } => Boolean(link));

  if (links.length < 2) return null;
  const current = (to: string) =>
    to === PLUGIN_PATH ? /\/plugins\/oversight\/?$/.test(pathname) : pathname.includes(to);

  return (
    <Flex gap={2} wrap="wrap" tag="nav" data-testid="oversight-nav">
      {links.map((link) => (
        <LinkButton
          key={link.id}
          tag={NavLink}
          to={link.to}
          size="S"
          variant={current(link.to) ? 'secondary' : 'tertiary'}
          aria-current={current(link.to) ? 'page' : undefined}
          data-testid={`nav-${link.id}`}
        >
          {link.label}
        </LinkButton>
      ))}
    </Flex>
  );
};
