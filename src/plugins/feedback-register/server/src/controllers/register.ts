import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { FEEDBACK_KINDS, validateProcedureRef } from '#domain/feedback-intake';
import { unitChoices } from '#infra/unit-choices';
import { feedbackConfig } from '#utils/public-intake';
import { requestLanguage } from '#utils/http';
import { bodyOf, dataOr404, noParameters, queryOf, recordWrite, valid } from '#utils/requests';
import {
  parseRegisterFilters,
  FEEDBACK_CHANNELS,
  validateAnswerBody,
  validateRegistration,
  validateTransitionBody,
} from '../domain/register-input';
import { FEEDBACK_STATES } from '../domain/workflow';
import type { Access } from '../services/feedback-records';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'register');
  const transitions = () => getService(strapi, 'transitions');
  const access = (ctx: Context): Promise<Access> => service().accessOf(ctx.state.user, ctx.state.userAbility);
  const detail = async (ctx: Context, documentId: string) => ({
    data: await service().findOne(await access(ctx), documentId),
  });

  return {
    /** GET /options: what the register's filters and forms offer this user. */
    async options(ctx: Context) {
      const who = await access(ctx);
      const units = await unitChoices(strapi, who);
      return {
        data: {
          access: { canHandle: who.canHandle, canAnswer: who.canAnswer, readAll: who.readAll },
          units,
          kinds: FEEDBACK_KINDS,
          states: FEEDBACK_STATES,
          channels: FEEDBACK_CHANNELS,
        },
      };
    },

    /** GET /feedbacks?state=&kind=&unit=&procedure=&receivedFrom=&receivedTo=&overdue=&q=&sort=&page=&pageSize= */
    async find(ctx: Context) {
      const filters = valid(parseRegisterFilters(queryOf(ctx), requestLanguage(ctx)));
      return service().list(await access(ctx), filters);
    },

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      noParameters(ctx);
      return { data: { items: await service().waiting(await access(ctx)) } };
    },

    /** GET /feedbacks/export.csv: the filtered register, streamed, without personal data. */
    async exportCsv(ctx: Context) {
      const { page: _p, pageSize: _s, ...query } = queryOf(ctx);
      const filters = valid(parseRegisterFilters(query, requestLanguage(ctx)));
      const day = new Date().toISOString().slice(0, 10);
      ctx.set('Content-Disposition', `attachment; filename="so-tiep-nhan-pakn-${day}.csv"`);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = Readable.from(getService(strapi, 'csvExport').exportCsv(await access(ctx), filters));
    },

    async findOne(ctx: Context) {
      return dataOr404(ctx, await service().findOne(await access(ctx), ctx.params.documentId));
    },

    async history(ctx: Context) {
      return dataOr404(ctx, await service().historyOf(await access(ctx), ctx.params.documentId));
    },

    async publicationPreview(ctx: Context) {
      return dataOr404(ctx, await service().publicationPreview(await access(ctx), ctx.params.documentId));
    },

    /** POST /feedbacks { data }: a feedback the Office received by phone, on paper or by e-mail. */
    async register(ctx: Context) {
      const language = requestLanguage(ctx);
      const raw = (bodyOf(ctx) as { data?: unknown } | undefined)?.data;
      const registration = valid(
        validateRegistration(raw, { limits: feedbackConfig(strapi).limits, language, now: new Date() })
      );
      const ref = validateProcedureRef(registration.feedback.procedure, ['procedure'], language);
      const created = await getService(strapi, 'registration').register(
        await access(ctx),
        registration,
        ref.ok ? ref.value : null,
        language
      );
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      return { data: created };
    },

    /** PUT /feedbacks/:documentId/answer { answer, version }: the unit's draft, saved. */
    saveAnswer: recordWrite({
      check: validateAnswerBody,
      write: async (ctx, ...request) => transitions().saveAnswer(await access(ctx), ...request),
      reply: detail,
    }),

    /** POST /feedbacks/:documentId/transitions { to, version, ... } */
    transition: recordWrite({
      check: validateTransitionBody,
      write: async (ctx, ...request) => transitions().transition(await access(ctx), ...request),
      reply: detail,
    }),
  };
};
