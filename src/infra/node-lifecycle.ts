/**
 * One node among several behind a load balancer: it starts without racing the others on the schema, tells the
 * balancer when it can serve (`/_ready`), and stops without dropping the requests it has accepted.
 *
 * - Start: on PostgreSQL, Strapi's schema sync, the repairs and this app's bootstrap (roles, locales, migrations,
 *   seed) run under one advisory lock, so that nodes started together do them one after another: the first creates
 *   the schema, the others find it done.
 * - `/_ready`: the database, Redis and the storage answer within 2 s (Strapi's own `/_health` is the liveness).
 * - Stop (SIGTERM, `strapi.destroy()`): `/_ready` answers 503 `draining`, the server stops accepting, the requests
 *   in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS, default 25), then the job claims still held are released and
 *   Strapi's own shutdown follows.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Context } from 'koa';
import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

/** The schema's marker table: absent on an empty database. */
const CORE_STORE_TABLE = 'strapi_core_store_settings';
const STARTUP_LOCK = 'tthc:startup';
const CHECK_TIMEOUT_MS = 2000;

export type CheckResult = 'ok' | 'off';
/** A dependency the node needs to serve: resolves 'ok' (or 'off' when not configured), rejects when unreachable. */
export type ReadinessChecks = Record<string, () => Promise<CheckResult>>;

/**
 * On PostgreSQL, waits for the startup lock on a connection of its own and returns the function that releases it
 * (once; later calls do nothing); on SQLite (one machine), a no-op. Taken just before Strapi's schema sync: the
 * other `beforeSync` handlers (Strapi's own clean-ups, run in parallel with this one) stay outside it.
 */
export async function holdStartupLock(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const database = strapi.config.get('database.connection') as {
    client: string;
    connection: ClientConfig & { schema?: string };
  };
  if (database.client !== 'postgres') return async () => undefined;
  const client = new Client(database.connection);
  await client.connect();
  const waitedFrom = Date.now();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [STARTUP_LOCK]);
  const { rows } = await client.query('SELECT to_regclass($1) AS found', [
    `"${database.connection.schema ?? 'public'}".${CORE_STORE_TABLE}`,
  ]);
  const waited = Date.now() - waitedFrom;
  strapi.log.info(
    rows[0].found
      ? `startup lock held after ${waited} ms: the schema is there, syncing it`
      : `startup lock held after ${waited} ms: schema created on an empty database`
  );
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    // Ending the session releases the lock too; unlocking first says so at once.
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [STARTUP_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}

const withTimeout = <T>(promise: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** The node's life: readiness, requests in flight, the drain. One per process. */
export function nodeLifecycle(strapi: Core.Strapi, checks: ReadinessChecks) {
  let draining = false;
  let inFlight = 0;
  const server = strapi.server.httpServer;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
  });

  strapi.server.router.get('/_ready', async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    if (draining) {
      ctx.status = 503;
      ctx.body = { status: 'draining' };
      return;
    }
    const names = Object.keys(checks);
    const results = await Promise.all(
      names.map((name) => withTimeout(checks[name]()).catch(() => 'fail' as const))
    );
    const ready = !results.includes('fail');
    ctx.status = ready ? 200 : 503;
    ctx.body = {
      status: ready ? 'ready' : 'unready',
      checks: Object.fromEntries(names.map((name, i) => [name, results[i]])),
    };
  });

  /** Stops accepting and waits for the requests in flight, up to the deadline; `release` runs after them. */
  const drain = async (release: (deadline: number) => Promise<void>) => {
    draining = true;
    const deadline = Date.now() + Math.max(Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 25), 0) * 1000;
    if (server.listening) {
      // Refuses new connections and closes the idle keep-alive ones; busy ones close after their response.
      server.close();
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (inFlight > 0) strapi.log.warn(`shutdown: ${inFlight} requests still in flight at the deadline`);
    }
    await release(deadline);
  };

  return {
    /**
     * Makes `strapi.destroy()` (which Strapi calls on SIGTERM and SIGINT) drain first: Strapi's own shutdown
     * destroys every open connection at once, requests in flight included.
     */
    drainBeforeDestroy(release: (deadline: number) => Promise<void>) {
      const destroy = strapi.destroy.bind(strapi);
      strapi.destroy = async () => {
        await drain(release).catch((error) =>
          strapi.log.error(`shutdown: drain failed: ${(error as Error).message}`)
        );
        return destroy();
      };
    },
  };
}
