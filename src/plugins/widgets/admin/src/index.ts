import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#widgets/permissions';
import { prefixed, registerTrads } from './i18n';

export default {
  register(app: StrapiApp) {
    // No menu entry of its own: the allowed websites, the theme, the preview and the snippets are one settings page.
    app.registerPlugin({ id: PLUGIN_ID, name: 'Nhúng vào website' });

    app.addSettingsLink('global', {
      id: PLUGIN_ID,
      to: PLUGIN_ID,
      intlLabel: { id: prefixed('settings.title'), defaultMessage: 'Nhúng vào website' },
      permissions: [{ action: ACTIONS.manage, subject: null }],
      Component: () => import('./pages/SettingsPage'),
    });
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
