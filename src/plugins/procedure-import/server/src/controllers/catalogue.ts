import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentDisposition } from '#domain/file-names';
import { noParameters } from '#utils/requests';
import { getService } from '../utils';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /procedure-import/catalogue → the catalogue workbook, which imports back unchanged. */
  async download(ctx: Context) {
    noParameters(ctx);
    const today = new Date().toISOString().slice(0, 10);
    const bytes = await getService(strapi, 'catalogue').workbook(
      `Danh mục thủ tục hành chính, ngày ${today}`
    );
    ctx.set('Content-Disposition', contentDisposition(`danh-muc-tthc-${today}.xlsx`));
    ctx.set('Cache-Control', 'private, no-store');
    ctx.type = XLSX;
    ctx.body = bytes;
  },
});
