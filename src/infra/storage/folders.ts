import path from 'path';

/**
 * The private folder on disk (PRIVATE_UPLOAD_DIR, default .tmp/private-uploads, relative to the project): outside
 * `public/`, never served by the static file middleware. The disk store's root.
 */
export function privateUploadDir(appRoot: string): string {
  return path.resolve(appRoot, process.env.PRIVATE_UPLOAD_DIR || path.join('.tmp', 'private-uploads'));
}

/**
 * Where multipart uploads are streamed while a request is parsed, and where export files are written before they
 * go to the store (UPLOAD_TMP_DIR, default .tmp/upload-tmp): one folder of the node's own, so that what a crash
 * leaves there can be found and swept. Always local, whatever the store.
 */
export function uploadTempDir(appRoot: string): string {
  return path.resolve(appRoot, process.env.UPLOAD_TMP_DIR || path.join('.tmp', 'upload-tmp'));
}
