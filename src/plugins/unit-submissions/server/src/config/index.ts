import { settingsGetter, type ConfigEnv } from '#utils/plugin-lookups';
import { submissionAttachmentLimits, type SubmissionAttachmentLimits } from '../domain/attachment-rules';
import { PLUGIN_ID } from '../permissions';

/** The plugin's settings, from the environment; config/plugins.ts may override them under `config`. */
export interface Settings {
  /** Working days the IT Center has to review a sent submission (SUBMISSION_REVIEW_DAYS, default 3). */
  reviewDays: number;
  /** UNIT_SUBMISSION_MAX_FILES (default 10) and UNIT_SUBMISSION_MAX_FILE_MB (default 20). */
  attachments: SubmissionAttachmentLimits;
  /** A published article's public address: ARTICLE_URL_TEMPLATE ({slug}, {documentId}), else under PUBLIC_URL. */
  articleUrlTemplate: string;
}

export default {
  default: ({ env }: { env: ConfigEnv }): Settings => ({
    reviewDays: Number(env('SUBMISSION_REVIEW_DAYS') ?? 3),
    attachments: submissionAttachmentLimits({
      UNIT_SUBMISSION_MAX_FILES: env('UNIT_SUBMISSION_MAX_FILES'),
      UNIT_SUBMISSION_MAX_FILE_MB: env('UNIT_SUBMISSION_MAX_FILE_MB'),
    }),
    articleUrlTemplate: env('ARTICLE_URL_TEMPLATE') || `${env('PUBLIC_URL') ?? ''}/api/articles/{documentId}`,
  }),
  validator(config: Settings) {
    if (typeof config.reviewDays !== 'number') throw new Error('reviewDays must be a number');
    if (
      !Number.isInteger(config.attachments?.maxFiles) ||
      !Number.isInteger(config.attachments?.maxFileBytes)
    )
      throw new Error('attachments needs whole maxFiles and maxFileBytes');
    if (typeof config.articleUrlTemplate !== 'string') throw new Error('articleUrlTemplate must be a string');
  },
};

export const settingsOf = settingsGetter<Settings>(PLUGIN_ID);
