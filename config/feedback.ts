import { createHmac } from 'crypto';
import type { Core } from '@strapi/strapi';
import { secrets } from './support/secrets';

/** Public feedback and survey intake (strapi.config.get('feedback')). Rate limits: see .env.example. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Signs the forms' single-use tokens; derived from the app keys unless set.
  formTokenSecret:
    env('FORM_TOKEN_SECRET', '') ||
    createHmac('sha256', secrets().APP_KEYS.split(',')[0]).update('form-token').digest('base64'),
  minFillSeconds: env.int('FEEDBACK_MIN_FILL_SECONDS', 3),
  formTokenTtlSeconds: env.int('FEEDBACK_FORM_TOKEN_TTL_SECONDS', 2 * 60 * 60),
  maxFiles: env.int('FEEDBACK_MAX_FILES', 5),
  maxFileMb: env.int('FEEDBACK_MAX_FILE_MB', 10),
  maxUnpackedMb: env.int('FEEDBACK_MAX_UNPACKED_MB', 50),
  limits: {
    fullName: env.int('FEEDBACK_MAX_NAME', 120),
    address: env.int('FEEDBACK_MAX_ADDRESS', 500),
    phone: 20,
    email: 254,
    subject: env.int('FEEDBACK_MAX_SUBJECT', 255),
    content: env.int('FEEDBACK_MAX_CONTENT', 10000),
  },
  surveyCommentMax: env.int('SURVEY_MAX_COMMENT', 2000),
});
