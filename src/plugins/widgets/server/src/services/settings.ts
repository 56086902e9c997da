import type { Core } from '@strapi/strapi';
import { settingsOf } from '../config';
import { environmentOrigins } from '../domain/origins';
import { EMPTY_SETTINGS, type WidgetSettings } from '../domain/settings';
import { PLUGIN_ID } from '../permissions';

// CORS asks on every cross-origin request; another node's change is seen within this long.
const CACHE_MS = 1000;

/** The Website widgets settings, in Strapi's store, with the origins of WIDGET_ALLOWED_ORIGINS beside them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = { type: 'plugin' as const, name: PLUGIN_ID, key: 'settings' };
  const fromEnvironment = environmentOrigins(settingsOf(strapi).allowedOrigins);
  let cached: { value: WidgetSettings; until: number } | undefined;

  return {
    /** Entries of WIDGET_ALLOWED_ORIGINS that are not origins: logged once at start-up. */
    invalidEnvironmentOrigins: fromEnvironment.invalid,

    environmentOrigins: (): string[] => fromEnvironment.origins,

    async get(): Promise<WidgetSettings> {
      if (cached && cached.until > Date.now()) return cached.value;
      const stored = (await strapi.store.get(key)) as Partial<WidgetSettings> | null;
      const value = { ...EMPTY_SETTINGS, ...(stored ?? {}) };
      cached = { value, until: Date.now() + CACHE_MS };
      return value;
    },

    async save(settings: WidgetSettings): Promise<WidgetSettings> {
      await strapi.store.set({ ...key, value: settings });
      cached = undefined;
      return settings;
    },

    /** Every origin whose pages may use the widgets: the settings' and the environment's. */
    async allowedOrigins(): Promise<string[]> {
      const { allowedOrigins } = await this.get();
      return [...new Set([...allowedOrigins, ...fromEnvironment.origins])];
    },
  };
};
