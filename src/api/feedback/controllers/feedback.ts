import fs from 'fs/promises';
import { factories } from '@strapi/strapi';
import { ATTACHMENT_TYPES } from '#domain/attachments';
import { answeredView, parseAnsweredParams, statusView } from '#domain/feedback-public';
import { FEEDBACK_KINDS } from '#domain/feedback-intake';
import { issueFormToken } from '#domain/form-token';
import { validationError, withConflicts } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { feedbackConfig, readPublicForm, sendError } from '#utils/public-intake';
import { feedbacks } from '../services/feedback';
import { feedbackIntake } from '../services/intake';

const UID = 'api::feedback.feedback';

export default factories.createCoreController(UID, ({ strapi }) => ({
  /** GET /api/feedbacks/form: what the website's form needs, with a fresh single-use token. */
  async form(ctx) {
    const config = feedbackConfig(strapi);
    ctx.set('Cache-Control', 'no-store');
    return {
      data: {
        formToken: issueFormToken(config.formTokenSecret, 'feedback'),
        kinds: FEEDBACK_KINDS,
        notice: await feedbacks(strapi).privacyNotice(),
        limits: {
          ...config.limits,
          maxFiles: config.maxFiles,
          maxFileBytes: config.maxFileMb * 1024 * 1024,
          acceptedTypes: Object.values(ATTACHMENT_TYPES),
          minFillSeconds: config.minFillSeconds,
          formTokenTtlSeconds: config.formTokenTtlSeconds,
        },
      },
    };
  },

  /** POST /api/feedbacks: JSON, or multipart with a `data` field and `files` (services/intake.ts). */
  async submit(ctx) {
    const language = requestLanguage(ctx);
    const form = readPublicForm(ctx, language);
    try {
      if (!form.ok) throw validationError(form.errors);
      const { data, files } = form;
      return await withConflicts(ctx, async () => {
        const key = ctx.request.get('idempotency-key');
        const outcome = await feedbackIntake(strapi).submit({ data, files, key, language });
        ctx.set('Cache-Control', 'no-store');
        if (outcome.kind === 'mismatch') {
          return sendError(
            ctx,
            422,
            'UnprocessableEntityError',
            'This Idempotency-Key was used with a different request.'
          );
        }
        if (outcome.kind === 'replay') {
          ctx.status = outcome.status;
          ctx.set('Idempotent-Replayed', 'true');
          return outcome.body;
        }
        ctx.status = 201;
        return { data: outcome.receipt };
      });
    } finally {
      await Promise.all(form.files.map((f) => fs.rm(f.filepath, { force: true })));
    }
  },

  /** GET /api/feedbacks/status/:trackingCode: the same 404 for an unknown or malformed code. */
  async status(ctx) {
    ctx.set('Cache-Control', 'no-store');
    const found = await feedbacks(strapi).byTrackingCode(String(ctx.params.trackingCode ?? ''));
    if (!found) return ctx.notFound();
    return { data: statusView(found) };
  },

  /** GET /api/feedbacks/answered: published answers, without any personal data. */
  async answered(ctx) {
    const parsed = parseAnsweredParams(ctx.query, requestLanguage(ctx));
    if (!parsed.ok) throw validationError(parsed.errors);
    const { rows, total } = await feedbacks(strapi).answered(parsed.value);
    const { page, pageSize } = parsed.value;
    return {
      data: rows.map(answeredView),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
  },
}));
