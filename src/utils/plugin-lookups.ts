import type { Core } from '@strapi/strapi';

type ServiceFactories = Record<string, (...args: never[]) => unknown>;

/**
 * A plugin's typed service lookup, in place of `strapi.plugin(id).service(name) as XService` casts: each plugin
 * exports `getService = serviceGetter<typeof services>(PLUGIN_ID)` from its server/src/utils.ts.
 */
export const serviceGetter =
  <Services extends ServiceFactories>(pluginId: string) =>
  <Name extends keyof Services & string>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
    strapi.plugin(pluginId).service(name) as ReturnType<Services[Name]>;

/** The environment reader Strapi hands a plugin's default config: `env('NAME')`. */
export type ConfigEnv = (name: string) => string | undefined;

/** A plugin's settings: its server/src/config default, with what config/plugins.ts sets over it. */
export const settingsGetter =
  <Settings>(pluginId: string) =>
  (strapi: Core.Strapi): Settings =>
    strapi.config.get(`plugin::${pluginId}`) as Settings;
