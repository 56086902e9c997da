import { Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import labelsEn from '../bootstrap/content-manager-labels.en.json';
import labelsVi from '../bootstrap/content-manager-labels.json';
import { formatListCells, translateFilters } from './cm-list-view';
import { buildCmTranslations, INJECT_COLUMN_IN_TABLE, INJECT_LIST_VIEW_FILTERS } from './cm-translations';
import typeNames from './translations/content-type-names.json';
import en from './translations/en.json';
import enumLabels from './translations/enum-labels.json';
import vi from './translations/vi.json';

// Field labels, enumeration values and content-type names of the Content Manager, in both languages.
const cm = buildCmTranslations({ fieldLabels: { vi: labelsVi, en: labelsEn }, enumLabels, typeNames });

export default {
  config: {
    // Vietnamese first; each user can still pick English in their profile.
    locales: ['vi'],
    translations: { vi: { ...cm.vi, ...vi }, en: { ...cm.en, ...en } },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // "Waiting for me" on the home page. Every staff role opens the submissions (the home page requires every listed
    // permission; a widget's `roles` is not enforced by this Strapi version); each line comes from a plugin the role has.
    app.widgets.register({
      id: 'waiting-for-me',
      icon: Clock,
      title: { id: 'waiting.title', defaultMessage: vi['waiting.title'] },
      component: async () => (await import('./waiting/WaitingWidget')).WaitingWidget,
      permissions: [{ action: 'plugin::unit-submissions.read' }],
    });
  },
  bootstrap(app: StrapiApp) {
    app.registerHook(INJECT_COLUMN_IN_TABLE, formatListCells);
    app.registerHook(INJECT_LIST_VIEW_FILTERS, translateFilters(new Set(Object.keys(cm.en))));
  },
};
