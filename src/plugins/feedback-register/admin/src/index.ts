import { Discuss } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#feedback-register/permissions';
import { prefixed, registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: withWaitingBadge(Discuss, PLUGIN_ID),
      intlLabel: { id: prefixed('plugin.name'), defaultMessage: 'Sổ tiếp nhận PAKN' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: 'Sổ tiếp nhận PAKN' });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
