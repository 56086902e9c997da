import type { Core } from '@strapi/strapi';
import { scheduleDailyJob } from '../job-lock';

interface Entry {
  task: () => Promise<void>;
  options: unknown;
}

/** The parts of Strapi that scheduleDailyJob uses: its cron (by name) and its log. */
function fakeStrapi() {
  const jobs = new Map<string, Entry>();
  const errors: string[] = [];
  const strapi = {
    cron: {
      add: (tasks: Record<string, Entry>) => {
        for (const [name, entry] of Object.entries(tasks)) jobs.set(name, entry);
      },
      remove: (name: string) => jobs.delete(name),
    },
    log: { error: (message: string) => errors.push(message) },
  } as unknown as Core.Strapi;
  return { strapi, jobs, errors };
}

describe('scheduleDailyJob', () => {
  it('registers the job once, in Vietnam time, however often it is called', () => {
    const { strapi, jobs } = fakeStrapi();
    const job = { name: 'nightly', label: 'nightly job', rule: '30 2 * * *', run: async () => undefined };
    scheduleDailyJob(strapi, job);
    scheduleDailyJob(strapi, job);
    expect([...jobs.keys()]).toEqual(['nightly']);
    expect(jobs.get('nightly')!.options).toEqual({ rule: '30 2 * * *', tz: 'Asia/Ho_Chi_Minh' });
  });

  it("registers nothing for the rule 'off', and removes an earlier registration", () => {
    const { strapi, jobs } = fakeStrapi();
    scheduleDailyJob(strapi, {
      name: 'nightly',
      label: 'nightly job',
      rule: '0 7 * * 1-5',
      run: async () => 1,
    });
    scheduleDailyJob(strapi, { name: 'nightly', label: 'nightly job', rule: 'off', run: async () => 1 });
    expect(jobs.size).toBe(0);
  });

  it('runs the work when the cron fires, and logs a failure instead of throwing it', async () => {
    const { strapi, jobs, errors } = fakeStrapi();
    const runs: string[] = [];
    let fail = false;
    scheduleDailyJob(strapi, {
      name: 'nightly',
      label: 'nightly job',
      rule: '30 2 * * *',
      run: async () => {
        if (fail) throw new Error('the database is gone');
        runs.push('ran');
      },
    });
    await jobs.get('nightly')!.task();
    fail = true;
    await expect(jobs.get('nightly')!.task()).resolves.toBeUndefined();
    expect(runs).toEqual(['ran']);
    expect(errors).toEqual(['nightly job failed: the database is gone']);
  });
});
