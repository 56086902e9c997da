import { settingsGetter, type ConfigEnv } from '#utils/plugin-lookups';
import { PLUGIN_ID } from '../permissions';

/** The plugin's settings, from the environment; config/plugins.ts may override them under `config`. */
export interface Settings {
  /**
   * Test hook, never in production: each progress step of an export waits this long, so that a test can kill the
   * process mid-way (ANNUAL_REPORT_EXPORT_STEP_DELAY_MS, default 0).
   */
  exportStepDelayMs: number;
}

export default {
  default: ({ env }: { env: ConfigEnv }): Settings => ({
    exportStepDelayMs:
      env('NODE_ENV') === 'production' ? 0 : Number(env('ANNUAL_REPORT_EXPORT_STEP_DELAY_MS') || 0),
  }),
  validator(config: Settings) {
    if (typeof config.exportStepDelayMs !== 'number') throw new Error('exportStepDelayMs must be a number');
  },
};

export const settingsOf = settingsGetter<Settings>(PLUGIN_ID);
