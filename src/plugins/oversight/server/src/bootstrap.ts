import type { Core } from '@strapi/strapi';
import { startRollups } from '#infra/rollups';
import { registerActions } from '#utils/admin-actions';
import actions from './config/actions';
import { PLUGIN_ID } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, { pluginId: PLUGIN_ID, actions });
  // The daily digest of what each unit has due soon or overdue: on weekday mornings, on one node.
  getService(strapi, 'digest').schedule();
  // The dashboard's and the annual report's counters (every plugin's registered sources): kept with every write from
  // here on (the demo seed included), rebuilt when needed.
  await startRollups(strapi);
  getService(strapi, 'rollups').schedule();
};
