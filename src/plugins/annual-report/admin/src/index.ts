import { File } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#annual-report/permissions';
import { prefixed, registerTrads } from './i18n';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: File,
      intlLabel: { id: prefixed('plugin.name'), defaultMessage: 'Báo cáo năm' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: 'Báo cáo năm' });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
