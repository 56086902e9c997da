/**
 * Issue 16: the search's synonyms are a list the IT Center keeps in the Content Manager. A new database starts with
 * the shipped list; an edit applies at once on this node and within a second on another one that shares the
 * database, without a restart (as a published procedure does); a bad entry is refused with a bilingual field error and nothing written; other roles cannot change it.
 */
import request from 'supertest';
import { DEFAULT_SYNONYMS } from '../../src/domain/default-synonyms';
import { adminLogin } from '../setup/http';
import { startServerNode } from '../setup/server-node';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const UID = 'api::synonym.synonym';
const CM = `/content-manager/collection-types/${UID}`;
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const UNIT = 'qldd@demo.example';
const tokens: Record<string, string> = {};
const PORT = 20000 + ((process.pid + 7) % 20000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

let penguin: string;

beforeAll(async () => {
  for (const email of [IT, OFFICE, UNIT]) tokens[email] = await adminLogin(app.server(), email);
  const field = await app.strapi().db.query('api::procedure-field.procedure-field').findOne({ where: {} });
  const created = await app
    .strapi()
    .documents('api::procedure.procedure')
    .create({
      locale: 'vi',
      status: 'published',
      data: {
        nationalCode: '9.990888',
        name: 'Cấp phép nuôi chim cánh cụt',
        implementingAgency: 'Sở',
        subjects: 'Tổ chức',
        onlineLevel: 'not_online',
        field: field.documentId,
        levels: [{ level: 'province' }],
      } as never,
    });
  penguin = created.documentId;
}, 60_000);

const as = (email: string) => ({
  get: (url: string) => request(app.server()).get(url).set('Authorization', `Bearer ${tokens[email]}`),
  post: (url: string) => request(app.server()).post(url).set('Authorization', `Bearer ${tokens[email]}`),
  put: (url: string) => request(app.server()).put(url).set('Authorization', `Bearer ${tokens[email]}`),
  del: (url: string) => request(app.server()).delete(url).set('Authorization', `Bearer ${tokens[email]}`),
});

/** The procedures that hold the whole query (none when the search falls back to partial matches). */
async function finds(server: Parameters<typeof request>[0], q: string): Promise<string[]> {
  const { body } = await request(server).get(`/api/procedures/search?q=${encodeURIComponent(q)}`);
  return body.meta.search.partial ? [] : body.data.map((p: Entry) => p.documentId);
}

describe('the synonym list', () => {
  it('starts with the shipped list, which the IT Center and the Office can read', async () => {
    const res = await as(IT).get(`${CM}?pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBe(DEFAULT_SYNONYMS.length);
    expect(res.body.results.map((e: Entry) => e.phrases)).toContain(DEFAULT_SYNONYMS[0].join('\n'));
    expect((await as(OFFICE).get(CM)).status).toBe(200);
  });

  /** What another node finds once it has read the search versions again: within a second (search-changes.ts). */
  async function findsWithin(server: string, q: string, holds: (ids: string[]) => boolean) {
    const started = Date.now();
    let ids = await finds(server, q);
    while (!holds(ids) && Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ids = await finds(server, q);
    }
    return { ids, ms: Date.now() - started };
  }

  /**
   * Another node on this database. Its response cache is off: across nodes that cache is shared through Redis (the
   * response cache's own tests); here the search's own reload is tested.
   */
  let started: Promise<unknown> | undefined;
  const other = `http://127.0.0.1:${PORT}`;
  const otherNode = () => (started ??= startServerNode(PORT, { RESPONSE_CACHE: 'off' }));

  it('applies an edit at once on this node, and within a second on another one, without a restart', async () => {
    await otherNode();
    expect(await finds(app.server(), 'chim biển nam cực')).not.toContain(penguin);
    expect(await finds(other, 'chim biển nam cực')).not.toContain(penguin);

    const created = await as(IT).post(CM).send({ phrases: '  chim biển   nam cực \n\nchim cánh cụt\n' });
    expect(created.status).toBe(201);
    expect(created.body.data.phrases).toBe('chim biển nam cực\nchim cánh cụt');
    expect((await finds(app.server(), 'chim biển nam cực'))[0]).toBe(penguin);
    const first = (ids: string[]) => ids[0] === penguin;
    const gone = (ids: string[]) => !ids.includes(penguin);
    let seen = await findsWithin(other, 'chim biển nam cực', first);
    expect(seen.ids[0]).toBe(penguin);
    expect(seen.ms).toBeLessThan(2000);

    const id = created.body.data.documentId;
    const edited = await as(IT).put(`${CM}/${id}`).send({ phrases: 'chim cánh cụt\nchim nam cực' });
    expect(edited.status).toBe(200);
    expect((await finds(app.server(), 'chim nam cực'))[0]).toBe(penguin);
    seen = await findsWithin(other, 'chim nam cực', first);
    expect(seen.ids[0]).toBe(penguin);
    expect(await finds(other, 'chim biển nam cực')).not.toContain(penguin);

    expect((await as(IT).del(`${CM}/${id}`)).status).toBe(200);
    seen = await findsWithin(other, 'chim nam cực', gone);
    expect(seen.ids).not.toContain(penguin);
    expect(seen.ms).toBeLessThan(2000);
  }, 120_000);

  it('shows another node a procedure published, edited and unpublished here within a second', async () => {
    await otherNode();
    const documents = app.strapi().documents('api::procedure.procedure');
    const q = 'hải cẩu phương bắc';
    expect(await finds(other, q)).toEqual([]);
    await documents.update({
      documentId: penguin,
      locale: 'vi',
      data: { name: 'Cấp phép nuôi hải cẩu phương bắc' } as never,
    });
    await documents.publish({ documentId: penguin, locale: 'vi' });
    expect((await finds(app.server(), q))[0]).toBe(penguin);
    const seen = await findsWithin(other, q, (ids) => ids[0] === penguin);
    expect(seen.ids[0]).toBe(penguin);
    expect(seen.ms).toBeLessThan(2000);
    await documents.unpublish({ documentId: penguin, locale: 'vi' });
    expect(await finds(app.server(), q)).toEqual([]);
    expect((await findsWithin(other, q, (ids) => ids.length === 0)).ids).toEqual([]);
  }, 60_000);

  it.each([
    ['one way of saying it', { phrases: 'sổ đỏ' }],
    ['two that fold alike', { phrases: 'Sổ Đỏ\nso do' }],
    ['no phrases', { note: 'x' }],
    ['phrases that are not text', { phrases: ['sổ đỏ', 'sổ hồng'] }],
    ['a phrase too long', { phrases: `sổ đỏ\n${'a'.repeat(101)}` }],
    ['too many phrases', { phrases: Array.from({ length: 13 }, (_, i) => `cách ${i}`).join('\n') }],
  ])('refuses %s with a field error in both languages, writing nothing', async (_, body) => {
    const before = await app.strapi().db.query(UID).count();
    const res = await as(IT).post(CM).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const [error] = res.body.error.details.errors;
    expect(error.path).toEqual(['phrases']);
    if (error.messages) expect(error.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
    expect(await app.strapi().db.query(UID).count()).toBe(before);
  });

  it('cannot be changed by the Office, nor read by a unit editor', async () => {
    const [first] = (await as(IT).get(CM)).body.results;
    expect((await as(OFFICE).post(CM).send({ phrases: 'a b\nc d' })).status).toBe(403);
    expect((await as(OFFICE).put(`${CM}/${first.documentId}`).send({ phrases: 'a b\nc d' })).status).toBe(
      403
    );
    expect((await as(OFFICE).del(`${CM}/${first.documentId}`)).status).toBe(403);
    expect((await as(UNIT).get(CM)).status).toBe(403);
    expect((await as(UNIT).get(`/CONTENT-MANAGER/collection-types/${UID}`)).status).not.toBe(200);
    expect((await request(app.server()).get('/api/synonyms')).status).toBe(404);
  });
});
