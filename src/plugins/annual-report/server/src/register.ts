import { registerPrivateFileOwner } from '#infra/private-files';
import { EXPORTS_FOLDER } from './domain/export-files';
import { UIDS } from './permissions';

export default () => {
  // Only a finished job keeps its file: the orphan sweep removes what a failed or dead job left in the store.
  registerPrivateFileOwner({
    uid: UIDS.exportJob,
    attribute: 'storedName',
    folder: EXPORTS_FOLDER,
    where: { state: 'done' },
  });
};
