import { usePluginApi } from '#admin/shared/api-client';
import type { WidgetListing } from '#widgets/domain/catalogue';
import type { WidgetSettings } from '#widgets/domain/settings';

/* -------------------------------------------------------------------------------------------------
 * What the plugin's admin API returns (server/src/controllers/settings.ts)
 * -----------------------------------------------------------------------------------------------*/

export type { WidgetSettings };

/** GET and PUT /widgets/settings. */
export interface SettingsView extends WidgetSettings {
  /** WIDGET_ALLOWED_ORIGINS, read only here. */
  environmentOrigins: string[];
  /** The catalogue, by widget name. */
  widgets: Record<string, WidgetListing>;
}

/** The settings as the PUT takes them: a theme's values as strings, an empty one for the default. */
export interface SettingsInput {
  allowedOrigins: string[];
  theme: Partial<Record<keyof WidgetSettings['theme'], string>>;
}

const BASE = '/widgets/settings';

/** The widgets plugin's admin API, with the admin session and the UI's language. */
export const useApi = () =>
  usePluginApi(({ get, put }, headers) => ({
    getSettings: async () => (await get<{ data: SettingsView }>(BASE, { headers })).data.data,

    saveSettings: async (settings: SettingsInput) =>
      (await put<{ data: SettingsView }>(BASE, settings, { headers })).data.data,
  }));
