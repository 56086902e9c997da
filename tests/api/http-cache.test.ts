import request from 'supertest';
import { redactUrl } from '../../src/domain/request-path';
import type { ResponseCache } from '../../src/infra/response-cache';
import { overrideEnv } from '../setup/env-override';
import { fullAccessToken } from '../setup/http';
import { useStrapi } from '../setup/strapi';

// The website below may call the API from browsers (Website widgets settings).
overrideEnv({ WIDGET_ALLOWED_ORIGINS: 'https://sotuphap.example.gov.vn' });
const app = useStrapi();

/**
 * Counts the SQL statements a public read would run while `work` runs: those on the content's tables (`uids`) and on
 * the users-permissions tables (a request through Koa reads the public role's permissions). The instance's background
 * jobs (the private-file sweep, the outbox) may query other tables meanwhile: on a loaded CI machine two such
 * statements once fell within a hit.
 */
async function queriesDuring(uids: string[], work: () => Promise<unknown>) {
  const strapi = app.strapi();
  const tables = [...uids.map((uid) => strapi.db.metadata.get(uid).tableName), 'up_[a-z_]+'];
  const readsContent = new RegExp(`[\`"](${tables.join('|')})[\`"]`);
  let count = 0;
  const listener = ({ sql }: { sql: string }) => {
    if (readsContent.test(sql)) count += 1;
  };
  const knex = strapi.db.connection;
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  return count;
}

describe('HTTP caching of public reads', () => {
  const path = '/api/articles?pagination[pageSize]=5&sort=title:asc';

  it('sends a strong ETag and a short public Cache-Control with stale-while-revalidate', async () => {
    const res = await request(app.server()).get(path);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const first = await request(app.server()).get(path);
    const again = await request(app.server()).get(path).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await request(app.server()).get(path).set('If-None-Match', '"something-else"');
    expect(other.status).toBe(200);
  });

  it('serves a repeated request from the cache without touching the database', async () => {
    const url = '/api/procedures?pagination[pageSize]=3&sort=nationalCode:desc';
    const miss = await request(app.server()).get(url);
    expect(miss.headers['x-cache']).toBe('MISS');
    let hit: request.Response | undefined;
    const queries = await queriesDuring(['api::procedure.procedure'], async () => {
      hit = await request(app.server()).get(url);
    });
    expect(hit!.headers['x-cache']).toBe('HIT');
    expect(hit!.body).toEqual(miss.body);
    expect(hit!.headers.etag).toBe(miss.headers.etag);
    expect(queries).toBe(0);
  });

  it('never caches a request with credentials', async () => {
    const token = await fullAccessToken(app.strapi());
    const res = await request(app.server()).get(path).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['cache-control'] ?? '').not.toMatch(/public/);
  });

  it('never caches feedback status lookups or form tokens', async () => {
    const form1 = await request(app.server()).get('/api/feedbacks/form');
    const form2 = await request(app.server()).get('/api/feedbacks/form');
    expect(form1.headers['cache-control']).toBe('no-store');
    expect(form2.body.data.formToken).not.toBe(form1.body.data.formToken);
  });

  it.each(['update', 'unpublish', 'delete'])('shows the change at once after a %s', async (action) => {
    const strapi = app.strapi();
    const documents = strapi.documents('api::article.article');
    const [article] = await documents.findMany({
      status: 'published',
      locale: 'vi',
      limit: 1,
      sort: 'title:asc',
    });
    const url = `/api/articles/${article.documentId}`;
    const before = await request(app.server()).get(url);
    expect(before.status).toBe(200);
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('HIT');

    if (action === 'update') {
      await documents.update({
        documentId: article.documentId,
        locale: 'vi',
        data: { title: 'Tiêu đề mới' } as never,
      });
      await documents.publish({ documentId: article.documentId, locale: 'vi' });
      const after = await request(app.server()).get(url);
      expect(after.headers['x-cache']).toBe('MISS');
      expect(after.body.data.title).toBe('Tiêu đề mới');
      expect(after.headers.etag).not.toBe(before.headers.etag);
    } else {
      if (action === 'unpublish') await documents.unpublish({ documentId: article.documentId, locale: 'vi' });
      else await documents.delete({ documentId: article.documentId, locale: '*' });
      const after = await request(app.server()).get(url);
      expect(after.status).toBe(404);
    }
  });

  it('invalidates when media change', async () => {
    const url = '/api/campaigns';
    await request(app.server()).get(url);
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('HIT');
    await app
      .strapi()
      .db.query('plugin::upload.file')
      .create({
        data: {
          name: 'x.png',
          hash: 'x',
          ext: '.png',
          mime: 'image/png',
          size: 1,
          url: '/uploads/x.png',
          provider: 'local',
        },
      });
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('MISS');
  });
});

/** How many requests Koa handled (each gets a context) while `work` runs: none for a hit answered at the listener. */
async function koaContextsDuring(work: () => Promise<unknown>) {
  const createContext = jest.spyOn(app.strapi().server.app, 'createContext');
  try {
    await work();
    return createContext.mock.calls.length;
  } finally {
    createContext.mockRestore();
  }
}

describe('cache hits answered at the HTTP listener, before Koa', () => {
  const url = '/api/legal-documents?pagination[pageSize]=4';
  /** The headers a hit and a miss must share: all but the date, the cache state and what a 304 drops. */
  const shared = (res: request.Response) => {
    const {
      date: _date,
      'x-cache': _state,
      'content-length': _length,
      'content-type': _type,
      ...rest
    } = res.headers;
    return rest;
  };
  let miss: request.Response;

  beforeAll(async () => {
    miss = await request(app.server()).get(url);
    expect(miss.headers['x-cache']).toBe('MISS');
    // Once a hit has taken the whole chain (this one, or one in a test above), the listener replays its headers.
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('HIT');
  });

  it('sends the headers of the full chain, the same bytes, and runs no SQL', async () => {
    let hit: request.Response | undefined;
    let contexts = -1;
    const queries = await queriesDuring(['api::legal-document.legal-document'], async () => {
      contexts = await koaContextsDuring(async () => {
        hit = await request(app.server()).get(url);
      });
    });
    expect(queries).toBe(0);
    expect(contexts).toBe(0);
    expect(hit!.headers['x-cache']).toBe('HIT');
    expect(shared(hit!)).toEqual(shared(miss));
    expect(hit!.headers['content-type']).toBe(miss.headers['content-type']);
    expect(hit!.text).toBe(miss.text);
    for (const header of ['content-security-policy', 'strict-transport-security', 'x-frame-options'])
      expect(hit!.headers[header]).toBe(miss.headers[header]);
    expect(hit!.headers['x-powered-by']).toBe('Strapi <strapi.io>');
    expect(hit!.headers.vary).toBe('Origin');
    expect(hit!.headers['access-control-allow-credentials']).toBe('true');
  });

  it('gives a request with an Origin the CORS headers', async () => {
    const origin = 'https://sotuphap.example.gov.vn';
    let hit: request.Response | undefined;
    expect(
      await koaContextsDuring(async () => {
        hit = await request(app.server()).get(url).set('Origin', origin);
      })
    ).toBe(1);
    hit = hit!;
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['access-control-allow-origin']).toBe(origin);
    expect(shared(hit)).toEqual({ ...shared(miss), 'access-control-allow-origin': origin });
  });

  it('answers HEAD and If-None-Match with the same headers', async () => {
    let head: request.Response | undefined;
    expect(
      await koaContextsDuring(async () => {
        head = await request(app.server()).head(url);
      })
    ).toBe(0);
    head = head!;
    expect(head.status).toBe(200);
    expect(head.headers['x-cache']).toBe('HIT');
    expect(head.text).toBeFalsy();
    expect(head.headers['content-length']).toBe(miss.headers['content-length']);
    expect(shared(head)).toEqual(shared(miss));
    let notModified: request.Response | undefined;
    expect(
      await koaContextsDuring(async () => {
        notModified = await request(app.server()).get(url).set('If-None-Match', miss.headers.etag);
      })
    ).toBe(0);
    notModified = notModified!;
    expect(notModified.status).toBe(304);
    expect(notModified.headers['x-cache']).toBe('HIT');
    expect(shared(notModified)).toEqual(shared(miss));
  });

  it('caches case variants apart, with the same headers, and makes them stale with the rest', async () => {
    const variant = '/API/Legal-Documents/?pagination[pageSize]=4';
    expect((await request(app.server()).get(variant)).headers['x-cache']).toBe('MISS');
    const hit = await request(app.server()).get(variant);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(shared(hit)).toEqual(shared(miss));
    await (app.strapi().get('response-cache') as ResponseCache).invalidate('content');
    expect((await request(app.server()).get(variant)).headers['x-cache']).toBe('MISS');
    expect((await request(app.server()).get(url)).headers['x-cache']).toBe('MISS');
  });

  it('logs a hit as request-logger does, secrets redacted, only at the http level', async () => {
    const strapi = app.strapi();
    const code = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23';
    const secretUrl = `${url}&filters[symbol][$eq]=${code}`;
    await request(app.server()).get(secretUrl);
    const http = jest.spyOn(strapi.log, 'http').mockImplementation(() => strapi.log);
    const level = jest.spyOn(strapi.log, 'isLevelEnabled');
    try {
      level.mockReturnValue(false);
      expect((await request(app.server()).get(secretUrl)).headers['x-cache']).toBe('HIT');
      expect(http).not.toHaveBeenCalled();
      level.mockReturnValue(true);
      const contexts = await koaContextsDuring(async () => {
        expect((await request(app.server()).get(secretUrl)).headers['x-cache']).toBe('HIT');
      });
      expect(contexts).toBe(0);
      expect(http).toHaveBeenCalledTimes(1);
      const line = String(http.mock.calls[0][0]);
      expect(line).not.toContain(code);
      expect(line.startsWith(`GET ${redactUrl(secretUrl)} (`)).toBe(true);
      expect(line).toMatch(/ \(\d+ ms\) 200$/);
    } finally {
      http.mockRestore();
      level.mockRestore();
    }
  });

  it('never answers a request with credentials from the cache', async () => {
    await request(app.server()).get(url);
    const token = await fullAccessToken(app.strapi());
    for (const authorization of [`Bearer ${token}`, 'Bearer not-a-token', 'Basic eDp5']) {
      const res = await request(app.server()).get(url).set('Authorization', authorization);
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('passes to the full chain when the cache fails', async () => {
    const cache = app.strapi().get('response-cache') as ResponseCache;
    const failing = jest.spyOn(cache, 'get').mockRejectedValueOnce(new Error('Redis down'));
    try {
      const res = await request(app.server()).get(url);
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBe('HIT');
      // Once at the listener, which then passes the request to Koa, once in the middleware.
      expect(failing).toHaveBeenCalledTimes(2);
    } finally {
      failing.mockRestore();
    }
  });
});
