/**
 * Issue 12, D6, D18, D19: a unit editor (qldd, unit P-QLDD) touches nothing of another unit by any Content Manager
 * or i18n route, whatever the path's case; their own unit's work still goes through.
 */
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const ARTICLE = 'api::article.article';
const SUBMISSION = 'plugin::unit-submissions.submission';
const QLDD = 'qldd@demo.example';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
let token: string;
let units: Record<string, Entry>;
/** P-MT's draft-only article (vi), P-MT's published one, and P-QLDD's draft-only one. */
let theirDraft: string;
let theirPublished: string;
let ownDraft: string;

const cm = (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
  const req = request(app.server())
    [method](path)
    .set({ Authorization: `Bearer ${token}` });
  return body ? req.send(body) : req;
};
const CT = `/content-manager/collection-types/${ARTICLE}`;

const articles = () => app.strapi().db.query(ARTICLE);
/** Every row of a document, with what a write could change. */
const rowsOf = async (documentId: string) =>
  (
    await articles().findMany({
      where: { documentId },
      populate: { unit: { select: ['id'] } },
      orderBy: { id: 'asc' },
    })
  ).map((r: Entry) => ({
    id: r.id,
    locale: r.locale,
    publishedAt: r.publishedAt,
    title: r.title,
    slug: r.slug,
    externalUrl: r.externalUrl,
    kind: r.kind,
    unit: r.unit?.id ?? null,
    updatedAt: r.updatedAt,
  }));

async function documentOf(unitCode: string, published: boolean) {
  const rows = await articles().findMany({
    where: { unit: { id: units[unitCode].id }, locale: 'vi' },
    select: ['documentId', 'publishedAt'],
  });
  const byDocument = new Map<string, boolean>();
  for (const r of rows) byDocument.set(r.documentId, byDocument.get(r.documentId) || r.publishedAt !== null);
  const found = [...byDocument].find(([, isPublished]) => isPublished === published);
  if (!found) throw new Error(`no ${published ? 'published' : 'draft'} article of ${unitCode}`);
  return found[0];
}

beforeAll(async () => {
  token = await adminLogin(app.server(), QLDD);
  const rows = await app.strapi().db.query('api::unit.unit').findMany();
  units = Object.fromEntries(rows.map((u: Entry) => [u.code, u]));
  theirDraft = await documentOf('P-MT', false);
  theirPublished = await documentOf('P-MT', true);
  ownDraft = await documentOf('P-QLDD', false);
});

/** Runs a refused request and checks that no article row changed, appeared or went away. */
async function refusedWithoutChange(send: () => Promise<request.Response>) {
  const before = await articles().findMany({ orderBy: { id: 'asc' } });
  const res = await send();
  expect({ status: res.status, error: res.body.error }).toMatchObject({ status: 403 });
  expect(await articles().findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  return res;
}

describe("another unit's articles", () => {
  it('cannot be cloned, as they are or into the own unit (D6)', async () => {
    const title = (await rowsOf(theirDraft))[0].title;
    await refusedWithoutChange(() =>
      cm('post', `${CT}/clone/${theirDraft}?locale=vi`, { title: 'cloned from MT', slug: 'cloned-from-mt' })
    );
    const res = await refusedWithoutChange(() =>
      cm('post', `${CT}/clone/${theirDraft}?locale=vi`, {
        slug: 'clone-into-mine',
        unit: { connect: [{ id: units['P-QLDD'].id }] },
      })
    );
    expect(JSON.stringify(res.body)).not.toContain(title);
  });

  it('get no planted locale, and their non-localized fields stay (D18)', async () => {
    const before = await rowsOf(theirDraft);
    expect(before.map((r) => r.locale)).toEqual(['vi']);
    await refusedWithoutChange(() =>
      cm('put', `${CT}/${theirDraft}?locale=en`, {
        title: 'EN locale planted by qldd',
        slug: 'en-planted-by-qldd',
        externalUrl: 'https://evil.example/x',
        unit: { connect: [{ id: units['P-QLDD'].id }] },
      })
    );
    await refusedWithoutChange(() =>
      cm('put', `${CT}/${theirDraft}?locale=en`, {
        title: 'EN',
        slug: 'en-x',
        externalUrl: 'https://evil.example/y',
      })
    );
    // Publishing in one request is an update too.
    await refusedWithoutChange(() =>
      cm('post', `${CT}/${theirDraft}/actions/publish?locale=en`, { title: 'EN', slug: 'en-y' })
    );
    expect(await rowsOf(theirDraft)).toEqual(before);
  });

  it('cannot be updated, created, published, unpublished, discarded or deleted, one by one or in bulk', async () => {
    await refusedWithoutChange(() => cm('put', `${CT}/${theirDraft}?locale=vi`, { title: 'Sửa trộm' }));
    await refusedWithoutChange(() =>
      cm('put', `${CT}/${theirPublished}?locale=vi`, { externalUrl: 'https://evil.example/z' })
    );
    for (const unit of [units['P-MT'].documentId, { connect: [{ id: units['P-MT'].id }] }, undefined]) {
      await refusedWithoutChange(() =>
        cm('post', `${CT}?locale=vi`, { title: 'Tạo sang đơn vị khác', slug: `tao-${Math.random()}`, unit })
      );
    }
    await refusedWithoutChange(() => cm('post', `${CT}/${theirDraft}/actions/publish?locale=vi`, {}));
    await refusedWithoutChange(() => cm('post', `${CT}/${theirPublished}/actions/unpublish?locale=vi`, {}));
    await refusedWithoutChange(() => cm('post', `${CT}/${theirPublished}/actions/discard?locale=vi`, {}));
    await refusedWithoutChange(() => cm('delete', `${CT}/${theirDraft}?locale=vi`));
    for (const action of ['bulkDelete', 'bulkPublish', 'bulkUnpublish']) {
      await refusedWithoutChange(() =>
        cm('post', `${CT}/actions/${action}?locale=vi`, { documentIds: [theirDraft, theirPublished] })
      );
    }
  });

  it('cannot be read: the edit view, fill in from another locale, bulk validation, draft relation counts', async () => {
    const title = (await rowsOf(theirDraft))[0].title;
    const [row] = await rowsOf(theirPublished);
    const responses = [
      await cm('get', `${CT}/${theirDraft}?locale=vi`),
      await cm('get', `${CT}/${theirDraft}?locale=en`),
      await cm(
        'get',
        `/i18n/content-manager/get-fill-from-locale/${ARTICLE}?collectionType=collection-types&documentId=${theirDraft}&sourceLocale=vi&targetLocale=en`
      ),
      await cm('post', '/i18n/content-manager/actions/get-non-localized-fields', {
        model: ARTICLE,
        id: row.id,
        locale: 'en',
      }),
      await cm('get', `${CT}/${theirDraft}/actions/countDraftRelations?locale=vi`),
    ];
    for (const res of responses) {
      expect({ status: res.status, error: res.body.error }).toMatchObject({ status: 403 });
      expect(JSON.stringify(res.body)).not.toContain(title);
    }
    const bulk = await cm('post', `${CT}/actions/bulkFindForValidation`, {
      documentIds: [theirDraft, theirPublished],
      locale: 'vi',
    });
    expect(JSON.stringify(bulk.body)).not.toContain(title);
    expect(bulk.body.results ?? []).toEqual([]);
  });

  it('answer 403 on the relations endpoints, also through a case-variant path (D19)', async () => {
    const paths = [
      // Fields and targets the role cannot read (Strapi 5.54 answered 500).
      `/content-manager/relations/${ARTICLE}/${ownDraft}/submission?locale=vi`,
      `/content-manager/relations/${ARTICLE}/submission?locale=vi`,
      `/content-manager/relations/${SUBMISSION}/assignee`,
      `/content-manager/relations/api::feedback.feedback/handlingUnit`,
      // Another unit's document as the source.
      `/content-manager/relations/${ARTICLE}/${theirDraft}/unit?locale=vi`,
      `/content-manager/relations/${ARTICLE}/${theirDraft}/procedures?locale=vi`,
      `/content-manager/relations/${ARTICLE}/unit?locale=vi&id=${theirDraft}`,
      `/Content-Manager/relations/${ARTICLE}/${theirDraft}/unit?locale=vi`,
      `/CONTENT-MANAGER/Relations/${ARTICLE}/${theirPublished}/campaign?locale=vi`,
    ];
    for (const path of paths) {
      const res = await cm('get', path);
      expect([path, res.status]).toEqual([path, 403]);
    }
    await refusedWithoutChange(() =>
      cm('post', `/Content-Manager/collection-types/${ARTICLE}/clone/${theirDraft}?locale=vi`, {
        title: 'case',
        slug: 'case-variant-clone',
      })
    );
    await refusedWithoutChange(() =>
      cm('put', `/content-MANAGER/collection-types/${ARTICLE}/${theirDraft}?locale=en`, {
        title: 'case',
        slug: 'case-variant-locale',
      })
    );
  });
});

describe("the editor's own unit", () => {
  it('creates, updates, adds a locale (which inherits the unit), clones and reads relations', async () => {
    const own = units['P-QLDD'];
    const created = await cm('post', `${CT}?locale=vi`, {
      title: 'Tin của đơn vị mình',
      slug: `tin-cua-don-vi-minh-${Date.now()}`,
      kind: 'news',
      channel: 'website',
      unit: { connect: [{ id: own.id }] },
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;

    const updated = await cm('put', `${CT}/${documentId}?locale=vi`, { title: 'Tin đã sửa' });
    expect(updated.status).toBe(200);
    expect((await rowsOf(documentId))[0].title).toBe('Tin đã sửa');

    const locale = await cm('put', `${CT}/${documentId}?locale=en`, {
      title: 'Own news',
      slug: `own-news-${Date.now()}`,
      unit: { connect: [], disconnect: [] },
    });
    expect(locale.status).toBe(200);
    const rows = await rowsOf(documentId);
    expect(rows.map((r) => [r.locale, r.unit])).toEqual([
      ['vi', own.id],
      ['en', own.id],
    ]);

    // A locale of the own document may not go to another unit: every locale has the document's unit.
    await refusedWithoutChange(() =>
      cm('put', `${CT}/${documentId}?locale=en`, { unit: { connect: [{ id: units['P-MT'].id }] } })
    );

    const cloned = await cm('post', `${CT}/clone/${ownDraft}?locale=vi`, {
      title: 'Bản sao của đơn vị mình',
      slug: `ban-sao-${Date.now()}`,
    });
    expect(cloned.status).toBe(200);
    const [clone] = await rowsOf(cloned.body.data.documentId);
    expect(clone.unit).toBe(own.id);

    const relation = await cm('get', `/content-manager/relations/${ARTICLE}/${documentId}/unit?locale=vi`);
    expect(relation.status).toBe(200);
    expect(relation.body.results.map((u: Entry) => u.id)).toEqual([own.id]);
    const read = await cm('get', `${CT}/${ownDraft}?locale=vi`);
    expect(read.status).toBe(200);
  });
});
