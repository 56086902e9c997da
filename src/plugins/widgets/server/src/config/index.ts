import { settingsGetter, type ConfigEnv } from '#utils/plugin-lookups';
import { PLUGIN_ID } from '../permissions';

/** The plugin's settings, from the environment; config/plugins.ts may override them under `config`. */
export interface Settings {
  /** WIDGET_ALLOWED_ORIGINS: comma-separated origins allowed besides those of the admin settings. */
  allowedOrigins: string;
}

export default {
  default: ({ env }: { env: ConfigEnv }): Settings => ({
    allowedOrigins: env('WIDGET_ALLOWED_ORIGINS') ?? '',
  }),
  validator(config: Settings) {
    if (typeof config.allowedOrigins !== 'string') throw new Error('allowedOrigins must be a string');
  },
};

export const settingsOf = settingsGetter<Settings>(PLUGIN_ID);
