import { Database } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '#procedure-import/permissions';
import { addPlugin } from '#admin/shared/plugin';
import { MANAGE } from './access';
import { registerTrads } from './i18n';

export default {
  register(app: StrapiApp) {
    addPlugin(app, {
      id: PLUGIN_ID,
      name: 'Nhập thủ tục từ CSDL quốc gia',
      icon: Database,
      permissions: MANAGE,
      Component: () => import('./pages/App'),
    });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
