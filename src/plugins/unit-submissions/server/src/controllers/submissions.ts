import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ATTACHMENT_TYPES } from '#domain/attachments';
import { fieldError } from '#domain/errors';
import { unitChoices } from '#infra/unit-choices';
import { validationError, withConflicts } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { bodyOf, dataOr404, noParameters, queryOf, valid } from '#utils/requests';
import { validateSubmissionInput } from '../domain/submission-input';
import { parseBulkRequest } from '../domain/bulk';
import { parseListQuery } from '../domain/list-query';
import { SUBMISSION_UID } from '../permissions';
import type { Access } from '../services/submission-records';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'submissions');
  const access = (ctx: Context): Promise<Access> => service().accessOf(ctx.state.user, ctx.state.userAbility);
  const version = (ctx: Context, value: unknown) => {
    if (Number.isInteger(value) && (value as number) >= 0) return value as number;
    const language = requestLanguage(ctx);
    throw validationError([
      fieldError(['version'], 'Thiếu số phiên bản của tin bài.', 'The version is required.', language),
    ]);
  };

  return {
    /** GET /submissions?unit=&state=&planTask=&assignee=&queue=&q=&sort=&page=&pageSize= (domain/list-query.ts) */
    async find(ctx: Context) {
      const { page, pageSize, ...query } = valid(parseListQuery(queryOf(ctx), requestLanguage(ctx)));
      return service().list(await access(ctx), query, page, pageSize);
    },

    /**
     * POST /submissions/bulk-transitions { move: 'claim' | 'approve', ids, versions?, comment? }: the IT Center only
     * (route policy: review); `{ data: [{ documentId, ok, state | error }] }`, one per id, in order.
     */
    async bulkTransition(ctx: Context) {
      const language = requestLanguage(ctx);
      const request = valid(parseBulkRequest(bodyOf(ctx), language));
      return { data: await getService(strapi, 'transitions').bulk(await access(ctx), request, language) };
    },

    /** POST /submissions/:documentId/publish-article: the submission, with its article now published. */
    async publishArticle(ctx: Context) {
      const who = await access(ctx);
      const done = await getService(strapi, 'articles').publishArticle(
        who,
        ctx.params.documentId,
        requestLanguage(ctx)
      );
      if (!done) return ctx.notFound();
      return { data: await service().findOne(who, ctx.params.documentId) };
    },

    /** GET /waiting: what waits for this user, `{ data: { items } }`; no parameters (others are refused). */
    async waiting(ctx: Context) {
      noParameters(ctx);
      return { data: { items: await service().waiting(await access(ctx)) } };
    },

    /** GET /submissions/:documentId: 404 also when it belongs to another unit. */
    async findOne(ctx: Context) {
      return dataOr404(ctx, await service().findOne(await access(ctx), ctx.params.documentId));
    },

    async create(ctx: Context) {
      const language = requestLanguage(ctx);
      const body = bodyOf(ctx) as { data?: unknown } | undefined;
      const input = valid(validateSubmissionInput(body?.data, { creating: true, language }));
      const documentId = await service().create(await access(ctx), input, language);
      ctx.status = 201;
      return { data: await service().findOne(await access(ctx), documentId) };
    },

    async update(ctx: Context) {
      const language = requestLanguage(ctx);
      const body = (bodyOf(ctx) ?? {}) as { data?: unknown; version?: unknown };
      const checked = validateSubmissionInput(body.data, { creating: false, language });
      if (!checked.ok) throw validationError(checked.errors);
      return withConflicts(ctx, async () => {
        const done = await service().update(
          await access(ctx),
          ctx.params.documentId,
          version(ctx, body.version),
          checked.value,
          language
        );
        if (!done) return ctx.notFound();
        return { data: await service().findOne(await access(ctx), ctx.params.documentId) };
      });
    },

    /** POST /submissions/:documentId/transitions { to, version, comment?, assignee? } */
    async transition(ctx: Context) {
      const language = requestLanguage(ctx);
      const body = (bodyOf(ctx) ?? {}) as Record<string, unknown>;
      const to = typeof body.to === 'string' ? body.to : '';
      const comment = typeof body.comment === 'string' ? body.comment.slice(0, 5000) : null;
      const assigneeId = Number.isInteger(body.assignee) ? (body.assignee as number) : null;
      return withConflicts(ctx, async () => {
        const done = await getService(strapi, 'transitions').transition(
          await access(ctx),
          ctx.params.documentId,
          { to, version: version(ctx, body.version), comment, assigneeId },
          language
        );
        if (!done) return ctx.notFound();
        return { data: await service().findOne(await access(ctx), ctx.params.documentId) };
      });
    },

    async comments(ctx: Context) {
      const found = await service().findOne(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: await service().comments(ctx.params.documentId) };
    },

    /** POST /submissions/:documentId/comments { body }: the unit and the IT Center; Office and Director only read. */
    async addComment(ctx: Context) {
      const language = requestLanguage(ctx);
      const who = await access(ctx);
      const found = await service().findOne(who, ctx.params.documentId);
      if (!found) return ctx.notFound();
      if (!found.canComment) return ctx.forbidden();
      const text = (bodyOf(ctx) as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string' || !text.trim() || text.length > 5000) {
        throw validationError([
          fieldError(
            ['body'],
            'Nội dung trao đổi từ 1 đến 5.000 ký tự.',
            'A comment is 1 to 5,000 characters.',
            language
          ),
        ]);
      }
      await service().addComment(who, ctx.params.documentId, text.trim().normalize('NFC'));
      ctx.status = 201;
      return { data: await service().comments(ctx.params.documentId) };
    },

    async history(ctx: Context) {
      const found = await service().findOne(await access(ctx), ctx.params.documentId);
      if (!found) return ctx.notFound();
      return { data: await getService(strapi, 'history').of(ctx.params.documentId) };
    },

    /** What the forms offer this user: their units (or all), plan tasks, and the IT Center editors to assign. */
    async options(ctx: Context) {
      const who = await access(ctx);
      const units = await unitChoices(strapi, who);
      const planTasks = await strapi.db.query('api::plan-task.plan-task').findMany({
        where: { locale: 'vi' },
        select: ['documentId', 'code', 'content'],
        populate: { plan: { select: ['year'] }, unit: { select: ['id'] } },
        orderBy: { code: 'asc' },
      });
      const limits = getService(strapi, 'attachments').limits();
      const reviewers = who.canReview
        ? await strapi.db.query('admin::user').findMany({
            where: { isActive: true, roles: { code: { $in: ['it-center-editor'] } } },
            select: ['id', 'firstname', 'lastname', 'email'],
          })
        : [];
      return {
        data: {
          units,
          planTasks: planTasks.filter(
            (t: { unit?: { id: number } | null }) =>
              who.readAll || (t.unit && who.unitIds.includes(t.unit.id))
          ),
          reviewers,
          attachmentLimits: { ...limits, acceptedTypes: Object.values(ATTACHMENT_TYPES) },
          access: { canSubmit: who.canSubmit, canReview: who.canReview, readAll: who.readAll },
        },
      };
    },

    /** GET /articles/:documentId/submission: for the Content Manager side panel of an article. */
    async ofArticle(ctx: Context) {
      const row = await strapi.db.query(SUBMISSION_UID).findOne({
        where: { article: { documentId: ctx.params.documentId } },
        select: ['documentId'],
      });
      const found = row ? await service().findOne(await access(ctx), row.documentId) : null;
      return {
        data: found
          ? { documentId: found.documentId, title: found.title, state: found.state, unit: found.unit }
          : null,
      };
    },
  };
};
