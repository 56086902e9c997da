import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '#domain/errors';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { displayName } from '#oversight/services/access';
import {
  DOCUMENT_ID,
  parseListQuery,
  parseRowsQuery,
  validateCreate,
  validateIssue,
  validateNarrative,
  validateRecompute,
} from '../domain/report-input';
import { ACTIONS, PLUGIN_ID } from '../permissions';
import { ConflictError, IssuedError } from '../services/reports';

type Service = ReturnType<typeof import('../services/reports').default>;

const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

/**
 * GET /reports, POST /reports, GET /reports/:documentId, PUT /reports/:documentId/narrative,
 * POST /reports/:documentId/recompute, POST /reports/:documentId/issue, GET /reports/:documentId/rows.
 * Validation: domain/report-input.ts; figures and storage: services/reports.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('reports') as Service;
  const canManage = (ctx: Context) => ctx.state.userAbility?.can(ACTIONS.manage) === true;
  const userName = (ctx: Context) => displayName(ctx.state.user);

  /** The allowed actions on a report for this user. */
  const actionsOf = (ctx: Context, state: 'draft' | 'issued') => {
    const manage = canManage(ctx);
    return {
      canEdit: manage && state === 'draft',
      canRecompute: manage && state === 'draft',
      canIssue: manage && state === 'draft',
      canExport: manage,
    };
  };

  /** Runs a write, turning a stale version into 409 and a write to an issued report into 400 on `state`. */
  const guarded = async (ctx: Context, work: () => Promise<unknown>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConflictError) {
        ctx.status = 409;
        ctx.body = {
          data: null,
          error: { status: 409, name: 'ConflictError', message: error.message, details: {} },
        };
        return undefined;
      }
      if (error instanceof IssuedError) {
        throw validationError([
          fieldError(
            ['state'],
            'Báo cáo đã ban hành, không thể thay đổi.',
            'The report is issued: it can no longer be changed.',
            requestLanguage(ctx)
          ),
        ]);
      }
      throw error;
    }
  };

  const documentIdOf = (ctx: Context): string | null => {
    const id = String(ctx.params.documentId ?? '');
    return DOCUMENT_ID.test(id) ? id : null;
  };

  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'private, no-store');

  return {
    /** GET /reports?page=&pageSize=&year=&state= */
    async find(ctx: Context) {
      const parsed = parseListQuery(ctx.query as Record<string, unknown>, requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      noStore(ctx);
      const listed = await service().list(parsed.value);
      return { ...listed, meta: { canManage: canManage(ctx) } };
    },

    /** GET /reports/:documentId */
    async findOne(ctx: Context) {
      const id = documentIdOf(ctx);
      const found = id ? await service().findOne(id) : null;
      if (!found) return ctx.notFound();
      noStore(ctx);
      return { data: { ...found, actions: actionsOf(ctx, found.state) } };
    },

    /** POST /reports { data: { year?, from?, to?, title? } } */
    async create(ctx: Context) {
      const checked = validateCreate(bodyOf(ctx), requestLanguage(ctx));
      if (!checked.ok) throw validationError(checked.errors);
      const created = await service().create(checked.value, userName(ctx));
      ctx.status = 201;
      noStore(ctx);
      return { data: { ...created, actions: actionsOf(ctx, created.state) } };
    },

    /** PUT /reports/:documentId/narrative { narrative, number?, recipients?, version } */
    async saveNarrative(ctx: Context) {
      const id = documentIdOf(ctx);
      if (!id) return ctx.notFound();
      const checked = validateNarrative(bodyOf(ctx), requestLanguage(ctx));
      if (!checked.ok) throw validationError(checked.errors);
      return guarded(ctx, async () => {
        const saved = await service().saveNarrative(id, checked.value);
        if (!saved) return ctx.notFound();
        return { data: { ...saved, actions: actionsOf(ctx, saved.state) } };
      });
    },

    /** POST /reports/:documentId/recompute { version? } */
    async recompute(ctx: Context) {
      const id = documentIdOf(ctx);
      if (!id) return ctx.notFound();
      const checked = validateRecompute(bodyOf(ctx), requestLanguage(ctx));
      if (!checked.ok) throw validationError(checked.errors);
      return guarded(ctx, async () => {
        const done = await service().recompute(id, checked.value.version);
        if (!done) return ctx.notFound();
        return {
          data: {
            report: { ...done.report, actions: actionsOf(ctx, done.report.state) },
            changes: done.changes,
          },
        };
      });
    },

    /** POST /reports/:documentId/issue { version, number } */
    async issue(ctx: Context) {
      const id = documentIdOf(ctx);
      if (!id) return ctx.notFound();
      const checked = validateIssue(bodyOf(ctx), requestLanguage(ctx));
      if (!checked.ok) throw validationError(checked.errors);
      return guarded(ctx, async () => {
        const issued = await service().issue(id, checked.value, userName(ctx));
        if (!issued) return ctx.notFound();
        return { data: { ...issued, actions: actionsOf(ctx, issued.state) } };
      });
    },

    /** GET /reports/:documentId/rows?figure=&key=&page=&pageSize= */
    async rows(ctx: Context) {
      const id = documentIdOf(ctx);
      if (!id) return ctx.notFound();
      const parsed = parseRowsQuery(ctx.query as Record<string, unknown>, requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      const found = await service().rows(id, parsed.value);
      if (!found) return ctx.notFound();
      noStore(ctx);
      return found;
    },
  };
};
