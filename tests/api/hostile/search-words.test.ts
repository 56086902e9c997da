/**
 * Issue 16: the search's reading of a query under hostile input. Stop words beside a national code ask for that
 * code alone, whatever the case, repetition or unknown codes; `q` as an object, a locale that does not exist and
 * case-variant paths are refused or read as the real path, never a 500.
 */
import request from 'supertest';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const get = (url: string) => request(app.server()).get(url);
const codes = (body: Entry) => (body.data ?? []).map((p: Entry) => p.nationalCode);
const errorPaths = (body: Entry) => (body.error?.details?.errors ?? []).map((e: Entry) => e.path.join('.'));

describe('stop words beside a national code', () => {
  it.each([
    'THỦ TỤC 9.002002',
    'thu tuc   9.002002  9.002002',
    'hồ sơ thủ tục 9.002002',
    'thủ tục 9.002002 9.999999',
  ])('"%s" lists that procedure alone', async (q) => {
    const res = await get(`/api/procedures/search?q=${encodeURIComponent(q)}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(['9.002002']);
  });

  it('finds nothing, without a 500, for stop words beside an unknown code', async () => {
    const res = await get(`/api/procedures/search?q=${encodeURIComponent('thủ tục 9.999999')}`);
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual([]);
  });

  it('gives the site-wide search the code alone too', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('thủ tục 9.002002')}&types=procedure`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('9.002002');
    expect(res.body.meta.search.ignored).toEqual(['thu tuc']);
  });
});

describe('hostile shapes', () => {
  it.each([
    ['/api/procedures/search?q[$ne]=x', 'q'],
    ['/api/procedures/search?q[0]=thu&q[1]=9.002002', 'q'],
    ['/api/search?q[$contains]=dat', 'q'],
  ])('refuses %s under its parameter', async (url, path) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(errorPaths(res.body)).toContain(path);
  });

  it('refuses a locale that does not exist', async () => {
    const res = await get(`/api/procedures/search?q=${encodeURIComponent('thủ tục 9.002002')}&locale=fr`);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toContain('locale');
  });

  it('reads case-variant paths as the real one', async () => {
    const q = encodeURIComponent('thủ tục 9.002002');
    for (const url of [`/API/Procedures/Search?q=${q}`, `/api//procedures/search/?q=${q}`]) {
      const res = await get(url);
      expect(res.status).not.toBe(500);
      if (res.status === 200) expect(codes(res.body)).toEqual(['9.002002']);
    }
  });
});
