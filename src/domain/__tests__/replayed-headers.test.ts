import { replayableHeaders } from '../replayed-headers';

describe('replayableHeaders', () => {
  it('keeps the security, powered-by and CORS headers; drops what belongs to one request or body', () => {
    expect(
      replayableHeaders({
        'content-security-policy': "default-src 'self'",
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-frame-options': 'SAMEORIGIN',
        'x-powered-by': 'Strapi <strapi.io>',
        vary: 'Origin',
        'content-length': 12,
        'content-type': 'application/json',
        etag: '"a"',
        'set-cookie': ['koa.sess=1'],
        'access-control-allow-origin': '',
        'access-control-allow-credentials': 'true',
        'cache-control': 'no-store',
        'x-cache': 'MISS',
        date: 'Thu, 01 Jan 2026 00:00:00 GMT',
        'x-missing': undefined,
      })
    ).toEqual([
      ['content-security-policy', "default-src 'self'"],
      ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
      ['x-frame-options', 'SAMEORIGIN'],
      ['x-powered-by', 'Strapi <strapi.io>'],
      ['vary', 'Origin'],
      ['access-control-allow-origin', ''],
      ['access-control-allow-credentials', 'true'],
    ]);
  });

  it('gives numbers as text and keeps repeated headers whole', () => {
    expect(replayableHeaders({ 'x-a': 1, 'x-b': ['1', '2'] })).toEqual([
      ['x-a', '1'],
      ['x-b', ['1', '2']],
    ]);
  });
});
