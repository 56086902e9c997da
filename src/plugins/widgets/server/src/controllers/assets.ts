import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { QueryReader } from '#domain/query-params';
import { requestLanguage } from '#utils/http';
import { noParameters, queryOf, valid } from '#utils/requests';
import { isWidgetName } from '../domain/catalogue';
import { readEmbedQuery } from '../domain/embed-query';
import { frameAncestors } from '../domain/origins';
import { demoPage, embedPage } from '../domain/pages';
import { ENCODINGS, SCRIPTS, type ScriptName } from '../services/assets';
import { getService } from '../utils';

// Scripts change with a release or the theme: browsers revalidate after five minutes (a 304 while unchanged).
const SCRIPT_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

const isScript = (name: string): name is ScriptName => (SCRIPTS as readonly string[]).includes(name);

/** Only the CMS's own scripts and the API; `frame-ancestors` says which sites may frame the page. */
const pagePolicy = (ancestors: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');

function sendPage(ctx: Context, html: string, ancestors: string) {
  ctx.set('Content-Security-Policy', pagePolicy(ancestors));
  // frame-ancestors decides; X-Frame-Options (helmet's SAMEORIGIN) would forbid every allowed site.
  ctx.remove('X-Frame-Options');
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /widgets/v1/:file → the bundle (module or classic) and the iframe helpers. */
  async script(ctx: Context) {
    noParameters(ctx);
    const name = ctx.params.file as string;
    if (!isScript(name)) return ctx.notFound();
    const { theme } = await getService(strapi, 'settings').get();
    const asset = await getService(strapi, 'assets').script(name, theme);
    if (!asset) {
      strapi.log.error(
        `Widgets: ${name} is not built; run "node scripts/build-widgets.js" (npm install does).`
      );
      return ctx.notFound();
    }
    // Any site may load the code; what it may ask the API is CORS's decision.
    ctx.remove('Access-Control-Allow-Credentials');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Cache-Control', SCRIPT_CACHE);
    ctx.set('ETag', asset.etag);
    ctx.vary('Accept-Encoding');
    ctx.type = 'text/javascript; charset=utf-8';
    if (ctx.get('If-None-Match') === asset.etag) {
      ctx.status = 304;
      return;
    }
    // The smallest that the browser accepts: koa's negotiation would take the browser's order, and Chromium lists
    // gzip before br.
    const encoding = ENCODINGS.find((name) => ctx.acceptsEncodings(name) === name);
    if (encoding) {
      ctx.set('Content-Encoding', encoding);
      ctx.body = asset.encoded[encoding];
    } else ctx.body = asset.body;
  },

  /** GET /widgets/v1/embed/:name → the widget alone on a page, for sites that cannot add scripts. */
  async embed(ctx: Context) {
    const name = ctx.params.name as string;
    if (!isWidgetName(name)) return ctx.notFound();
    const query = valid(readEmbedQuery(name, queryOf(ctx), requestLanguage(ctx)));
    const origins = await getService(strapi, 'settings').allowedOrigins();
    sendPage(ctx, embedPage({ name, ...query }), frameAncestors(origins));
  },

  /** GET /widgets/v1/demo.html → a sample department page with every widget. */
  async demo(ctx: Context) {
    const reader = new QueryReader(queryOf(ctx), ['lang'], requestLanguage(ctx));
    const lang = reader.oneOf('lang', ['vi', 'en'] as const) ?? 'vi';
    valid(reader.result(lang));
    const data = await getService(strapi, 'pages').demoData(lang);
    sendPage(ctx, demoPage({ lang, ...data }), "'self'");
  },
});
