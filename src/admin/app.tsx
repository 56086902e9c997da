import type { StrapiApp } from '@strapi/strapi/admin';
import en from './translations/en.json';
import vi from './translations/vi.json';

export default {
  config: {
    // Vietnamese first; each user can still pick English in their profile.
    locales: ['vi'],
    translations: { vi, en },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
