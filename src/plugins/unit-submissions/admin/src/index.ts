import { Feather } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#unit-submissions/permissions';
import { ArticleSubmissionPanel } from './components/ArticleSubmissionPanel';
import { prefixed, registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';
import { addPlugin } from '#admin/shared/plugin';

export default {
  register(app: StrapiApp) {
    addPlugin(app, {
      id: PLUGIN_ID,
      name: 'Tin bài đơn vị gửi',
      icon: withWaitingBadge(Feather, PLUGIN_ID),
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });

    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-memberships`,
      to: `${PLUGIN_ID}/memberships`,
      intlLabel: { id: prefixed('memberships.title'), defaultMessage: 'Thành viên đơn vị' },
      permissions: [{ action: ACTIONS.memberships, subject: null }],
      Component: () => import('./pages/MembershipsPage'),
    });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    // The side panel of an article's edit view: the unit's submission it was made from.
    const contentManager = app.getPlugin('content-manager')?.apis as
      | { addEditViewSidePanel?: (panels: (typeof ArticleSubmissionPanel)[]) => void }
      | undefined;
    contentManager?.addEditViewSidePanel?.([ArticleSubmissionPanel]);
  },

  registerTrads: registerTrads((locale) => import(`./translations/${locale}.json`)),
};
