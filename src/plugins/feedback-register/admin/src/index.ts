import { Discuss } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#feedback-register/permissions';
import { registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';
import { addPlugin } from '#admin/shared/plugin';

export default {
  register(app: StrapiApp) {
    addPlugin(app, {
      id: PLUGIN_ID,
      name: 'Sổ tiếp nhận PAKN',
      icon: withWaitingBadge(Discuss, PLUGIN_ID),
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
