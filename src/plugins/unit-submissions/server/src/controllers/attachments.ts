import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendPrivateFile } from '#infra/private-files';
import { requestLanguage } from '#utils/http';
import { withUploadedFiles } from '#utils/requests';
import { getService } from '../utils';

type AttachmentsService = ReturnType<typeof import('../services/attachments').default>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'attachments');
  const access = (ctx: Context) =>
    getService(strapi, 'submissions').accessOf(ctx.state.user, ctx.state.userAbility);

  const reply = (ctx: Context, result: Awaited<ReturnType<AttachmentsService['add']>>, status = 200) => {
    if (result === 'not-found') return ctx.notFound();
    if (result === 'forbidden') return ctx.forbidden();
    ctx.status = status;
    return { data: result };
  };

  return {
    /** POST /submissions/:documentId/attachments: multipart, files in the field `files`. */
    async upload(ctx: Context) {
      return withUploadedFiles(ctx, { field: 'files' }, async (files, language) => {
        const result = await service().add(
          await access(ctx),
          ctx.params.documentId,
          files.map((file) => ({
            originalName: file.originalFilename,
            size: file.size,
            read: () => fs.promises.readFile(file.filepath),
          })),
          language
        );
        return reply(ctx, result, 201);
      });
    },

    /** GET /submissions/:documentId/attachments/:attachmentId: always a download, never rendered by the browser. */
    async download(ctx: Context) {
      const file = await service().readable(
        await access(ctx),
        ctx.params.documentId,
        ctx.params.attachmentId
      );
      if (!file) return ctx.notFound();
      sendPrivateFile(ctx, file);
    },

    /** DELETE /submissions/:documentId/attachments/:attachmentId */
    async remove(ctx: Context) {
      const result = await service().remove(
        await access(ctx),
        ctx.params.documentId,
        ctx.params.attachmentId,
        requestLanguage(ctx)
      );
      return reply(ctx, result);
    },
  };
};
