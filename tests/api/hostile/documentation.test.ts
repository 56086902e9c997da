/**
 * Issue 12, D13: the served OpenAPI document names no private attribute, and in production it is served only to
 * signed-in admins unless DOCS_PUBLIC=true.
 */
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();

describe('/documentation', () => {
  it('serves the OpenAPI document of the public API, custom routes included', async () => {
    const res = await request(app.server()).get('/documentation/v1.0.0');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const path of [
      '/procedures/search',
      '/feedbacks/form',
      '/feedbacks/status/{trackingCode}',
      '/feedbacks/answered',
      '/survey-responses/summary',
      '/articles/{id}',
      '/organization',
    ]) {
      expect(res.text).toContain(`"${path}"`);
    }
    expect(res.text).toContain('Idempotency-Key');
    expect(res.text).not.toContain('"/units"');
    expect(res.text).not.toContain('"/holidays"');
  });
});

/** The OpenAPI document embedded in the Swagger UI page. */
const specOf = (html: string): Record<string, unknown> => {
  const match = /spec: (\{.*\}),\s*$/m.exec(html);
  if (!match) throw new Error('no spec in the page');
  return JSON.parse(match[1]);
};

/** Every property name in the document's schemas, with where it is, except the intake's documented input. */
function propertyNames(node: unknown, at: string, out: Array<{ name: string; at: string }>) {
  if (Array.isArray(node)) return node.forEach((item, i) => propertyNames(item, `${at}[${i}]`, out));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'requestBody' && /"\/(feedbacks|survey-responses)"\."post"$/.test(at)) continue;
    if (key === 'properties' && typeof value === 'object' && value) {
      for (const name of Object.keys(value)) out.push({ name, at });
    }
    propertyNames(value, `${at}.${JSON.stringify(key)}`, out);
  }
}

describe('/documentation names no private attribute', () => {
  it('lists no submitter field, tracking hash, survey comment, attachment name or user secret', async () => {
    const res = await request(app.server()).get('/documentation/v1.0.0');
    expect(res.status).toBe(200);
    const spec = specOf(res.text);
    const names: Array<{ name: string; at: string }> = [];
    propertyNames(spec, '', names);
    const forbidden = [
      'trackingCodeHash',
      'fullName',
      'address',
      'phone',
      'consent',
      'comment',
      'originalName',
      'storedName',
      'sha256',
      'password',
      'resetPasswordToken',
      'registrationToken',
      'confirmationToken',
      'createdBy',
      'updatedBy',
    ];
    const found = names.filter(({ name }) => forbidden.includes(name));
    expect(found).toEqual([]);
    for (const secret of ['resetPasswordToken', 'trackingCodeHash', 'confirmationToken', 'encryptedKey']) {
      expect(res.text).not.toContain(secret);
    }
    // Still a useful contract: the public types keep their fields.
    expect(JSON.stringify(spec)).toContain('"nationalCode"');
  });

  it('is served in production only to signed-in admins, unless DOCS_PUBLIC=true', async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, DOCS_PUBLIC: process.env.DOCS_PUBLIC };
    try {
      process.env.NODE_ENV = 'production';
      delete process.env.DOCS_PUBLIC;
      expect((await request(app.server()).get('/documentation/v1.0.0')).status).toBe(401);
      expect((await request(app.server()).get('/documentation')).status).toBe(401);
      const forged = await request(app.server())
        .get('/documentation/v1.0.0')
        .set('Authorization', 'Bearer not.a.token');
      expect(forged.status).toBe(401);
      const token = await adminLogin(app.server(), 'qldd@demo.example');
      const signedIn = await request(app.server())
        .get('/documentation/v1.0.0')
        .set('Authorization', `Bearer ${token}`);
      expect(signedIn.status).toBe(200);
      process.env.DOCS_PUBLIC = 'true';
      expect((await request(app.server()).get('/documentation/v1.0.0')).status).toBe(200);
    } finally {
      process.env.NODE_ENV = saved.NODE_ENV;
      if (saved.DOCS_PUBLIC === undefined) delete process.env.DOCS_PUBLIC;
      else process.env.DOCS_PUBLIC = saved.DOCS_PUBLIC;
    }
  });
});
