import { settingsGetter, type ConfigEnv } from '#utils/plugin-lookups';
import { PLUGIN_ID } from '../permissions';

/** The plugin's settings, from the environment; config/plugins.ts may override them under `config`. */
export interface Settings {
  /** The largest file accepted, in bytes (PROCEDURE_IMPORT_MAX_MB, default 20). */
  maxBytes: number;
  /** Data rows of one list (PROCEDURE_IMPORT_MAX_ROWS, default 50,000). */
  maxRows: number;
}

const positive = (value: string | undefined, fallback: number) =>
  Number(value) > 0 ? Number(value) : fallback;

export default {
  default: ({ env }: { env: ConfigEnv }): Settings => ({
    maxBytes: positive(env('PROCEDURE_IMPORT_MAX_MB'), 20) * 1024 * 1024,
    maxRows: positive(env('PROCEDURE_IMPORT_MAX_ROWS'), 50_000),
  }),
  validator(config: Settings) {
    if (!(config.maxBytes > 0) || !(config.maxRows > 0))
      throw new Error('maxBytes and maxRows must be positive');
  },
};

export const settingsOf = settingsGetter<Settings>(PLUGIN_ID);
