import { settingsGetter, type ConfigEnv } from '#utils/plugin-lookups';
import { reminderDays } from '../domain/reminders';
import { PLUGIN_ID } from '../permissions';

/**
 * The plugin's settings, from the environment; config/plugins.ts may override them under `config`.
 * OVERSIGHT_REMINDER_CRON is read when the digest is scheduled (services/reminders.ts#schedule), not here.
 */
export interface Settings {
  /** How many working days ahead the daily digest looks (OVERSIGHT_REMINDER_DAYS, default 3, 0..60). */
  reminderDays: number;
}

export default {
  default: ({ env }: { env: ConfigEnv }): Settings => ({
    reminderDays: reminderDays(env('OVERSIGHT_REMINDER_DAYS')),
  }),
  validator(config: Settings) {
    if (!Number.isInteger(config.reminderDays)) throw new Error('reminderDays must be a whole number');
  },
};

export const settingsOf = settingsGetter<Settings>(PLUGIN_ID);
