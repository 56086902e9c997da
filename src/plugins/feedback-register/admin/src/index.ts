import { Discuss } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, PLUGIN_ID } from '../../server/src/permissions';
import { prefixed } from './i18n';

type Translations = Record<string, string>;

const prefixTranslations = (data: Translations): Translations =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [prefixed(key), value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Discuss,
      intlLabel: { id: prefixed('plugin.name'), defaultMessage: 'Sổ tiếp nhận PAKN' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: 'Sổ tiếp nhận PAKN' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Translations;
          };
          return { data: prefixTranslations(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
