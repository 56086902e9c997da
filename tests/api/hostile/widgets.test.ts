/**
 * The widget routes as an attacker reaches them: case-variant and traversing paths, query values that try to
 * leave their attribute or the theme's stylesheet, odd shapes (arrays, objects, oversized), and the settings
 * written with junk, chunked or oversized bodies, or by a role that may not. Nothing is half-written, nothing is 500.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const get = (path: string) => request(app.server()).get(path);
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const SAVED = { allowedOrigins: ['https://cong.example.gov.vn'], theme: { primary: '#0b5cad' } };
let token = '';

beforeAll(async () => {
  token = await adminLogin(app.server(), IT);
  const saved = await request(app.server())
    .put('/widgets/settings')
    .set('Authorization', `Bearer ${token}`)
    .send(SAVED);
  expect(saved.status).toBe(200);
});

const stored = async () =>
  (await get('/widgets/settings').set('Authorization', `Bearer ${token}`)).body.data as typeof SAVED;

const paths = (res: request.Response) =>
  (res.body.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.')).sort();

describe('the public widget routes', () => {
  it('serve case variants, traversals and encoded names as not found, never as files or errors', async () => {
    for (const path of [
      '/WIDGETS/V1/TTHC.JS',
      '/widgets/v1/TTHC.JS',
      '/widgets/v1/tthc.js%00.png',
      '/widgets/v1/%2e%2e%2fpackage.json',
      '/widgets/v1/..%5c..%5cpackage.json',
      '/widgets/v1/embed/PROCEDURE',
      '/widgets/v1/embed/__proto__',
      '/widgets/v1/embed/constructor',
      '/widgets/v2/tthc.js',
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('keep hostile attribute values inside their quotes, and out of the theme’s stylesheet', async () => {
    const res = await get(
      `/widgets/v1/embed/answered-feedback?q=${encodeURIComponent(`" onload="alert(1)"><script>alert(1)</script>`)}`
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      'q="&quot; onload=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'
    );
    expect(res.text).not.toContain('<script>alert');

    for (const theme of [
      'primary:red;}</style><script>alert(1)</script>',
      'font:x}body{display:none',
      'radius:4px;background:url(//evil)',
      'primary:#0b5cad,primary',
    ]) {
      const bad = await get(`/widgets/v1/embed/feedback-status?theme=${encodeURIComponent(theme)}`);
      expect({ theme, status: bad.status, name: bad.body.error?.name }).toEqual({
        theme,
        status: 400,
        name: 'ValidationError',
      });
    }
  });

  it('refuse links that would run script, and values of the wrong shape', async () => {
    for (const url of [
      'javascript:alert(1)',
      '//evil.example/{code}',
      'data:text/html,x',
      ' /x',
      '/x"><b>',
    ]) {
      const res = await get(`/widgets/v1/embed/procedure-search?detail-url=${encodeURIComponent(url)}`);
      expect({ url, status: res.status, paths: paths(res) }).toEqual({
        url,
        status: 400,
        paths: ['detail-url'],
      });
    }
    const ok = await get(
      `/widgets/v1/embed/procedure-search?detail-url=${encodeURIComponent('/thu-tuc/{code}')}`
    );
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('detail-url="/thu-tuc/{code}"');
  });

  it('answer arrays, objects, repeated and oversized parameters with a bilingual 400', async () => {
    for (const [query, path] of [
      ['lang[]=vi', 'lang'],
      ['lang=vi&lang=en', 'lang'],
      ['lang[$ne]=x', 'lang'],
      ['code[a][b]=1', 'code'],
      [`theme=${'primary:0b5cad,'.repeat(40)}`, 'theme'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['page-size=0', 'page-size'],
      ['page-size=1e2', 'page-size'],
    ]) {
      const name = query.startsWith('code') ? 'procedure' : 'answered-feedback';
      const res = await get(`/widgets/v1/embed/${name}?${query}`).set('Accept-Language', 'en');
      expect({ query, status: res.status, paths: paths(res) }).toEqual({ query, status: 400, paths: [path] });
      const error = res.body.error.details.errors[0];
      expect(error.message).toBe(error.messages.en);
      expect(error.messages.vi).toBeTruthy();
    }
    expect((await get('/widgets/v1/demo.html?lang[]=en')).status).toBe(400);
    expect((await get('/widgets/v1/frame.js?x[y]=1')).status).toBe(400);
  });

  it('send the same script whatever Accept-Encoding says: malformed, wildcard, upper case, refusing all, oversized', async () => {
    const plain = await get('/widgets/v1/tthc.js').set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    for (const header of [
      'br;q=abc, gzip;q=-1',
      '*',
      'BR, GZIP',
      'br;q=0, gzip;q=0',
      ';;;,,,=',
      `x-${'a'.repeat(6000)}, gzip`,
    ]) {
      const res = await get('/widgets/v1/tthc.js').set('Accept-Encoding', header);
      expect({ header, status: res.status }).toEqual({ header, status: 200 });
      expect([undefined, 'br', 'gzip']).toContain(res.headers['content-encoding']);
      expect(res.text).toBe(plain.text);
    }
  });

  it('take no write method', async () => {
    for (const method of ['post', 'put', 'delete'] as const) {
      const res = await request(app.server())[method]('/widgets/v1/tthc.js').send({ a: 1 });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('the settings route', () => {
  const put = (body: unknown, as = token) =>
    request(app.server())
      .put('/widgets/settings')
      .set('Authorization', `Bearer ${as}`)
      .send(body as object);

  it('refuses unexpected shapes and nesting, every problem at once, and writes nothing', async () => {
    for (const [body, expected] of [
      [[SAVED], ['']],
      [{ allowedOrigins: 'https://a.example' }, ['allowedOrigins']],
      [
        { allowedOrigins: [{ origin: 'https://a.example' }, ['https://b.example']] },
        ['allowedOrigins.0', 'allowedOrigins.1'],
      ],
      [
        { allowedOrigins: ['https://user:pw@a.example', 'https://a.example?x=1', 'ftp://a.example', '*'] },
        ['allowedOrigins.0', 'allowedOrigins.1', 'allowedOrigins.2', 'allowedOrigins.3'],
      ],
      [{ allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) }, ['allowedOrigins']],
      [{ theme: [] }, ['theme']],
      [
        { theme: { primary: ['#ffffff'], font: { $ne: 1 }, radius: 4 } },
        ['theme.font', 'theme.primary', 'theme.radius'],
      ],
      [{ theme: { font: 'x;}</style><script>', primary: '#fff' } }, ['theme.font', 'theme.primary']],
    ] as [unknown, string[]][]) {
      const res = await put(body);
      expect({ body, status: res.status, paths: paths(res) }).toEqual({ body, status: 400, paths: expected });
    }
    expect(await stored()).toMatchObject(SAVED);

    // Prototype keys never reach an object: the body parser refuses them.
    const proto = await put(
      JSON.parse(
        '{"allowedOrigins":[],"theme":{"primary":"#0b5cad","__proto__":{"polluted":1}},"__proto__":{"x":1}}'
      )
    );
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await stored()).toMatchObject(SAVED);
  });

  it('is refused to the Office, which may not change it', async () => {
    const office = await adminLogin(app.server(), OFFICE);
    expect((await put({ allowedOrigins: [] }, office)).status).toBe(403);
    expect(await stored()).toMatchObject(SAVED);
  });

  it('reads a chunked body whole, and refuses an oversized one without saving it', async () => {
    const server = app.server();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const send = (chunks: string[]) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/widgets/settings',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    const whole = JSON.stringify({ allowedOrigins: ['https://chunked.example'], theme: {} });
    const ok = await send([whole.slice(0, 7), whole.slice(7, 30), whole.slice(30)]);
    expect(ok.status).toBe(200);
    expect((await stored()).allowedOrigins).toEqual(['https://chunked.example']);

    const big = await send([
      '{"allowedOrigins":["https://big.example"],"theme":{"font":"',
      ...Array.from({ length: 40 }, () => 'a'.repeat(64 * 1024)),
      '"}}',
    ]).catch(() => ({ status: 0, body: '' }));
    expect([0, 413]).toContain(big.status);
    expect((await stored()).allowedOrigins).toEqual(['https://chunked.example']);
  });
});
