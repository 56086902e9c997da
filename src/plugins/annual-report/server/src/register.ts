import type { Core } from '@strapi/strapi';
import { registerPrivateFileOwner } from '#infra/private-files';
import { registerRollupSources } from '#infra/rollups';
import { EXPORTS_FOLDER } from './domain/export-files';
import { UIDS } from './permissions';
import { reportRollupSources } from './rollups';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Only a finished job keeps its file: the orphan sweep removes what a failed or dead job left in the store.
  registerPrivateFileOwner({
    uid: UIDS.exportJob,
    attribute: 'storedName',
    folder: EXPORTS_FOLDER,
    where: { state: 'done' },
  });
  // The report's feedback counters per local month (figures sum the whole months and read the edge days' rows).
  registerRollupSources(strapi, () => reportRollupSources(strapi));
};
