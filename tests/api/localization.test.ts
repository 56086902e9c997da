import request from 'supertest';
import { demo } from '../setup/demo';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

describe('vi/en localization through the public API', () => {
  const translated = demo('procedures.json').find((p: Entry) => p.en && p.legalStatus === 'in_force');

  it('answers in Vietnamese by default and in English on request', async () => {
    const vi = await request(app.server()).get(
      `/api/procedures?filters[nationalCode][$eq]=${translated.nationalCode}`
    );
    const en = await request(app.server()).get(
      `/api/procedures?filters[nationalCode][$eq]=${translated.nationalCode}&locale=en`
    );
    expect(vi.status).toBe(200);
    expect(en.status).toBe(200);
    expect(vi.body.data[0].name).toBe(translated.vi.name);
    expect(vi.body.data[0].locale).toBe('vi');
    expect(en.body.data[0].name).toBe(translated.en.name);
    expect(en.body.data[0].locale).toBe('en');
    // One document, two locales, shared non-localized fields.
    expect(en.body.data[0].documentId).toBe(vi.body.data[0].documentId);
    expect(en.body.data[0].onlineLevel).toBe(vi.body.data[0].onlineLevel);
  });

  it('localizes relations: the English procedure points to the English field', async () => {
    const res = await request(app.server()).get(
      `/api/procedures?filters[nationalCode][$eq]=${translated.nationalCode}&locale=en&populate=field`
    );
    const field = demo('procedure-fields.json').find((f: Entry) => f.code === translated.field);
    expect(res.body.data[0].field.name).toBe(field.en.name);
  });

  it('lists only the entries that exist in the asked locale', async () => {
    const procedures = demo('procedures.json');
    const en = await request(app.server()).get('/api/procedures?locale=en&pagination[pageSize]=100');
    expect(en.body.meta.pagination.total).toBe(procedures.filter((p: Entry) => p.en).length);
  });

  it('shows the campaign slogan in both languages', async () => {
    const campaign = demo('campaigns.json')[0];
    const vi = await request(app.server()).get(`/api/campaigns?filters[slug][$eq]=${campaign.vi.slug}`);
    expect(vi.body.data[0].slogan).toBe(campaign.vi.slogan);
    if (campaign.en) {
      const en = await request(app.server()).get(
        `/api/campaigns?filters[slug][$eq]=${campaign.en.slug}&locale=en`
      );
      expect(en.body.data[0].slogan).toBe(campaign.en.slogan);
    }
  });

  it('serves the organization in force in both languages', async () => {
    const organization = demo('organization.json');
    const vi = await request(app.server()).get('/api/organization?populate=profiles');
    const en = await request(app.server()).get('/api/organization?populate=profiles&locale=en');
    expect(vi.status).toBe(200);
    expect(vi.body.data.profiles.map((p: Entry) => p.issuingBody)).toEqual(
      organization.vi.profiles.map((p: Entry) => p.issuingBody)
    );
    expect(en.body.data.profiles.map((p: Entry) => p.issuingBody)).toEqual(
      organization.en.profiles.map((p: Entry) => p.issuingBody)
    );
  });

  it('rejects an unknown locale', async () => {
    const res = await request(app.server()).get('/api/articles?locale=xx');
    expect(res.status).toBe(400);
  });
});

describe('drafts stay private', () => {
  it('never lists an unpublished article', async () => {
    const drafts = demo('articles.json').filter((a: Entry) => !a.published);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const res = await request(app.server()).get(`/api/articles?filters[slug][$eq]=${draft.vi.slug}`);
      expect(res.body.data).toEqual([]);
      const asked = await request(app.server()).get(
        `/api/articles?filters[slug][$eq]=${draft.vi.slug}&status=draft`
      );
      expect(asked.body.data ?? []).toEqual([]);
    }
  });
});
