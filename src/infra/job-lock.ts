/**
 * Scheduled jobs that must run once across all nodes: every node's cron fires, and the first to insert the row
 * (job, run key) — e.g. ('feedback-retention', '2026-07-15') — runs the work; the unique index turns the others
 * away. A run left 'running' longer than STALE_MS (its node died) or 'failed' may be claimed again, by a
 * conditional UPDATE that only one node can win. Works the same on SQLite and PostgreSQL.
 */
import { randomBytes } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from './db-errors';
import { JOB_RUNS_TABLE } from './models';

export type JobRunStatus = 'running' | 'done' | 'failed';
export type JobOutcome<T> = { ran: true; result: T } | { ran: false };

/** A run still 'running' after this long is taken for dead. */
export const STALE_MS = 60 * 60 * 1000;

const node = () => os.hostname().slice(0, 200);

const serialise = (value: unknown) => {
  try {
    return JSON.stringify(value ?? null)?.slice(0, 100_000) ?? 'null';
  } catch {
    return JSON.stringify(String(value));
  }
};

/** Claims the run: a new row, or a dead or failed one taken over. False when another node has it. */
async function claim(strapi: Core.Strapi, job: string, runKey: string, token: string): Promise<boolean> {
  const knex = strapi.db.connection;
  const startedAt = new Date();
  const owner = {
    status: 'running',
    claim_token: token,
    node: node(),
    pid: process.pid,
    started_at: startedAt,
  };
  try {
    await knex(JOB_RUNS_TABLE).insert({ job, run_key: runKey, attempts: 1, ...owner });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Both conditions are re-checked by the UPDATE itself, so of two nodes taking over the same run one wins.
  const staleBefore = new Date(startedAt.getTime() - STALE_MS);
  const taken = await knex(JOB_RUNS_TABLE)
    .where({ job, run_key: runKey })
    .where((q) =>
      q
        .where('status', 'failed')
        .orWhere((stale) => stale.where('status', 'running').where('started_at', '<', staleBefore))
    )
    .update({ ...owner, finished_at: null, result: null, attempts: knex.raw('attempts + 1') });
  return Number(taken) === 1;
}

/** Records the end of a run this node still owns (a run taken over by another node is left to that node). */
async function finish(
  strapi: Core.Strapi,
  job: string,
  runKey: string,
  token: string,
  status: JobRunStatus,
  result: unknown
) {
  await strapi.db
    .connection(JOB_RUNS_TABLE)
    .where({ job, run_key: runKey, claim_token: token })
    .update({ status, finished_at: new Date(), result: serialise(result) });
}

/**
 * Runs `work` unless another node has claimed (or completed) this job's run `runKey`: `{ ran: true, result }` on
 * the node that ran it, `{ ran: false }` on the others. A failure marks the run 'failed' and is rethrown.
 */
export async function runExclusively<T>(
  strapi: Core.Strapi,
  job: string,
  runKey: string,
  work: () => Promise<T>
): Promise<JobOutcome<T>> {
  const token = randomBytes(16).toString('hex');
  if (!(await claim(strapi, job, runKey, token))) return { ran: false };
  let result: T;
  const running = work();
  held.set(token, { job, runKey, running });
  try {
    result = await running;
  } catch (error) {
    await finish(strapi, job, runKey, token, 'failed', {
      error: (error as Error)?.message ?? String(error),
    }).catch((e) =>
      strapi.log.error(`job ${job} ${runKey}: could not record the failure: ${(e as Error).message}`)
    );
    throw error;
  } finally {
    held.delete(token);
  }
  await finish(strapi, job, runKey, token, 'done', result);
  return { ran: true, result };
}

/** The runs this process has claimed and is running, by claim token. */
const held = new Map<string, { job: string; runKey: string; running: Promise<unknown> }>();

/**
 * At shutdown: lets the runs under way finish until `deadline`, then marks those still running 'failed', so that
 * another node may claim them at once instead of waiting STALE_MS.
 */
export async function releaseClaims(strapi: Core.Strapi, deadline: number) {
  const timeLeft = new Promise((resolve) => setTimeout(resolve, Math.max(deadline - Date.now(), 0)).unref());
  await Promise.race([Promise.allSettled([...held.values()].map((run) => run.running)), timeLeft]);
  for (const [token, { job, runKey }] of held) {
    await finish(strapi, job, runKey, token, 'failed', { error: 'the node shut down during the run' }).catch(
      () => undefined
    );
  }
}

/** The time zone of the daily jobs' cron rules (the organization is in Vietnam). */
const CRON_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface DailyJob {
  /** Its name in strapi.cron (registering the same name again replaces it). */
  name: string;
  /** What the log calls it when a run fails. */
  label: string;
  /** A cron rule in Vietnam time, or 'off': nothing is registered. */
  rule: string;
  /**
   * The day's work. Every node's cron fires, so `run` claims its day with runExclusively (the job_runs row) and
   * only the node that wins the claim does the work.
   */
  run: () => Promise<unknown>;
}

/** Registers a job that runs daily on one node; a failed run is logged, never thrown into the scheduler. */
export function scheduleDailyJob(strapi: Core.Strapi, { name, label, rule, run }: DailyJob): void {
  strapi.cron.remove(name);
  if (rule === 'off') return;
  strapi.cron.add({
    [name]: {
      task: async () => {
        try {
          await run();
        } catch (error) {
          strapi.log.error(`${label} failed: ${(error as Error).message}`);
        }
      },
      options: { rule, tz: CRON_TIME_ZONE },
    },
  });
}
