/**
 * Issue 13: text search and sort in the submissions list and the review queue, bulk claim and approve for the
 * IT Center, and publishing the article from the submission page; as the IT Center, a unit's editor and an editor
 * of another unit.
 */
import request from 'supertest';
import { indexUnindexedModels } from '../../src/infra/search-index';
import { PDF } from '../setup/files';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const QLDD = 'qldd@demo.example';
const MT = 'moitruong@demo.example';
const IT = 'ttcntt@demo.example';
const OFFICE = 'vanphong@demo.example';
const tokens: Record<string, string> = {};
let units: Record<string, Entry>;
let itEditor: Entry;

const api = (method: 'get' | 'post' | 'put', path: string, email: string, body?: object) => {
  const req = request(app.server())
    [method](`/unit-submissions${path}`)
    .set({ Authorization: `Bearer ${tokens[email]}` });
  return body ? req.send(body) : req;
};

async function create(email: string, unitCode: string, title: string, body = 'Nội dung.') {
  const res = await api('post', '/submissions', email, {
    data: { title, kind: 'news', body, unit: units[unitCode].id },
  });
  expect(res.status).toBe(201);
  return res.body.data as Entry;
}

async function move(email: string, documentId: string, to: string, extra: Entry = {}) {
  const { version } = (await api('get', `/submissions/${documentId}`, email)).body.data;
  const res = await api('post', `/submissions/${documentId}/transitions`, email, { to, version, ...extra });
  expect(res.status).toBe(200);
  return res.body.data as Entry;
}

const titles = async (email: string, query: string) => {
  const res = await api('get', `/submissions?pageSize=100&${query}`, email);
  expect(res.status).toBe(200);
  return res.body.results.map((s: Entry) => s.title) as string[];
};

const bulk = (email: string, body: object) => api('post', '/submissions/bulk-transitions', email, body);

beforeAll(async () => {
  for (const email of [QLDD, MT, IT, OFFICE]) tokens[email] = await adminLogin(app.server(), email);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
  itEditor = await app
    .strapi()
    .db.query('admin::user')
    .findOne({ where: { email: IT } });
});

describe('text search in the list and the review queue', () => {
  beforeAll(async () => {
    await create(QLDD, 'P-QLDD', 'Alpha: Hội nghị tập huấn ĐẤT ĐAI Quýtxanh', 'Đăng ký biến động.');
    const sent = await create(QLDD, 'P-QLDD', 'Bravo: Thông báo Quýtxanh', 'Lịch tiếp công dân về đất đai.');
    await move(QLDD, sent.documentId, 'submitted');
    await create(MT, 'P-MT', 'Charlie: Quan trắc môi trường Quýtxanh', 'Đất đai và nước.');
  });

  it('matches title and body whatever the accents, case and Unicode form, as word prefixes', async () => {
    const all = [
      'Alpha: Hội nghị tập huấn ĐẤT ĐAI Quýtxanh',
      'Bravo: Thông báo Quýtxanh',
      'Charlie: Quan trắc môi trường Quýtxanh',
    ];
    for (const q of [
      'đất đai quýtxanh',
      'DAT DAI QUYTXANH',
      'Đất Đai Quýtxanh'.normalize('NFD'),
      '  quytxanh  ',
      'quytx',
    ]) {
      expect({ q, found: await titles(IT, `q=${encodeURIComponent(q)}&sort=title`) }).toEqual({
        q,
        found: all,
      });
    }
    expect(await titles(IT, `q=${encodeURIComponent('tap huan quytxanh')}`)).toEqual([all[0]]);
    expect(await titles(IT, `q=${encodeURIComponent('biến động quýtxanh')}`)).toEqual([all[0]]);
    // Every word must match: one word found nowhere finds nothing.
    expect(await titles(IT, `q=${encodeURIComponent('quytxanh khongcodau')}`)).toEqual([]);
    // Words start where words start: the middle of a word is not a match.
    expect(await titles(IT, 'q=ytxanh')).toEqual([]);
  });

  it('keeps a unit editor within their units, and the queue within its states', async () => {
    expect(await titles(MT, 'q=quytxanh')).toEqual(['Charlie: Quan trắc môi trường Quýtxanh']);
    expect(await titles(MT, `q=quytxanh&unit=${units['P-QLDD'].id}`)).toEqual([]);
    expect(await titles(QLDD, 'q=quytxanh&sort=title:desc')).toEqual([
      'Bravo: Thông báo Quýtxanh',
      'Alpha: Hội nghị tập huấn ĐẤT ĐAI Quýtxanh',
    ]);
    expect(await titles(IT, 'q=quytxanh&queue=true')).toEqual(['Bravo: Thông báo Quýtxanh']);
  });

  it('follows edits, and finds rows written before the index by the bootstrap backfill', async () => {
    const draft = await create(QLDD, 'P-QLDD', 'Delta: Bản nháp Quýtxanh');
    const edit = await api('put', `/submissions/${draft.documentId}`, QLDD, {
      version: draft.version,
      data: { title: 'Delta: Bản sửa Mậnchín' },
    });
    expect(edit.status).toBe(200);
    expect(await titles(QLDD, 'q=manchin')).toEqual(['Delta: Bản sửa Mậnchín']);
    expect(await titles(QLDD, 'q=quytxanh')).not.toContain('Delta: Bản nháp Quýtxanh');

    const knex = app.strapi().db.connection;
    await knex('search_terms').where({ model: 'submission' }).delete();
    expect(await titles(IT, 'q=quytxanh')).toEqual([]);
    await indexUnindexedModels(app.strapi());
    expect((await titles(IT, 'q=quytxanh')).length).toBe(3);
  });

  it('sorts by the shown columns, and refuses any other sort', async () => {
    const unitsIn = async (sort: string) =>
      (await api('get', `/submissions?q=quytxanh&sort=${sort}`, IT)).body.results.map(
        (s: Entry) => s.unit.id
      );
    const ascending = await unitsIn('unit');
    expect(ascending).toHaveLength(3);
    expect(await unitsIn('unit:desc')).toEqual([...ascending].reverse());
    const byState = await api('get', '/submissions?q=quytxanh&sort=state', IT);
    expect(byState.body.results.map((s: Entry) => s.state)).toEqual(['draft', 'draft', 'submitted']);
    for (const sort of ['id', 'body', 'unit.name', 'title:sideways', 'createdBy']) {
      const res = await api('get', `/submissions?sort=${sort}`, IT);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['sort']);
    }
  });
});

describe('bulk claim and approve', () => {
  let a: Entry;
  let b: Entry;
  let theirs: Entry;
  let draft: Entry;
  const UNKNOWN = 'zzzzzzzzzzzzzzzzzzzzzzzz';

  beforeAll(async () => {
    a = await create(QLDD, 'P-QLDD', 'Echo: bulk A');
    b = await create(QLDD, 'P-QLDD', 'Foxtrot: bulk B');
    theirs = await create(MT, 'P-MT', 'Golf: bulk C');
    draft = await create(QLDD, 'P-QLDD', 'Hotel: bulk draft');
    for (const s of [a, b]) await move(QLDD, s.documentId, 'submitted');
    await move(MT, theirs.documentId, 'submitted');
  });

  it('is refused to unit editors and the Office, changing nothing', async () => {
    for (const email of [QLDD, MT, OFFICE]) {
      const res = await bulk(email, { move: 'claim', ids: [a.documentId] });
      expect(res.status).toBe(403);
    }
    expect((await api('get', `/submissions/${a.documentId}`, QLDD)).body.data.state).toBe('submitted');
  });

  it('claims for the caller, judging and reporting each item on its own', async () => {
    const res = await bulk(IT, {
      move: 'claim',
      ids: [a.documentId, draft.documentId, b.documentId, UNKNOWN, theirs.documentId],
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: Entry) => [r.documentId, r.ok, r.state ?? r.error.status])).toEqual([
      [a.documentId, true, 'in_review'],
      [draft.documentId, false, 400],
      [b.documentId, true, 'in_review'],
      [UNKNOWN, false, 404],
      [theirs.documentId, true, 'in_review'],
    ]);
    expect(res.body.data[1].error).toMatchObject({
      name: 'ValidationError',
      message: expect.any(String),
      details: { errors: [expect.objectContaining({ path: ['to'] })] },
    });
    const stored = (await api('get', `/submissions/${a.documentId}`, QLDD)).body.data;
    expect(stored).toMatchObject({ state: 'in_review', assignee: { id: itEditor.id } });
    expect((await api('get', `/submissions/${draft.documentId}`, QLDD)).body.data.state).toBe('draft');
    const history = (await api('get', `/submissions/${a.documentId}/history`, QLDD)).body.data;
    expect(history.filter((e: Entry) => e.toState === 'in_review')).toHaveLength(1);
    expect(history.filter((e: Entry) => e.action === 'assigned')).toHaveLength(1);
  });

  it('approves with a comment, refusing an item acted on from an older version (409)', async () => {
    const current = (await api('get', `/submissions/${b.documentId}`, IT)).body.data;
    const res = await api('post', '/submissions/bulk-transitions', IT, {
      move: 'approve',
      ids: [a.documentId, b.documentId],
      versions: { [a.documentId]: 0, [b.documentId]: current.version },
      comment: 'Đạt yêu cầu, đăng tuần này.',
    }).set('Accept-Language', 'en');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        documentId: a.documentId,
        ok: false,
        error: {
          status: 409,
          name: 'ConflictError',
          message: 'The submission was changed by someone else: reload it and try again.',
          details: {},
        },
      },
      { documentId: b.documentId, ok: true, state: 'approved' },
    ]);
    const approved = (await api('get', `/submissions/${b.documentId}`, IT)).body.data;
    expect(approved.article).toMatchObject({ documentId: expect.any(String), publishedAt: null });
    const comments = (await api('get', `/submissions/${b.documentId}/comments`, QLDD)).body.data;
    expect(comments.map((c: Entry) => c.body)).toEqual(['Đạt yêu cầu, đăng tuần này.']);
    const history = (await api('get', `/submissions/${b.documentId}/history`, QLDD)).body.data;
    expect(history.map((e: Entry) => e.action)).toEqual(
      expect.arrayContaining(['transitioned', 'article_created'])
    );
    expect((await api('get', `/submissions/${a.documentId}`, IT)).body.data.state).toBe('in_review');
  });

  it('answers a bad request whole with a ValidationError, touching nothing', async () => {
    const res = await bulk(IT, { move: 'approve', ids: [a.documentId, a.documentId] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['ids', '1']);
    expect((await api('get', `/submissions/${a.documentId}`, IT)).body.data.state).toBe('in_review');
  });
});

describe('publishing the article from the submission page', () => {
  let approved: Entry;
  let inReview: Entry;

  beforeAll(async () => {
    approved = await create(QLDD, 'P-QLDD', 'India: xuất bản từ trang tin bài', 'Đoạn một.\n\nĐoạn hai.');
    const upload = await request(app.server())
      .post(`/unit-submissions/submissions/${approved.documentId}/attachments`)
      .set({ Authorization: `Bearer ${tokens[QLDD]}` })
      .attach('files', PDF, { filename: 'giay-moi.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    inReview = await create(QLDD, 'P-QLDD', 'Juliet: chưa duyệt');
    for (const s of [approved, inReview]) {
      await move(QLDD, s.documentId, 'submitted');
      await move(IT, s.documentId, 'in_review', { assignee: itEditor.id });
    }
    await move(IT, approved.documentId, 'approved');
  });

  const publish = (email: string, documentId: string) =>
    api('post', `/submissions/${documentId}/publish-article`, email);

  it('tells the page what it needs: the article, whether it is public, whether this user may publish', async () => {
    const seen = (await api('get', `/submissions/${approved.documentId}`, IT)).body.data;
    expect(seen.article).toMatchObject({ documentId: expect.any(String), publishedAt: null });
    expect(seen.canPublishArticle).toBe(true);
    const byUnit = (await api('get', `/submissions/${approved.documentId}`, QLDD)).body.data;
    expect(byUnit.canPublishArticle).toBe(false);
    expect((await api('get', `/submissions/${inReview.documentId}`, IT)).body.data.canPublishArticle).toBe(
      false
    );
  });

  it('is refused to roles that may not publish (403) and to other units (404)', async () => {
    expect((await publish(QLDD, approved.documentId)).status).toBe(403);
    expect((await publish(OFFICE, approved.documentId)).status).toBe(403);
    const other = await publish(MT, approved.documentId);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('India');
    expect((await publish(IT, 'zzzzzzzzzzzzzzzzzzzzzzzz')).status).toBe(404);
  });

  it('is refused, saying why, before approval', async () => {
    const res = await publish(IT, inReview.documentId).set('Accept-Language', 'en');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'Only the article of an approved, not yet published submission can be published here.',
      details: { errors: [expect.objectContaining({ path: ['state'] })] },
    });
    expect((await publish(IT, inReview.documentId)).body.error.message).toMatch(/^Chỉ xuất bản/);
  });

  it('publishes through the Document Service: the article is public, its attachments join its media', async () => {
    // The event behind the website's webhook.
    const events: Entry[] = [];
    const stopListening = app.strapi().eventHub.on('entry.publish', async (event: Entry) => {
      events.push(event);
    });
    const res = await publish(IT, approved.documentId);
    stopListening();
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(events.map((e) => [e.uid, e.entry.documentId])).toEqual([
      ['api::article.article', data.article.documentId],
    ]);
    expect(data.state).toBe('published');
    expect(data.article.publishedAt).toEqual(expect.any(String));
    expect(data.canPublishArticle).toBe(false);
    expect(data.publicUrl).toContain(data.article.documentId);
    const publicArticle = await request(app.server()).get(
      `/api/articles/${data.article.documentId}?populate=media`
    );
    expect(publicArticle.status).toBe(200);
    const stored = await app
      .strapi()
      .db.query('api::article.article')
      .findOne({
        where: { documentId: data.article.documentId, locale: 'vi', publishedAt: { $notNull: true } },
        populate: { media: { select: ['mime'] } },
      });
    expect(stored.media.map((m: Entry) => m.mime)).toEqual(['application/pdf']);
    const history = (await api('get', `/submissions/${approved.documentId}/history`, QLDD)).body.data;
    expect(history.filter((e: Entry) => e.action === 'transitioned').map((e: Entry) => e.toState)).toContain(
      'published'
    );
    // Published now: the page's button is gone and the route says so.
    expect((await publish(IT, approved.documentId)).status).toBe(400);
  });
});
