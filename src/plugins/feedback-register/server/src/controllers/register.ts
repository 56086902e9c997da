import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateProcedureRef } from '#domain/feedback-intake';
import { QueryReader } from '#domain/query-params';
import { FEEDBACK_KINDS } from '#domain/feedback-intake';
import { feedbackConfig } from '#utils/public-intake';
import { requestLanguage } from '#utils/http';
import { validationError, withConflicts } from '#utils/errors';
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

const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'register');
  const access = (ctx: Context): Promise<Access> => service().accessOf(ctx.state.user, ctx.state.userAbility);
  const detail = async (ctx: Context, documentId: string) => ({
    data: await service().findOne(await access(ctx), documentId),
  });

  return {
    /** GET /options: what the register's filters and forms offer this user. */
    async options(ctx: Context) {
      const who = await access(ctx);
      const units = await strapi.db.query('api::unit.unit').findMany({
        where: who.readAll ? { active: true } : { id: { $in: who.unitIds } },
        select: ['id', 'documentId', 'code', 'name'],
        orderBy: { sortOrder: 'asc' },
      });
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
      const parsed = parseRegisterFilters(ctx.query as Record<string, unknown>, requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      return service().list(await access(ctx), parsed.value);
    },

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      const parsed = new QueryReader(ctx.query as Record<string, unknown>, [], requestLanguage(ctx)).result(
        {}
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      return { data: { items: await service().waiting(await access(ctx)) } };
    },

    /** GET /feedbacks/export.csv: the filtered register, streamed, without personal data. */
    async exportCsv(ctx: Context) {
      const { page: _p, pageSize: _s, ...query } = ctx.query as Record<string, unknown>;
      const parsed = parseRegisterFilters(query, requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      const day = new Date().toISOString().slice(0, 10);
      ctx.set('Content-Disposition', `attachment; filename="so-tiep-nhan-pakn-${day}.csv"`);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = Readable.from(getService(strapi, 'csvExport').exportCsv(await access(ctx), parsed.value));
    },

    async findOne(ctx: Context) {
      const found = await service().findOne(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: found };
    },

    async history(ctx: Context) {
      const found = await service().historyOf(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: found };
    },

    async publicationPreview(ctx: Context) {
      const found = await service().publicationPreview(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: found };
    },

    /** POST /feedbacks { data }: a feedback the Office received by phone, on paper or by e-mail. */
    async register(ctx: Context) {
      const language = requestLanguage(ctx);
      const raw = (bodyOf(ctx) as { data?: unknown } | undefined)?.data;
      const checked = validateRegistration(raw, {
        limits: feedbackConfig(strapi).limits,
        language,
        now: new Date(),
      });
      if (!checked.ok) throw validationError(checked.errors);
      const ref = validateProcedureRef(checked.value.feedback.procedure, ['procedure'], language);
      const created = await getService(strapi, 'registration').register(
        await access(ctx),
        checked.value,
        ref.ok ? ref.value : null,
        language
      );
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      return { data: created };
    },

    /** PUT /feedbacks/:documentId/answer { answer, version }: the unit's draft, saved. */
    async saveAnswer(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateAnswerBody(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return withConflicts(ctx, async () => {
        const done = await getService(strapi, 'transitions').saveAnswer(
          await access(ctx),
          ctx.params.documentId,
          checked.value,
          language
        );
        if (!done) return ctx.notFound();
        return detail(ctx, ctx.params.documentId);
      });
    },

    /** POST /feedbacks/:documentId/transitions { to, version, ... } */
    async transition(ctx: Context) {
      const language = requestLanguage(ctx);
      const checked = validateTransitionBody(bodyOf(ctx), language);
      if (!checked.ok) throw validationError(checked.errors);
      return withConflicts(ctx, async () => {
        const done = await getService(strapi, 'transitions').transition(
          await access(ctx),
          ctx.params.documentId,
          checked.value,
          language
        );
        if (!done) return ctx.notFound();
        return detail(ctx, ctx.params.documentId);
      });
    },
  };
};
