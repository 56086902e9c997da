import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendPrivateFile } from '#infra/private-files';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /feedback-register/attachments/:documentId/download: the file, for staff allowed to see it. */
  async download(ctx: Context) {
    const service = getService(strapi, 'attachment');
    const register = getService(strapi, 'register');
    const access = await register.accessOf(ctx.state.user, ctx.state.userAbility);
    const file = await service.findReadable(ctx.params.documentId, access);
    if (file === 'not-found') return ctx.notFound();
    if (file === 'forbidden') return ctx.forbidden();
    sendPrivateFile(ctx, file);
  },
});
