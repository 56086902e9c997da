import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '#domain/errors';
import { sendPrivateFile } from '#infra/private-files';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { uploadedFiles } from '#utils/requests';
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
      const language = requestLanguage(ctx);
      const files = uploadedFiles(ctx);
      try {
        const fields = Object.keys((ctx.request as { files?: object }).files ?? {});
        if (!ctx.is('multipart') || fields.some((name) => name !== 'files')) {
          throw validationError([
            fieldError(
              ['files'],
              'Gửi tệp dạng multipart/form-data, trong trường "files".',
              'Send the files as multipart/form-data, in the "files" field.',
              language
            ),
          ]);
        }
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
      } finally {
        await Promise.all(files.map((file) => fs.promises.rm(file.filepath, { force: true })));
      }
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
