import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { FORMATS, LISTS, type ExportFormat } from '../services/exports';
import type { ListName } from '../exports/csv';
import { getService } from '../utils';

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 original, so Vietnamese file names survive. */
const contentDisposition = (name: string) => {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'export';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

const nameOf = (user: { firstname?: string | null; lastname?: string | null } | undefined) =>
  [user?.firstname, user?.lastname].filter(Boolean).join(' ') || null;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'exports');
  return {
    /** POST /annual-report/reports/:documentId/exports { format, list? } → 202 { data: job }. */
    async create(ctx: Context) {
      const body = (ctx.request.body ?? {}) as { format?: unknown; list?: unknown };
      const format = body.format as ExportFormat;
      if (!FORMATS.includes(format)) {
        return ctx.badRequest(`format must be one of ${FORMATS.join(', ')}`);
      }
      let list: ListName | null = null;
      if (format === 'csv') {
        list = body.list as ListName;
        if (!LISTS.includes(list)) return ctx.badRequest(`list must be one of ${LISTS.join(', ')}`);
      } else if (body.list !== undefined && body.list !== null) {
        return ctx.badRequest('list applies to format csv only');
      }
      const job = await service().start(
        String(ctx.params.documentId),
        { format, list },
        nameOf(ctx.state.user)
      );
      if (!job) return ctx.notFound();
      ctx.status = 202;
      ctx.body = { data: job };
    },

    /** GET /annual-report/reports/:documentId/exports → the report's jobs, newest first. */
    async list(ctx: Context) {
      ctx.body = { data: await service().list(String(ctx.params.documentId)) };
    },

    /** GET /annual-report/exports/:id → the job. */
    async findOne(ctx: Context) {
      const job = await service().findOne(String(ctx.params.id));
      if (!job) return ctx.notFound();
      ctx.body = { data: job };
    },

    /**
     * GET /annual-report/exports/:id/download → the file of a finished job; 404 otherwise. Streamed from the store
     * through this authenticated route, never a presigned URL: the permission check, these headers and the access
     * log stay here, and the bucket's private prefix is never public.
     */
    async download(ctx: Context) {
      const file = await service().file(String(ctx.params.id));
      if (!file) return ctx.notFound();
      ctx.set('Content-Disposition', contentDisposition(file.fileName));
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = file.mime;
      ctx.length = file.size;
      ctx.body = file.stream;
    },
  };
};
