import fs from 'fs/promises';
import { factories } from '@strapi/strapi';
import { fieldError, type FieldError } from '#domain/errors';
import { issueFormToken } from '#domain/form-token';
import { SURVEY_CRITERIA, validateSurvey } from '#domain/survey-intake';
import { parseSummaryParams, type SummaryParams } from '#domain/survey-summary';
import { spendFormToken, TokenAlreadyUsedError } from '#infra/form-tokens';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { checkPublicForm, feedbackConfig, readPublicForm, tokenAlreadyUsed } from '#utils/public-intake';
import { procedures } from '#api/procedure/services/procedure';

const UID = 'api::survey-response.survey-response';

type SummaryService = { summary(params: SummaryParams): Promise<unknown> };

export default factories.createCoreController(UID, ({ strapi }) => ({
  /** GET /api/survey-responses/form: a single-use token and the criteria to rate. */
  async form(ctx) {
    ctx.set('Cache-Control', 'no-store');
    return {
      data: {
        formToken: issueFormToken(feedbackConfig(strapi).formTokenSecret, 'survey'),
        criteria: SURVEY_CRITERIA,
        scale: { min: 1, max: 5 },
        limits: {
          comment: feedbackConfig(strapi).surveyCommentMax,
          minFillSeconds: feedbackConfig(strapi).minFillSeconds,
          formTokenTtlSeconds: feedbackConfig(strapi).formTokenTtlSeconds,
        },
      },
    };
  },

  /** POST /api/survey-responses: anonymous; nothing identifies the person who rates. */
  async submit(ctx) {
    const language = requestLanguage(ctx);
    const config = feedbackConfig(strapi);
    const form = readPublicForm(ctx, language);
    try {
      if (!form.ok) throw validationError(form.errors);
      const { data } = form;
      const errors: FieldError[] = [];
      if (form.files.length) {
        errors.push(
          fieldError(['files'], 'Phiếu đánh giá không kèm tệp.', 'A survey takes no files.', language)
        );
      }
      const checked = validateSurvey(data, { commentMax: config.surveyCommentMax, language });
      const checks = { purpose: 'survey', config, language, procedures: procedures(strapi) };
      const survey = await checkPublicForm(data, checked, checks);
      errors.push(...survey.errors);
      const { value, nonce, procedureId } = survey;
      if (errors.length || !value || !nonce) throw validationError(errors);

      const submittedAt = new Date();
      await strapi.db.transaction(async ({ trx }) => {
        try {
          await spendFormToken(strapi, nonce, submittedAt, trx);
        } catch (error) {
          if (error instanceof TokenAlreadyUsedError) throw validationError([tokenAlreadyUsed(language)]);
          throw error;
        }
        await strapi.documents(UID).create({
          data: {
            ...value.ratings,
            comment: value.comment,
            channel: value.channel,
            procedure: procedureId,
            submittedAt,
          } as never,
        });
      });
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      return { data: { submittedAt: submittedAt.toISOString() } };
    } finally {
      await Promise.all(form.files.map((f) => fs.rm(f.filepath, { force: true })));
    }
  },

  /** GET /api/survey-responses/summary: published aggregate figures. */
  async summary(ctx) {
    const parsed = parseSummaryParams(ctx.query, requestLanguage(ctx));
    if (!parsed.ok) throw validationError(parsed.errors);
    const summary = await (strapi.service(UID) as unknown as SummaryService).summary(parsed.value);
    return { data: summary, meta: { filters: parsed.value } };
  },
}));
