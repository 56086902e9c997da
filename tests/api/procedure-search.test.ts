import request from 'supertest';
import { DEFAULT_SYNONYMS } from '../../src/domain/default-synonyms';
import { prepareSynonyms, understandQuery } from '../../src/domain/search-query';
import { fold, terms } from '../../src/domain/search-text';
import { demo } from '../setup/demo';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();
const SYNONYMS = prepareSynonyms(DEFAULT_SYNONYMS);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const search = (query: string, headers: Record<string, string> = {}) =>
  request(app.server()).get(`/api/procedures/search?${query}`).set(headers);

/** What the search must find, computed independently from the demo files. */
function expected(q: string, locale: 'vi' | 'en' = 'vi', filter: (p: Entry) => boolean = () => true) {
  const fields = Object.fromEntries(
    demo('procedure-fields.json').map((f: Entry) => [f.code, f[locale].name])
  );
  // The query's concepts as search-query.ts understands them (unit-tested there); the matching is redone here.
  const { concepts } = understandQuery(fold(q).split(' ').filter(Boolean), SYNONYMS);
  return demo('procedures.json')
    .filter((p: Entry) => p[locale] && filter(p))
    .filter((p: Entry) => {
      const texts = [p[locale].name, p[locale].keywords, fields[p.field], p[locale].implementingAgency];
      const haystack = [...texts, p[locale].subjects, p[locale].result].flatMap((text) => terms(text ?? ''));
      return concepts.every(({ alternatives }) =>
        alternatives.some((words) => words.every((w) => haystack.some((t) => t.startsWith(w))))
      );
    })
    .map((p: Entry) => `${p.nationalCode}@${p.effectiveFrom}`)
    .sort();
}

/** The results that hold every concept of the query: they come first, and `matchedAll` counts them. */
const foundInFull = (body: Entry) => found({ data: body.data.slice(0, body.meta.search.matchedAll) });

const found = (body: Entry) =>
  body.data.map((p: Entry) => `${p.nationalCode}@${p.effectiveFrom}`).sort() as string[];

describe('GET /api/procedures/search', () => {
  it('ignores case and diacritics, đ folding to d, NFC and NFD alike', async () => {
    const want = expected('giấy phép môi trường');
    expect(want.length).toBeGreaterThan(1);
    const variants = [
      'giấy phép môi trường',
      'GIẤY PHÉP MÔI TRƯỜNG',
      'giay phep moi truong',
      'giấy phép môi trường'.normalize('NFD'),
    ];
    for (const q of variants) {
      const res = await search(`q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.status).toBe(200);
      expect(found(res.body)).toEqual(want);
    }
    const land = await search(`q=${encodeURIComponent('thu tuc dat dai')}&pageSize=100`);
    const landUpper = await search(`q=${encodeURIComponent('THỦ TỤC ĐẤT ĐAI')}&pageSize=100`);
    expect(found(land.body)).toEqual(found(landUpper.body));
    expect(found(land.body)).toEqual(expected('thu tuc dat dai'));
  });

  it('leaves out the stop words of the domain, and finds what the names say in other words', async () => {
    const land = await search(`q=${encodeURIComponent('thủ tục đất đai')}&pageSize=100`);
    expect(land.body.meta.pagination.total).toBeGreaterThan(0);
    expect(found(land.body)).toEqual(found((await search('q=dat%20dai&pageSize=100')).body));
    // The demo's names say "nước dưới đất" and "xả nước thải"; citizens say "nước ngầm" and "xả thải".
    for (const [q, said] of [
      ['khai thác nước ngầm', 'nuoc duoi dat'],
      ['xin giay phep xa thai', 'xa nuoc thai'],
    ]) {
      const res = await search(`q=${encodeURIComponent(q)}&pageSize=100`);
      expect(foundInFull(res.body)).toEqual(expected(q));
      expect(res.body.data.some((p: Entry) => fold(p.name).includes(said))).toBe(true);
    }
  });

  it('forgives one wrong letter from 5 letters, and suggests the corrected query when nothing holds it all', async () => {
    const typo = await search(`q=${encodeURIComponent('giấy phép môi truomg')}&pageSize=100`);
    expect(typo.body.meta.search).toMatchObject({ partial: false, suggestion: null, ignored: [] });
    expect(typo.body.meta.search.matchedAll).toBe(expected('giấy phép môi trường').length);
    expect(foundInFull(typo.body)).toEqual(expected('giấy phép môi trường'));
    // Four letters get no correction: "phpe" is not "phep".
    const short = await search(`q=${encodeURIComponent('giấy phpe')}&pageSize=100`);
    expect(short.body.meta.search.partial).toBe(true);
    const lost = await search(`q=${encodeURIComponent('môi truomg qqqxwz')}`);
    expect(lost.body.meta.search).toMatchObject({ partial: true, suggestion: 'moi truong qqqxwz' });
  });

  it('gives each result its name as plain text with the matched words as offsets', async () => {
    const res = await search(`q=${encodeURIComponent('GIAY PHEP moi truomg')}&pageSize=5`);
    for (const { name, snippet } of res.body.data) {
      expect(snippet.text).toBe(name);
      const words = snippet.highlights.map(([start, end]: [number, number]) => fold(name.slice(start, end)));
      expect(words.length).toBeGreaterThan(0);
      expect(
        words.every((word: string) => ['giay', 'phep', 'moi', 'truong'].some((q) => word.startsWith(q)))
      ).toBe(true);
    }
  });

  it('ranks a phrase as written above the same words scattered', async () => {
    const res = await search(`q=${encodeURIComponent('thủ tục cấp giấy phép')}&pageSize=100`);
    expect(res.body.meta.search.ignored).toEqual(['thu tuc']);
    const phrase = res.body.data.map((p: Entry) => fold(p.name).includes('cap giay phep'));
    expect(phrase.filter(Boolean).length).toBeGreaterThan(0);
    expect(phrase.filter((held: boolean) => !held).length).toBeGreaterThan(0);
    expect(phrase.lastIndexOf(true)).toBeLessThan(phrase.indexOf(false));
  });

  it('gives the best partial matches, flagged, when no procedure holds every word', async () => {
    const res = await search(`q=${encodeURIComponent('giay phep khongcotu')}&pageSize=100`);
    expect(res.body.meta.search).toMatchObject({ partial: true, matchedAll: 0 });
    // Two of three words is enough (all but one in three); one is not while some hold two.
    const both = expected('giay phep');
    expect(found(res.body)).toEqual(both);
    expect(res.body.meta.pagination.total).toBe(both.length);
    const one = await search(`q=${encodeURIComponent('qqqxw giấy')}&pageSize=100`);
    expect(one.body.meta.search).toMatchObject({ partial: true, matchedAll: 0 });
    expect(found(one.body)).toEqual(expected('giấy'));
    const none = await search(`q=${encodeURIComponent('qqqxw zzzvk')}`);
    expect(none.body).toMatchObject({
      data: [],
      meta: { pagination: { total: 0 }, search: { partial: false } },
    });
  });

  it('matches words of the field and keywords, not only the name', async () => {
    const land = demo('procedure-fields.json').find((f: Entry) => f.code === 'dat-dai');
    const res = await search(`q=${encodeURIComponent(land.vi.name)}&pageSize=100`);
    expect(found(res.body)).toEqual(expected(land.vi.name));
    expect(res.body.meta.pagination.total).toBeGreaterThanOrEqual(
      demo('procedures.json').filter((p: Entry) => p.field === 'dat-dai').length
    );
  });

  it('finds a national code exactly and ranks it first', async () => {
    const target = demo('procedures.json').find((p: Entry) => p.nationalCode === '9.002002');
    const alone = await search('q=9.002002');
    expect(alone.body.data.map((p: Entry) => p.nationalCode)).toEqual(['9.002002']);
    const mixed = await search(`q=${encodeURIComponent('9.002002 giấy phép')}&pageSize=100`);
    expect(mixed.body.data[0].nationalCode).toBe(target.nationalCode);
    expect(mixed.body.data.length).toBeGreaterThan(1);
    // Beside a code, the stop words ask for nothing more.
    const asked = await search(`q=${encodeURIComponent('thủ tục 9.002002')}&pageSize=100`);
    expect(asked.body.data.map((p: Entry) => p.nationalCode)).toEqual(['9.002002']);
    expect(asked.body.meta.search.ignored).toEqual(['thu tuc']);
  });

  it('ranks procedures whose name holds every word before those matching elsewhere', async () => {
    const res = await search(`q=${encodeURIComponent('đất')}&pageSize=100`);
    const names = res.body.data.map((p: Entry) => fold(p.name));
    const firstElsewhere = names.findIndex((n: string) => !n.split(' ').some((w) => w.startsWith('dat')));
    if (firstElsewhere >= 0) {
      expect(
        names.slice(firstElsewhere).every((n: string) => !n.split(' ').some((w) => w.startsWith('dat')))
      ).toBe(true);
    }
  });

  it('filters by field, level, online level and legal status', async () => {
    const byField = await search('field=moi-truong&pageSize=100');
    expect(found(byField.body)).toEqual(expected('', 'vi', (p) => p.field === 'moi-truong'));
    const amended = await search('status=amended&pageSize=100');
    expect(found(amended.body)).toEqual(expected('', 'vi', (p) => p.legalStatus === 'amended'));
    const online = await search('onlineLevel=fully_online&pageSize=100');
    expect(found(online.body)).toEqual(expected('', 'vi', (p) => p.onlineLevel === 'fully_online'));
    const district = await search('level=district&pageSize=100');
    expect(found(district.body)).toEqual(expected('', 'vi', (p) => p.levels.includes('district')));
    const combined = await search(
      `q=${encodeURIComponent('cấp')}&field=dat-dai&status=in_force&pageSize=100`
    );
    expect(found(combined.body)).toEqual(
      expected('cấp', 'vi', (p) => p.field === 'dat-dai' && p.legalStatus === 'in_force')
    );
  });

  it('answers in Strapi list shape, paginated', async () => {
    const all = expected('');
    const page2 = await search('pageSize=10&page=2');
    expect(page2.body.meta.pagination).toEqual({
      page: 2,
      pageSize: 10,
      pageCount: Math.ceil(all.length / 10),
      total: all.length,
    });
    expect(page2.body.data).toHaveLength(10);
    const page1 = await search('pageSize=10&page=1');
    const ids = new Set(page1.body.data.map((p: Entry) => p.documentId));
    expect(page2.body.data.some((p: Entry) => ids.has(p.documentId))).toBe(false);
    expect(page1.body.data[0]).toMatchObject({
      documentId: expect.any(String),
      field: { code: expect.any(String) },
    });
    expect(page1.body.data[0].createdBy).toBeUndefined();
  });

  it('searches the English texts with locale=en', async () => {
    const res = await search(`q=${encodeURIComponent('environmental permit')}&locale=en&pageSize=100`);
    expect(found(res.body)).toEqual(expected('environmental permit', 'en'));
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((p: Entry) => p.locale === 'en')).toBe(true);
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['level=huyen', 'level'],
    ['status=draft', 'status'],
    ['locale=fr', 'locale'],
    ['field=%3Cscript%3E', 'field'],
    ['q=' + 'a'.repeat(201), 'q'],
    ['populate=*', 'populate'],
    ['q[$ne]=x', 'q'],
  ])('refuses %s with a ValidationError on %s', async (query, path) => {
    const res = await search(query, { 'Accept-Language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const error = res.body.error.details.errors.find((e: Entry) => e.path[0] === path);
    expect(error).toBeDefined();
    expect(error.messages.vi).toEqual(expect.any(String));
    expect(error.messages.en).toBe(error.message);
  });

  it('follows publishing: drafts are not found, published and edited texts are, unpublished ones leave', async () => {
    const strapi = app.strapi();
    const field = await strapi.db
      .query('api::procedure-field.procedure-field')
      .findOne({ where: { code: 'dat-dai' } });
    const created = await strapi.documents('api::procedure.procedure').create({
      locale: 'vi',
      data: {
        nationalCode: '9.990777',
        name: 'Thủ tục thử nghiệm chim cánh cụt',
        implementingAgency: 'Sở',
        subjects: 'Tổ chức',
        onlineLevel: 'not_online',
        field: field.documentId,
        levels: [{ level: 'province' }],
      } as never,
    });
    const q = `q=${encodeURIComponent('chim canh cut')}`;
    const ids = async (query: string) => (await search(query)).body.data.map((p: Entry) => p.documentId);
    expect(await ids(q)).not.toContain(created.documentId);

    await strapi
      .documents('api::procedure.procedure')
      .publish({ documentId: created.documentId, locale: 'vi' });
    expect(await ids(q)).toEqual([created.documentId]);

    await strapi.documents('api::procedure.procedure').update({
      documentId: created.documentId,
      locale: 'vi',
      data: { name: 'Thủ tục thử nghiệm hải cẩu' } as never,
    });
    await strapi
      .documents('api::procedure.procedure')
      .publish({ documentId: created.documentId, locale: 'vi' });
    expect(await ids(q)).not.toContain(created.documentId);
    const seal = `q=${encodeURIComponent('hải cẩu')}`;
    expect((await ids(seal))[0]).toBe(created.documentId);

    await strapi
      .documents('api::procedure.procedure')
      .unpublish({ documentId: created.documentId, locale: 'vi' });
    expect(await ids(seal)).not.toContain(created.documentId);
  });

  it('uses an index on the word table', async () => {
    const strapi = app.strapi();
    const knex = strapi.db.connection;
    if (strapi.db.dialect.client === 'sqlite') {
      const plan = await knex.raw(
        `EXPLAIN QUERY PLAN SELECT document_id FROM search_terms WHERE model = 'procedure' AND locale = 'vi' AND term >= 'giay' AND term < 'giaz'`
      );
      expect(JSON.stringify(plan)).toMatch(/USING (COVERING )?INDEX search_terms_lookup_idx/);
    } else {
      const { rows } = await knex.raw(`SELECT indexdef FROM pg_indexes WHERE tablename = 'search_terms'`);
      expect(rows.map((r: Entry) => r.indexdef).join('\n')).toMatch(/\(model, locale, term, document_id\)/);
    }
  });
});
