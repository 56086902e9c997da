/**
 * Issue 16, point 3: one search across the site (`GET /api/search`) returns a ranked group per type, procedures,
 * published articles and published answers, each result with a plain-text snippet; answers only through their
 * public texts, contacts masked; drafts never. Bad parameters get a bilingual ValidationError.
 */
import request from 'supertest';
import { demo } from '../setup/demo';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const search = (query: string) => request(app.server()).get(`/api/search?${query}`);
const group = (body: Entry, type: string) => body.data.find((g: Entry) => g.type === type);
const titles = (body: Entry, type: string) => group(body, type).results.map((r: Entry) => r.title);

let answer: string;

beforeAll(async () => {
  // A published answer whose public texts name a walrus and, left by mistake, a phone number.
  const feedback = app.strapi().documents('api::feedback.feedback');
  const [published] = await feedback.findMany({ filters: { state: 'published' }, limit: 1 });
  answer = published.documentId;
  await feedback.update({
    documentId: answer,
    data: {
      answerPublished: true,
      publicSubject: 'Thủ tục nuôi hải mã ở vùng ven biển',
      publicContent: 'Hỏi cách xin phép nuôi hải mã, liên hệ 0912 345 678.',
      publicAnswer: 'Sở đã hướng dẫn hồ sơ nuôi hải mã.',
    } as never,
  });
});

describe('GET /api/search', () => {
  it('answers one ranked group per type, each result with a plain-text snippet', async () => {
    const res = await search(`q=${encodeURIComponent('giấy phép môi trường')}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((g: Entry) => g.type)).toEqual(['procedure', 'article', 'answer']);
    const procedures = group(res.body, 'procedure');
    expect(procedures.total).toBeGreaterThan(0);
    expect(procedures.results[0].title).toMatch(/giấy phép môi trường/i);
    expect(procedures.results[0]).toMatchObject({
      nationalCode: expect.any(String),
      field: expect.any(Object),
    });
    const [article] = group(res.body, 'article').results;
    expect(article.title).toBe(
      'Giấy phép môi trường: những thay đổi doanh nghiệp cần biết trước ngày 01/01/2022'
    );
    expect(article).toMatchObject({ slug: expect.any(String), kind: expect.any(String) });
    // Its title or summary, whichever holds more of the query: each highlight is one of its words.
    expect(article.snippet.highlights.length).toBeGreaterThanOrEqual(4);
    for (const [start, end] of article.snippet.highlights)
      expect(article.snippet.text.slice(start, end)).toMatch(/^(giấy|phép|môi|trường)$/i);
    expect(res.body.meta).toEqual({ pagination: { page: 1, pageSize: 10 }, search: { ignored: [] } });
  });

  it('finds published answers by their public texts, with contacts masked, and never by a contact', async () => {
    const res = await search(`q=${encodeURIComponent('nuoi hai ma')}&types=answer`);
    expect(res.body.data).toHaveLength(1);
    const [hit] = group(res.body, 'answer').results;
    expect(hit).toMatchObject({ documentId: answer, title: 'Thủ tục nuôi hải mã ở vùng ven biển' });
    const masked = await search(`q=${encodeURIComponent('hải mã liên hệ')}&types=answer`);
    expect(JSON.stringify(masked.body)).not.toContain('345');
    expect(group((await search('q=0912345678&types=answer')).body, 'answer').total).toBe(0);
    expect(group((await search('q=0912%20345%20678&types=answer')).body, 'answer').total).toBe(0);
  });

  it('finds published articles only, in the locale asked, newest first among equals', async () => {
    const drafts = demo('articles.json').filter((a: Entry) => !a.published);
    for (const draft of drafts) {
      const res = await search(`q=${encodeURIComponent(draft.vi.title)}&types=article&pageSize=100`);
      expect(titles(res.body, 'article')).not.toContain(draft.vi.title);
    }
    const en = await search(`q=${encodeURIComponent('environmental permits')}&types=article&locale=en`);
    expect(titles(en.body, 'article')[0]).toMatch(/^Environmental permits/);
  });

  it('ranks a national code first in the procedures, and finds nothing else by it', async () => {
    const [procedure] = demo('procedures.json');
    const res = await search(`q=${procedure.nationalCode}`);
    expect(group(res.body, 'procedure').results[0].nationalCode).toBe(procedure.nationalCode);
    expect(group(res.body, 'article').total).toBe(0);
    expect(group(res.body, 'answer').total).toBe(0);
  });

  it('understands the query once for every group: stop words out, synonyms in, a suggestion per group', async () => {
    const res = await search(`q=${encodeURIComponent('thủ tục làm sổ đỏ')}&types=procedure`);
    expect(res.body.meta.search.ignored).toEqual(['thu tuc', 'lam']);
    expect(titles(res.body, 'procedure').join(' ')).toMatch(/giấy chứng nhận/i);
    const typo = await search(`q=${encodeURIComponent('truomg qqqxwz zzyyxx')}&types=procedure`);
    expect(group(typo.body, 'procedure')).toMatchObject({
      partial: true,
      suggestion: 'truong qqqxwz zzyyxx',
    });
  });

  it('pages each group', async () => {
    const first = await search(`q=dat&types=procedure&pageSize=2`);
    const second = await search(`q=dat&types=procedure&pageSize=2&page=2`);
    const [a, b] = [first, second].map((res) => group(res.body, 'procedure'));
    expect(a.total).toBeGreaterThan(4);
    expect(a.results).toHaveLength(2);
    expect(b.results.map((r: Entry) => r.documentId)).not.toContain(a.results[0].documentId);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2 });
  });

  it.each([
    ['no query', 'types=article', 'q'],
    ['a query of punctuation', 'q=%20%2C%2C', 'q'],
    ['an unknown type', 'q=dat&types=article,video', 'types'],
    ['an empty type in the list', 'q=dat&types=article,,answer', 'types'],
    ['two queries', 'q=dat&q=nuoc', 'q'],
    ['nested parameters', 'q[$ne]=x', 'q'],
    ['an unknown parameter', 'q=dat&filters[title]=x', 'filters'],
    ['a page past the bound', 'q=dat&page=10001', 'page'],
    ['a page size of 0', 'q=dat&pageSize=0', 'pageSize'],
    ['a locale that does not exist', 'q=dat&locale=fr', 'locale'],
    ['a query over 200 characters', `q=${'a'.repeat(201)}`, 'q'],
  ])('refuses %s with a bilingual field error', async (_what, query, path) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const error = res.body.error.details.errors.find((e: Entry) => e.path[0] === path);
    expect(error).toMatchObject({ messages: { vi: expect.any(String), en: expect.any(String) } });
  });

  it('answers a case variant of its path as itself (routes ignore case), and takes no other method', async () => {
    const res = await search('q=dat');
    const variant = await request(app.server()).get('/api/SEARCH?q=dat');
    expect(variant.status).toBe(200);
    expect(variant.body).toEqual(res.body);
    expect((await request(app.server()).get('/api/Search?q=')).status).toBe(400);
    const posted = await request(app.server()).post('/api/search?q=dat').send({});
    expect([404, 405]).toContain(posted.status);
  });
});
