import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { bodyOf, noParameters, valid } from '#utils/requests';
import { WIDGETS } from '../domain/catalogue';
import { readSettings } from '../domain/settings';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const view = async () => {
    const service = getService(strapi, 'settings');
    return {
      data: {
        ...(await service.get()),
        environmentOrigins: service.environmentOrigins(),
        widgets: WIDGETS,
      },
    };
  };

  return {
    /** GET /widgets/settings → the settings, the environment's origins (read only) and the widgets' catalogue. */
    async find(ctx: Context) {
      noParameters(ctx);
      ctx.set('Cache-Control', 'private, no-store');
      return view();
    },

    /** PUT /widgets/settings { allowedOrigins, theme } → saved whole, or a 400 naming every problem. */
    async update(ctx: Context) {
      noParameters(ctx);
      const settings = valid(readSettings(bodyOf(ctx), requestLanguage(ctx)));
      await getService(strapi, 'settings').save(settings);
      ctx.set('Cache-Control', 'private, no-store');
      return view();
    },
  };
};
