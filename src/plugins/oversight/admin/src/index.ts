import { Eye } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '#oversight/permissions';
import { ANY_ACTION } from './access';
import { prefixed, registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: withWaitingBadge(Eye, PLUGIN_ID),
      intlLabel: { id: prefixed('plugin.name'), defaultMessage: 'Theo dõi, đôn đốc' },
      permissions: ANY_ACTION,
      Component: () => import('./pages/App'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: 'Theo dõi, đôn đốc' });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
