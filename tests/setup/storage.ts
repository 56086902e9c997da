/**
 * What a request may have stored: rows of the public intake, private files and temporary uploads. Hostile tests take a count before
 * and after a refused request and expect no change.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { uploadTempDir } from '../../src/infra/private-files';
import { privateStore } from '../../src/infra/storage';
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
  /** Attachments: the private store's top-level objects (exports live under a folder of their own). */
  privateFiles: number;
  /** Files left in the multipart temp folder. */
  tempFiles: number;
}

export async function storageCounts(strapi: Core.Strapi): Promise<StorageCounts> {
  const count = async (uid: string) => Number(await strapi.db.query(uid as never).count({}));
  let privateFiles = 0;
  for await (const _ of privateStore(ROOT).list('')) privateFiles += 1;
  return {
    feedbacks: await count('api::feedback.feedback'),
    feedbackAttachments: await count('api::feedback.feedback-attachment'),
    surveyResponses: await count('api::survey-response.survey-response'),
    privateFiles,
    tempFiles: filesUnder(uploadTempDir(ROOT)),
  };
}
