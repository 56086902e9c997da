/**
 * The widgets as websites use them: the bundle and its helpers, one page per widget for iframes, the demo page,
 * and the Website widgets settings that decide which sites' browsers may call the API (CORS) or frame the pages.
 */
import request from 'supertest';
import { overrideEnv } from '../setup/env-override';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const PORTAL = 'https://cong.tinh.example.gov.vn';
overrideEnv({ WIDGET_ALLOWED_ORIGINS: `${PORTAL}, not an origin` });
const app = useStrapi();
const get = (path: string) => request(app.server()).get(path);

const IT = 'ttcntt@demo.example';
const UNIT = 'qldd@demo.example';
const ELEMENTS = [
  'tthc-procedure-search',
  'tthc-procedure',
  'tthc-feedback-form',
  'tthc-feedback-status',
  'tthc-answered-feedback',
  'tthc-satisfaction-survey',
  'tthc-satisfaction-summary',
];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of [IT, UNIT]) tokens[email] = await adminLogin(app.server(), email);
});

const settingsAs = (email: string) => ({
  get: () => get('/widgets/settings').set('Authorization', `Bearer ${tokens[email]}`),
  put: (body: unknown) =>
    request(app.server())
      .put('/widgets/settings')
      .set('Authorization', `Bearer ${tokens[email]}`)
      .send(body as object),
});

describe('the bundle', () => {
  it('is one module defining every element, loadable from any site, compressed and revalidated', async () => {
    const res = await get('/widgets/v1/tthc.js').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    for (const element of ELEMENTS) expect(res.text).toContain(`"${element}"`);
    expect(res.text).toMatch(/^import|^var|^\(|^const|^let|^function/);

    const again = await get('/widgets/v1/tthc.js').set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
  });

  it('goes as brotli to the browsers that take it, smaller than gzip, and as gzip or plain to the others', async () => {
    const plain = await get('/widgets/v1/tthc.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // Chromium's own header, gzip first: the smallest encoding it takes is chosen, not the first it lists.
    const br = await get('/widgets/v1/tthc.js').set('Accept-Encoding', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.text).toBe(plain.text);
    const gzip = await get('/widgets/v1/tthc.js').set('Accept-Encoding', 'gzip, br;q=0');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(plain.text);
    expect(Number(br.headers['content-length'])).toBeLessThan(Number(gzip.headers['content-length']));
    expect(br.headers.etag).toBe(plain.headers.etag);
  });

  it('has a classic-script twin, and an iframe helper under 1 KB', async () => {
    const classic = await get('/widgets/v1/tthc.classic.js');
    expect(classic.status).toBe(200);
    for (const element of ELEMENTS) expect(classic.text).toContain(`"${element}"`);
    expect(classic.text).not.toMatch(/\bimport\.meta\b|^import /m);
    const frame = await get('/widgets/v1/frame.js').set('Accept-Encoding', 'identity');
    expect(frame.status).toBe(200);
    expect(Buffer.byteLength(frame.text)).toBeLessThanOrEqual(1024);
    expect(frame.text).toContain('tthc:height');
    expect((await get('/widgets/v1/embed.js')).status).toBe(200);
  });

  it('serves nothing else from the folder', async () => {
    for (const path of ['/widgets/v1/tthc.ts', '/widgets/v1/index.ts', '/widgets/v1/..%2Fpackage.json'])
      expect((await get(path)).status).toBe(404);
    expect((await get('/widgets/v1/tthc.js?v=2')).status).toBe(400);
  });
});

describe('the settings', () => {
  it('are the IT Center’s: a unit editor is refused, and reads nothing', async () => {
    expect((await settingsAs(UNIT).get()).status).toBe(403);
    expect((await settingsAs(UNIT).put({ allowedOrigins: ['https://x.example'] })).status).toBe(403);
    expect((await get('/widgets/settings')).status).toBe(401);
    const { body } = await settingsAs(IT).get();
    expect(body.data).toMatchObject({
      allowedOrigins: [],
      theme: {},
      environmentOrigins: [PORTAL],
      widgets: { 'feedback-form': { element: 'tthc-feedback-form' } },
    });
  });

  it('let a saved origin’s browsers call the API at once, refuse the others, and keep serving servers', async () => {
    const site = 'https://sotnmt.example.gov.vn';
    const search = '/api/procedures/search?q=dat';
    expect((await get(search).set('Origin', site)).headers['access-control-allow-origin']).toBeUndefined();
    const saved = await settingsAs(IT).put({
      allowedOrigins: [`${site}/`, site, 'HTTPS://Sotnmt.Example.gov.vn'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.allowedOrigins).toEqual([site]);

    const allowed = await get(search).set('Origin', site);
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(site);
    expect(allowed.headers['access-control-expose-headers']).toContain('ETag');
    expect((await get(search).set('Origin', PORTAL)).headers['access-control-allow-origin']).toBe(PORTAL);

    const other = await get(search).set('Origin', 'https://evil.example');
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get(search)).status).toBe(200);

    // The form's preflight: its Idempotency-Key header is allowed to listed sites only.
    const preflight = (origin: string) =>
      request(app.server())
        .options('/api/feedbacks')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,idempotency-key');
    const ok = await preflight(site);
    expect(ok.headers['access-control-allow-origin']).toBe(site);
    expect(ok.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/i);
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('write the theme into the bundle, which then revalidates to new bytes', async () => {
    const before = await get('/widgets/v1/tthc.js');
    const saved = await settingsAs(IT).put({
      allowedOrigins: [],
      theme: { primary: '#7A1F1F', radius: '10', font: 'Noto Sans', text: '' },
    });
    expect(saved.body.data.theme).toEqual({ primary: '#7a1f1f', radius: '10px', font: 'Noto Sans' });
    const after = await get('/widgets/v1/tthc.js').set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('\\"primary\\":\\"#7a1f1f\\"');
    expect(before.text).not.toContain('#7a1f1f');
  });

  it('refuse bad input field by field, in the admin’s language, and keep what was saved', async () => {
    await settingsAs(IT).put({ allowedOrigins: ['https://a.example'], theme: {} });
    const res = await settingsAs(IT)
      .put({
        allowedOrigins: ['https://ok.example', 'https://x.example/path', 'javascript:alert(1)', 42],
        theme: { primary: 'red', radius: '99', shadow: '1px' },
        extra: true,
      })
      .set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths.sort()).toEqual(
      [
        'extra',
        'allowedOrigins.1',
        'allowedOrigins.2',
        'allowedOrigins.3',
        'theme.primary',
        'theme.radius',
        'theme.shadow',
      ].sort()
    );
    const first = res.body.error.details.errors[0];
    expect(first.message).toBe(first.messages.en);
    expect(first.messages.vi).toBeTruthy();
    expect((await settingsAs(IT).get()).body.data.allowedOrigins).toEqual(['https://a.example']);
  });
});

describe('the iframe pages', () => {
  it('serve each widget alone, framable by the CMS and the allowed sites only', async () => {
    await settingsAs(IT).put({ allowedOrigins: ['https://a.example'], theme: {} });
    for (const [name, element] of [
      ['procedure-search', 'tthc-procedure-search'],
      ['procedure', 'tthc-procedure'],
      ['feedback-form', 'tthc-feedback-form'],
      ['feedback-status', 'tthc-feedback-status'],
      ['answered-feedback', 'tthc-answered-feedback'],
      ['satisfaction-survey', 'tthc-satisfaction-survey'],
      ['satisfaction-summary', 'tthc-satisfaction-summary'],
    ]) {
      const res = await get(`/widgets/v1/embed/${name}?lang=en`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`<html lang="en">`);
      expect(res.text).toContain(`<${element} lang="en"></${element}>`);
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain(
        `frame-ancestors 'self' https://a.example ${PORTAL}`
      );
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
    }
  });

  it('pass the widget’s attributes and the theme, escaped', async () => {
    const res = await get(
      `/widgets/v1/embed/procedure-search?q=${encodeURIComponent('"><b>sổ đỏ</b>')}&page-size=5&theme=primary:0b5cad,radius:4`
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<tthc-procedure-search lang="vi" q="&quot;&gt;&lt;b&gt;sổ đỏ&lt;/b&gt;" page-size="5"></tthc-procedure-search>'
    );
    expect(res.text).toContain('tthc-procedure-search{--tthc-color-primary:#0b5cad;--tthc-radius:4px;}');
  });

  it('answer an unknown widget 404 and a bad query 400 with every problem', async () => {
    expect((await get('/widgets/v1/embed/admin')).status).toBe(404);
    const res = await get('/widgets/v1/embed/procedure?code=abc&lang=fr&theme=primary:red&foo=1');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual([
      'code',
      'foo',
      'lang',
      'theme',
    ]);
  });
});

describe('the demo page', () => {
  it('shows every widget under the department’s own name, in either language', async () => {
    const res = await get('/widgets/v1/demo.html');
    expect(res.status).toBe(200);
    for (const element of ELEMENTS) expect(res.text).toContain(`<${element} lang="vi"`);
    const profiles = (
      await app
        .strapi()
        .db.query('api::organization.organization')
        .findOne({ where: { locale: 'vi', publishedAt: { $notNull: true } }, populate: { profiles: true } })
    ).profiles as { validFrom: string; issuingBody: string }[];
    const today = new Date().toISOString().slice(0, 10);
    const current = profiles
      .filter((p) => p.validFrom <= today)
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
    expect(res.text).toContain(current.issuingBody);
    expect(res.text).toMatch(/<tthc-procedure lang="vi" code="\d\.\d{6}/);
    expect(res.text).toContain('<iframe src="/widgets/v1/embed/feedback-status?lang=vi"');
    expect((await get('/widgets/v1/demo.html?lang=en')).text).toContain('<html lang="en">');
    expect((await get('/widgets/v1/demo.html?lang=xx')).status).toBe(400);
  });
});
