import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/**
 * A node that stops marks its unfinished exports failed (they are started again by a new export), so that no other
 * node shows them running until their heartbeat goes stale.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Commands that only register (ts:generate-types) destroy an app that has no database.
  if (!strapi.isLoaded) return;
  const interrupted = await getService(strapi, 'exports').interrupt();
  if (interrupted) strapi.log.info(`annual-report: ${interrupted} export(s) interrupted by the shutdown`);
};
