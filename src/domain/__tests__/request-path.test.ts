import { bodyRoutes, bodyRuleFor, DEFAULT_BODY } from '../request-bodies';
import { findRoute, normalizePath, redactUrl } from '../request-path';

describe('normalizePath', () => {
  it.each([
    ['/api/feedbacks', '/api/feedbacks'],
    ['/api/FEEDBACKS', '/api/feedbacks'],
    ['/api/feedbacks/', '/api/feedbacks'],
    ['//api//feedbacks//', '/api/feedbacks'],
    ['/api/Survey-Responses', '/api/survey-responses'],
    ['/api/feed%62acks', '/api/feedbacks'],
    ['/api/feedbacks%2Fstatus', '/api/feedbacks%2fstatus'],
    ['/', '/'],
    ['', '/'],
    ['/api/feedbacks?x=1', '/api/feedbacks'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizePath(raw)).toBe(normalized);
  });
});

describe('findRoute', () => {
  const routes = [{ method: 'GET', path: '/api/feedbacks/status/:trackingCode', name: 'lookup' }];
  it('matches any case and slashes, one segment per parameter', () => {
    expect(findRoute(routes, 'get', '/api/FEEDBACKS/Status/ABCD')?.name).toBe('lookup');
    expect(findRoute(routes, 'GET', '//api/feedbacks/status/ABCD/')?.name).toBe('lookup');
    expect(findRoute(routes, 'GET', '/api/feedbacks/status')).toBeUndefined();
    expect(findRoute(routes, 'GET', '/api/feedbacks/status/a/b')).toBeUndefined();
    expect(findRoute(routes, 'POST', '/api/feedbacks/status/a')).toBeUndefined();
  });
});

describe('redactUrl', () => {
  const code = 'JZP9-N05T-C8J6-N8SH-RX6B-NCX5-X2';
  it.each([
    `/api/feedbacks/status/${code}`,
    `/api/FEEDBACKS/status/${code}`,
    `/api/feedbacks/Status/${code.toLowerCase()}`,
    `//api//feedbacks/status/${code}/`,
    `/api/feedbacks/status/${encodeURIComponent(code)}?x=1`,
    `/api/feedbacks/status/zz?trackingCode=${code}`,
    `/api/anything?q=${code.replace(/-/g, '')}`,
    `/api/anything?q=${code.replace(/-/g, '%2D')}`,
    `/api/anything?Form_Token=abc${code}`,
  ])('never writes the code: %s', (url) => {
    const line = redactUrl(url);
    expect(line.toUpperCase()).not.toContain('JZP9');
    expect(line).toContain('[redacted]');
  });

  it('keeps ordinary URLs readable, without control characters', () => {
    expect(redactUrl('/api/articles?locale=vi&pagination[page]=2')).toBe(
      '/api/articles?locale=vi&pagination[page]=2'
    );
    expect(redactUrl('/api/feedbacks/status/abc')).toBe('/api/feedbacks/status/[redacted]');
    expect(redactUrl('/api/x?a=%0d%0aforged')).toBe('/api/x?a=forged');
  });
});

describe('bodyRuleFor', () => {
  const env = { FEEDBACK_MAX_FILES: '2', FEEDBACK_MAX_FILE_MB: '3', UNIT_SUBMISSION_MAX_FILE_MB: '4' };
  const routes = bodyRoutes(env);
  it('declares the file routes with their limits, matched like the router', () => {
    const feedback = bodyRuleFor(routes, 'POST', '/api/Feedbacks/');
    expect(feedback.files).toMatchObject({ maxFiles: 2, maxTotalFileBytes: 6 * 1024 * 1024 });
    expect(feedback.maxBytes).toBeGreaterThan(6 * 1024 * 1024);
    expect(bodyRuleFor(routes, 'POST', '/unit-submissions/submissions/abc/attachments').files).toMatchObject({
      maxFiles: 10,
      maxTotalFileBytes: 40 * 1024 * 1024,
    });
    expect(bodyRuleFor(routes, 'POST', '/upload').files).toBeDefined();
  });

  it('gives every other route the 1 MB cap and no files', () => {
    for (const [method, path] of [
      ['POST', '/api/articles'],
      ['POST', '/_health'],
      ['PUT', '/api/feedbacks'],
      ['POST', '/admin/login'],
    ]) {
      expect(bodyRuleFor(routes, method, path)).toBe(DEFAULT_BODY);
    }
    expect(bodyRuleFor(routes, 'POST', '/api/SURVEY-responses')).toMatchObject({ maxBytes: 64 * 1024 });
  });
});
