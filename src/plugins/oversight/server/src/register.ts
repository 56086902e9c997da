import type { Core } from '@strapi/strapi';
import { registerRollupSources } from '#infra/rollups';
import { rollupSources } from './rollups';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The dashboard's counters (started with every plugin's at bootstrap).
  registerRollupSources(strapi, () => rollupSources(strapi));
};
