import type { StrapiApp } from '@strapi/strapi/admin';
import labelsEn from '../bootstrap/content-manager-labels.en.json';
import labelsVi from '../bootstrap/content-manager-labels.json';
import { buildCmTranslations } from './cm-translations';
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
  bootstrap(_app: StrapiApp) {},
};
