import { File } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#annual-report/permissions';
import { registerTrads } from './i18n';
import { addPlugin } from '#admin/shared/plugin';

export default {
  register(app: StrapiApp) {
    addPlugin(app, {
      id: PLUGIN_ID,
      name: 'Báo cáo năm',
      icon: File,
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
