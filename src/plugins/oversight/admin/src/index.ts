import { Eye } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '#oversight/permissions';
import { ANY_ACTION } from './access';
import { registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';
import { addPlugin } from '#admin/shared/plugin';

export default {
  register(app: StrapiApp) {
    addPlugin(app, {
      id: PLUGIN_ID,
      name: 'Theo dõi, đôn đốc',
      icon: withWaitingBadge(Eye, PLUGIN_ID),
      permissions: ANY_ACTION,
      Component: () => import('./pages/App'),
    });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
