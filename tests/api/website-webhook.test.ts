import http from 'http';
import type { AddressInfo } from 'net';
import { overrideEnv } from '../setup/env-override';
import { useStrapi } from '../setup/strapi';

// The website's revalidation endpoint, on loopback.
const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
const website = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body: JSON.parse(body) });
    res.end('ok');
  });
});
afterAll(() => {
  website.closeAllConnections();
  return new Promise((resolve) => website.close(resolve));
});

overrideEnv({ WEBSITE_REVALIDATE_URL: undefined, WEBSITE_REVALIDATE_SECRET: 'website-shared-secret' });
// Registered before useStrapi(): the endpoint listens before Strapi boots and reads the settings.
beforeAll(async () => {
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  const { port } = website.address() as AddressInfo;
  process.env.WEBSITE_REVALIDATE_URL = `http://127.0.0.1:${port}/revalidate`;
});

const app = useStrapi();

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return check();
}

describe('website revalidation webhook', () => {
  it('is created once from the settings', async () => {
    const webhooks = await app.strapi().get('webhookStore').findWebhooks();
    const ours = webhooks.filter((w: { name: string }) => w.name === 'Website revalidation');
    expect(ours).toHaveLength(1);
    expect(ours[0].events).toEqual(['entry.publish', 'entry.unpublish']);
  });

  it('tells the website about a publication and an unpublication, with its secret', async () => {
    const articles = app.strapi().documents('api::article.article');
    const [article] = await articles.findMany({ status: 'published', locale: 'vi', limit: 1 });
    await articles.unpublish({ documentId: article.documentId, locale: 'vi' });
    await articles.publish({ documentId: article.documentId, locale: 'vi' });
    expect(await until(() => received.length >= 2)).toBe(true);
    expect(received.map((r) => r.body.event)).toEqual(['entry.unpublish', 'entry.publish']);
    expect(received[1].body).toMatchObject({ model: 'article', uid: 'api::article.article' });
    expect(received[1].headers.authorization).toBe('Bearer website-shared-secret');
  });

  it('is not called for internal records such as feedback', async () => {
    const before = received.length;
    const [feedback] = await app.strapi().documents('api::feedback.feedback').findMany({ limit: 1 });
    await app
      .strapi()
      .documents('api::feedback.feedback')
      .update({ documentId: feedback.documentId, data: { subject: 'Cập nhật' } as never });
    await new Promise((r) => setTimeout(r, 500));
    expect(received.length).toBe(before);
  });
});
