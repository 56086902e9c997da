import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentDisposition } from '#domain/file-names';
import type { AttachmentAccess } from '../services/attachment';

type RegisterService = ReturnType<typeof import('../services/register').default>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /feedback-register/attachments/:documentId/download: the file, for staff allowed to see it. */
  async download(ctx: Context) {
    const service = strapi.plugin('feedback-register').service('attachment') as AttachmentAccess;
    const register = strapi.plugin('feedback-register').service('register') as RegisterService;
    const access = await register.accessOf(ctx.state.user, ctx.state.userAbility);
    const file = await service.findReadable(ctx.params.documentId, access);
    if (file === 'not-found') return ctx.notFound();
    if (file === 'forbidden') return ctx.forbidden();

    ctx.set('Content-Disposition', contentDisposition(file.originalName, `attachment${file.extension}`));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'private, no-store');
    ctx.type = file.mime;
    ctx.length = file.size;
    ctx.body = fs.createReadStream(file.path);
  },
});
