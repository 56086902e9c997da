import { Feather } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '#unit-submissions/permissions';
import { ArticleSubmissionPanel } from './components/ArticleSubmissionPanel';
import { prefixed, registerTrads } from './i18n';
import { withWaitingBadge } from '#admin/waiting/WaitingBadgeIcon';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: withWaitingBadge(Feather, PLUGIN_ID),
      intlLabel: { id: prefixed('plugin.name'), defaultMessage: 'Tin bài đơn vị gửi' },
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

    app.registerPlugin({ id: PLUGIN_ID, name: 'Tin bài đơn vị gửi' });
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
