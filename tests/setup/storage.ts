/**
 * What a request may have stored: rows of the public intake and files on disk. Hostile tests take a count before
 * and after a refused request and expect no change.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { privateUploadDir, uploadTempDir } from '../../src/infra/private-files';
import { ROOT } from './env';

/** Files (not folders) directly or anywhere under a folder; 0 when it does not exist. */
function filesUnder(dir: string): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  return entries.reduce(
    (sum, entry) => sum + (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : 1),
    0
  );
}

export interface StorageCounts {
  feedbacks: number;
  feedbackAttachments: number;
  surveyResponses: number;
  /** Files at the top of the private upload folder (attachments; exports live in sub-folders). */
  privateFiles: number;
  /** Files left in the multipart temp folder. */
  tempFiles: number;
}

export async function storageCounts(strapi: Core.Strapi): Promise<StorageCounts> {
  const count = async (uid: string) => Number(await strapi.db.query(uid as never).count({}));
  const privateDir = privateUploadDir(ROOT);
  let privateFiles = 0;
  try {
    privateFiles = fs
      .readdirSync(privateDir, { withFileTypes: true })
      .filter((entry) => entry.isFile()).length;
  } catch {
    privateFiles = 0;
  }
  return {
    feedbacks: await count('api::feedback.feedback'),
    feedbackAttachments: await count('api::feedback.feedback-attachment'),
    surveyResponses: await count('api::survey-response.survey-response'),
    privateFiles,
    tempFiles: filesUnder(uploadTempDir(ROOT)),
  };
}
