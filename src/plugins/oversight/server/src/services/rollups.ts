/**
 * The dashboard's rollups (../rollups.ts on src/infra/rollups.ts): the rebuild (operators:
 * `npm run rollups:rebuild`) and the drift check, run daily on one node.
 */
import type { Core } from '@strapi/strapi';
import type { Drift } from '#domain/rollups';
import { localDate } from '#domain/working-days';
import { runExclusively, scheduleDailyJob } from '#infra/job-lock';
import { organizationSettings } from '#infra/organization-settings';
import { checkDrift, rebuild, type RebuildProgress } from '#infra/rollups';

export const DRIFT_JOB = 'rollups-drift';
export const CRON_JOB = 'rollupsDriftCheck';
/** Every night at 03:30, Vietnam time, after the retention job. */
const DEFAULT_RULE = '30 3 * * *';
/** The drifted counters a log line names; the job's result holds them all. */
const LOGGED = 20;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    rebuild: (options: { onProgress?: (progress: RebuildProgress) => void } = {}) => rebuild(strapi, options),

    /** Every counter that differed from its rows, now repaired; logged as a warning when any did. */
    async checkDrift(): Promise<Drift[]> {
      const drifted = await checkDrift(strapi);
      if (drifted.length > 0) {
        const named = drifted
          .slice(0, LOGGED)
          .map(
            (d) =>
              `${d.source} unit ${d.unitId} ${d.month} [${d.dims}] ${d.counter}: ${d.stored} → ${d.actual}`
          );
        strapi.log.warn(
          `rollups: ${drifted.length} counters drifted from their rows, repaired: ${named.join('; ')}`
        );
      }
      return drifted;
    },

    /** The day's drift check, on the one node that claims the (local) day; its result names what drifted. */
    async runDaily(now = new Date()) {
      const { timeZone } = await organizationSettings(strapi);
      return runExclusively(strapi, DRIFT_JOB, localDate(now, timeZone), async () => {
        const drifted = await service.checkDrift();
        return { drifted: drifted.length, counters: drifted };
      });
    },

    /** The daily drift check (OVERSIGHT_ROLLUPS_CHECK_CRON, 'off' to disable). */
    schedule() {
      scheduleDailyJob(strapi, {
        name: CRON_JOB,
        label: 'The rollups drift check',
        rule: process.env.OVERSIGHT_ROLLUPS_CHECK_CRON || DEFAULT_RULE,
        run: () => service.runDaily(),
      });
    },
  };
  return service;
};
