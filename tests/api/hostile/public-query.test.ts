/**
 * Issue 12, part 1 (D1, D11, D16 and search paging): public queries go through the allow-list of
 * src/bootstrap/public-queries.ts. Every reproduction of the findings is a 400 that names the parameter; the
 * website's own queries still work; a secret planted in drafts and in a feedback never comes out.
 */
import request from 'supertest';
import { plantSecrets, SECRET, type PlantedSecrets } from '../../setup/public-secrets';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
let planted: PlantedSecrets;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const get = (url: string) => request(app.server()).get(url);
const errorPaths = (body: Entry) => (body.error?.details?.errors ?? []).map((e: Entry) => e.path.join('.'));

beforeAll(async () => {
  planted = await plantSecrets(app.strapi());
});

describe('public queries outside the allow-list', () => {
  it.each([
    // D1: the draft oracle through localizations, in filters and sort, on articles and procedures.
    ['/api/articles?filters[localizations][title][$startsWith]=BIMATZ', 'filters.localizations'],
    ['/api/articles?filters[localizations][title][$contains]=BIMATZX', 'filters.localizations'],
    ['/api/articles?filters[localizations][publishedAt][$null]=true', 'filters.localizations'],
    ['/api/articles?sort=localizations.title:asc', 'sort'],
    ['/api/articles?sort[0][localizations][title]=asc', 'sort.0.localizations'],
    ['/api/procedures?filters[localizations][publishedAt][$null]=true', 'filters.localizations'],
    ['/api/articles?filters[$or][0][localizations][title][$startsWith]=B', 'filters.$or.0.localizations'],
    [
      '/api/articles?filters[campaign][localizations][title][$startsWith]=B',
      'filters.campaign.localizations',
    ],
    ['/api/articles?populate[localizations]=true', 'populate.localizations'],
    ['/api/articles?populate[campaign][populate][createdBy]=true', 'populate.campaign.populate.createdBy'],
    ['/api/articles?populate[cover][populate][related]=*', 'populate.cover.populate.related'],
    ['/api/articles?populate[cover][fields][0]=folderPath', 'populate.cover.fields.0'],
    ['/api/plan-tasks?filters[unit][name][$startsWith]=a', 'filters.unit'],
    // Found by the fuzzer: a plan task has no drafts, so its link to a campaign reaches the campaign's draft too.
    ['/api/plan-tasks?filters[campaign][title][$containsi]=BIMATZ', 'filters.campaign'],
    ['/api/plan-tasks?sort=campaign.title', 'sort'],
    ['/api/articles?filters[planTask][campaign][title][$containsi]=BIMATZ', 'filters.planTask.campaign'],
    // D11: shapes that reached the database and answered 500.
    ['/api/articles?filters[title][$eq][$ne]=x', 'filters.title.$eq'],
    ['/api/articles?filters[0]=abc', 'filters'],
    ['/api/articles?filters[$or][title]=x', 'filters.$or'],
    ['/api/articles?filters[$not]=x', 'filters.$not'],
    ['/api/articles?filters[title][$regex]=x', 'filters.title.$regex'],
    ['/api/plans?filters[year][$eq]=abc', 'filters.year.$eq'],
    ['/api/articles?filters[publishedAt][$gt]=yesterday', 'filters.publishedAt.$gt'],
    // D16: the page is bounded.
    ['/api/articles?pagination[page]=999999999999999999999', 'pagination.page'],
    ['/api/articles?pagination[page]=10001', 'pagination.page'],
    ['/api/articles?pagination[limit]=-1', 'pagination.limit'],
    ['/api/articles?foo=bar', 'foo'],
  ])('%s is a 400 naming %s', async (url, path) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(errorPaths(res.body)).toContain(path);
    expect(res.body.error.details.errors[0].messages).toEqual({
      vi: expect.any(String),
      en: expect.any(String),
    });
  });

  it('reports every problem at once, as docs/API.md shows', async () => {
    const res = await get(
      '/api/articles?filters[localizations][title][$startsWith]=B&pagination[page]=99999'
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('2 errors occurred');
    expect(errorPaths(res.body)).toEqual(['filters.localizations', 'pagination.page']);
  });

  it('answers in English when asked', async () => {
    const res = await get('/api/articles?sort=localizations.title:asc').set('Accept-Language', 'en');
    expect(res.body.error.message).toMatch(/not allowed/);
  });
});

describe('the website’s own queries', () => {
  it('filters by slug, sorts by publishedAt, selects fields', async () => {
    const bySlug = await get(
      `/api/articles?filters[slug][$eq]=${planted.article.slug}&fields[0]=title&fields[1]=slug`
    );
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.data).toHaveLength(1);
    expect(bySlug.body.data[0].title).toBe(planted.article.title);
    expect(Object.keys(bySlug.body.data[0]).sort()).toEqual(['documentId', 'id', 'slug', 'title']);

    const sorted = await get(
      '/api/articles?sort=publishedAt:desc&pagination[pageSize]=100&fields[0]=publishedAt'
    );
    expect(sorted.status).toBe(200);
    const dates = sorted.body.data.map((a: Entry) => a.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('populates the campaign and the cover with their published versions only', async () => {
    const res = await get(
      `/api/articles/${planted.article.documentId}?populate[campaign][fields][0]=title&populate[cover][fields][0]=name&populate[cover][fields][1]=url`
    );
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe(planted.article.title);
    expect(res.body.data.campaign.title).toBe(planted.campaign.title);
    expect(res.body.data.cover).toMatchObject({ name: planted.publicCover.name });
    expect(Object.keys(res.body.data.cover).sort()).toEqual(['documentId', 'id', 'name', 'url']);
  });

  it('expands populate=* to the allowed relations only', async () => {
    const res = await get(`/api/articles/${planted.article.documentId}?populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.campaign.title).toBe(planted.campaign.title);
    expect(res.body.data).not.toHaveProperty('localizations');
    const nested = await get(`/api/articles/${planted.article.documentId}?populate[campaign][populate]=*`);
    expect(nested.status).toBe(200);
    expect(nested.body.data.campaign).toHaveProperty('plan');
  });

  it('never shows the planted secrets', async () => {
    const draft = await app
      .strapi()
      .documents('api::article.article')
      .findOne({
        documentId: planted.article.documentId,
        locale: 'vi',
        status: 'draft',
        populate: ['cover'],
      });
    expect(draft?.title).toContain(SECRET);
    expect((draft?.cover as Entry).name.toUpperCase()).toContain(SECRET);
    const urls = [
      `/api/articles?filters[title][$containsi]=${SECRET}`,
      `/api/articles?filters[campaign][title][$containsi]=${SECRET}`,
      `/api/campaigns?filters[title][$containsi]=${SECRET}`,
      `/api/articles/${planted.article.documentId}?populate=*`,
      `/api/articles?populate[campaign][populate]=*&populate[cover]=true&pagination[pageSize]=100`,
      `/api/campaigns?populate=*&pagination[pageSize]=100`,
      `/api/plans?populate[campaigns][populate]=*`,
      `/api/plan-tasks?populate[campaign][fields][0]=title&pagination[pageSize]=100`,
      `/api/articles?populate[planTask][populate][campaign]=true&pagination[pageSize]=100`,
      `/api/procedures/search?q=${SECRET}`,
      `/api/search?q=${SECRET}`,
      `/api/search?q=${planted.phone}`,
      `/api/search?q=${SECRET.toLowerCase()}%20draft%20summary&types=article`,
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text.toUpperCase()).not.toContain(SECRET);
      expect(text).not.toContain(planted.phone);
    }
    const filtered = await get(`/api/articles?filters[title][$containsi]=${SECRET}`);
    expect(filtered.body.meta.pagination.total).toBe(0);
  });
});

describe('procedure search paging', () => {
  it('answers an empty page past the end with the right pagination', async () => {
    const first = await get('/api/procedures/search?q=dat%20dai');
    expect(first.status).toBe(200);
    const { total, pageSize } = first.body.meta.pagination;
    expect(total).toBeGreaterThan(0);
    const lastPage = Math.ceil(total / pageSize);
    for (const page of [lastPage + 1, lastPage + 50]) {
      const past = await get(`/api/procedures/search?q=dat%20dai&page=${page}`);
      expect(past.status).toBe(200);
      expect(past.body.data).toEqual([]);
      expect(past.body.meta.pagination).toEqual({ page, pageSize, pageCount: lastPage, total });
    }
  });

  it('answers a query made only of stop words and of synonym phrases with their longest alternatives', async () => {
    for (const q of [
      'thủ tục hồ sơ làm xin như thế nào',
      'sổ đỏ mua bán đất đền bù khai thác mỏ thế chấp nhà đất',
      'GCNQSDĐ giấy chứng nhận quyền sử dụng đất',
    ]) {
      const res = await get(`/api/procedures/search?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBe(res.body.data.length);
    }
  });

  it('bounds the page', async () => {
    const res = await get('/api/procedures/search?q=dat&page=10001');
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['page']);
  });
});
