import fc from 'fast-check';
import qs from 'qs';
import { PUBLIC_QUERIES, PUBLIC_READS } from '../../bootstrap/public-queries';
import { judgePublicQuery, MAX_PAGE, OPERATORS } from '../public-query';

const OPTIONS = { locales: ['vi', 'en'], drafts: false };
const ARTICLE = 'api::article.article';
/** As Strapi's query middleware parses a query string. */
const parse = (query: string) => qs.parse(query, { strictNullHandling: true, arrayLimit: 100, depth: 20 });
const judge = (query: string, name = ARTICLE, options = OPTIONS) =>
  judgePublicQuery(PUBLIC_QUERIES, name, parse(query), options, 'en');
const paths = (query: string, name = ARTICLE) => {
  const result = judge(query, name);
  return result.ok ? [] : result.errors.map((e) => e.path.join('.'));
};

describe('the public query allow-list', () => {
  it('leads every relation to an entry, and every public type has one', () => {
    for (const entry of Object.values(PUBLIC_QUERIES)) {
      for (const target of Object.values(entry.populate)) expect(PUBLIC_QUERIES[target]).toBeDefined();
    }
    for (const uid of Object.keys(PUBLIC_READS)) expect(PUBLIC_QUERIES[uid]?.kind).toBe('content');
  });

  it.each([
    'filters[slug][$eq]=a-slug&locale=en',
    'filters[kind][$eq]=news&sort=publishedAt:desc&populate[campaign][fields][0]=title&pagination[pageSize]=10',
    'sort[0]=title:asc&sort[1]=publishedAt&fields[0]=title&fields[1]=slug',
    'populate[cover][fields][0]=url&populate[media]=true&populate[campaign][populate][plan]=true',
    'filters[$or][0][title][$containsi]=a&filters[$or][1][summary]=b'.replace('summary', 'slug'),
    'filters[campaign][slug][$in][0]=a&filters[campaign][slug][$in][1]=b&sort=campaign.title:desc',
    'filters[title][$not][$eq]=x&filters[publishedAt][$gte]=2024-01-01T00:00:00.000Z',
    'pagination[page]=10000&pagination[pageSize]=100&pagination[withCount]=false',
    'pagination[start]=0&pagination[limit]=5&status=published',
  ])('accepts what the website asks: %s', (query) => {
    expect(judge(query)).toEqual({ ok: true, value: parse(query) });
  });

  it('accepts the documented queries of the other types', () => {
    const documented: [string, string][] = [
      [
        'api::procedure.procedure',
        'filters[legalStatus][$eq]=in_force&filters[field][code][$eq]=dat-dai&fields[0]=nationalCode&sort=nationalCode',
      ],
      [
        'api::procedure.procedure',
        'populate[dossier][populate][formTemplate][fields][0]=url&populate[levels]=true',
      ],
      ['api::campaign.campaign', 'populate[channels]=true&populate[legalDocuments][fields][0]=symbol'],
      ['api::legal-document.legal-document', 'filters[documentType][$eq]=decree&sort=issueDate:desc'],
      ['api::procedure-field.procedure-field', 'sort=sortOrder'],
      [
        'api::plan.plan',
        'filters[year][$eq]=2021&populate[bases][populate]=legalDocument&populate[sections]=true',
      ],
      ['api::plan-task.plan-task', 'filters[code][$eq]=I.1&sort=dueDate:desc&populate[plan][fields][0]=year'],
      ['api::organization.organization', 'populate=profiles&locale=en'],
    ];
    for (const [name, query] of documented) expect(judge(query, name).ok).toBe(true);
  });

  it.each([
    ['filters[localizations][title][$startsWith]=BIMATZ', 'filters.localizations'],
    ['filters[localizations][publishedAt][$null]=true', 'filters.localizations'],
    ['sort=localizations.title:asc', 'sort'],
    [`sort=${Array(11).fill('title').join(',')}`, 'sort'],
    ['sort[localizations][title]=asc', 'sort.localizations'],
    ['populate[localizations]=true', 'populate.localizations'],
    ['populate=localizations', 'populate'],
    ['populate[campaign][populate][createdBy]=true', 'populate.campaign.populate.createdBy'],
    ['populate[cover][populate][related]=*', 'populate.cover.populate.related'],
    ['populate[cover][fields][0]=folderPath', 'populate.cover.fields.0'],
    ['filters[campaign][createdBy][email]=a', 'filters.campaign.createdBy'],
    ['filters[planTask][unit][id]=1', 'filters.planTask.unit'],
    ['filters[$and][0][unit][id]=1', 'filters.$and.0.unit'],
    ['filters[$or][title]=x', 'filters.$or'],
    ['filters[$and]=x', 'filters.$and'],
    ['filters[$not]=x', 'filters.$not'],
    ['filters[title][$eq][$ne]=x', 'filters.title.$eq'],
    ['filters[title][$regex]=x', 'filters.title.$regex'],
    ['filters[title][$EQ]=x', 'filters.title.$EQ'],
    ['filters[0]=abc', 'filters'],
    ['filters[a][0]=abc', 'filters.a'],
    ['filters[title][0]=abc', 'filters.title'],
    ['filters[title][5000]=abc', 'filters.title.5000'],
    ['filters[cover][name]=x', 'filters.cover'],
    ['filters=x', 'filters'],
    ['fields[0]=createdBy', 'fields.0'],
    ['fields[a]=title', 'fields'],
    ['pagination[page]=999999999999999999999', 'pagination.page'],
    ['pagination[page]=10001', 'pagination.page'],
    ['pagination[page]=0', 'pagination.page'],
    ['pagination[page]=1.5', 'pagination.page'],
    ['pagination[pageSize]=101', 'pagination.pageSize'],
    ['pagination[limit]=-1', 'pagination.limit'],
    ['pagination[page]=1&pagination[start]=0', 'pagination'],
    ['status=draft', 'status'],
    ['locale=xx', 'locale'],
    ['locale[0]=vi', 'locale'],
    ['publicationState=preview', 'publicationState'],
    ['_q=secret', '_q'],
    ['filters[publishedAt][$lt]=yesterday', 'filters.publishedAt.$lt'],
  ])('refuses %s, naming %s', (query, path) => {
    expect(paths(query)).toContain(path);
  });

  it('never filters or sorts from a row without drafts into a type with drafts (the join reaches drafts)', () => {
    const task = 'api::plan-task.plan-task';
    expect(paths('filters[plan][year][$eq]=2021', task)).toEqual(['filters.plan']);
    expect(paths('filters[campaign][title][$containsi]=x', task)).toEqual(['filters.campaign']);
    expect(paths('sort=campaign.title', task)).toEqual(['sort']);
    expect(paths('filters[planTask][campaign][title]=x')).toEqual(['filters.planTask.campaign']);
    expect(paths('filters[planTask][code]=x&filters[campaign][title]=x')).toEqual([]);
    expect(paths('populate[campaign][fields][0]=title', task)).toEqual([]);
  });

  it('gives every error in both languages', () => {
    const result = judge('filters[localizations][title]=x&sort=unit.name');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(2);
      for (const e of result.errors) expect(e.messages).toEqual({ vi: expect.any(String), en: e.message });
    }
  });

  it('lets API tokens ask for drafts, never anything outside the list', () => {
    const token = { ...OPTIONS, drafts: true };
    expect(judge('status=draft', ARTICLE, token).ok).toBe(true);
    expect(judge('status=draft&populate[localizations]=true', ARTICLE, token).ok).toBe(false);
  });

  it('expands * to the allowed relations and fields only', () => {
    expect(judge('populate=*')).toEqual({
      ok: true,
      value: { populate: { cover: true, media: true, campaign: true, planTask: true, procedures: true } },
    });
    const nested = judge('populate[campaign][populate]=*&populate[cover]=*');
    expect(nested.ok && nested.value.populate).toEqual({
      campaign: { populate: { plan: true, legalDocuments: true, audiences: true, channels: true } },
      cover: true,
    });
    const fields = judge('fields=*', 'api::procedure-field.procedure-field');
    expect(fields.ok && fields.value.fields).toEqual(
      PUBLIC_QUERIES['api::procedure-field.procedure-field'].fields
    );
  });

  it('bounds the page', () => {
    expect(judge(`pagination[page]=${MAX_PAGE}`).ok).toBe(true);
    expect(judge(`pagination[page]=${MAX_PAGE + 1}`).ok).toBe(false);
  });
});

// ------------------------------------------------------------------ property: nothing private is ever accepted

const PRIVATE = [
  'localizations',
  'createdBy',
  'updatedBy',
  'unit',
  'submission',
  'folder',
  'related',
  'password',
];
const KEYS = [
  ...PRIVATE,
  ...OPERATORS,
  '$and',
  '$or',
  '$regex',
  '$raw',
  '$OR',
  'title',
  'slug',
  'campaign',
  'cover',
  'planTask',
  'publishedAt',
  'populate',
  'fields',
  'filters',
  'sort',
  '0',
  '1',
  '*',
];
const leaf = fc.oneof(
  fc.constantFrom('true', 'x', '*', '2024-01-01', 'title:asc', 'unit.name', '1', ''),
  fc.string()
);
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 3 })
  ),
})).node;
const query = fc.dictionary(
  fc.constantFrom('filters', 'sort', 'populate', 'fields', 'pagination', 'locale', 'status', 'other'),
  tree,
  { maxKeys: 4 }
);

/** Every key at any depth, and every name in a string except filter values (sort, fields, populate name names). */
function words(value: unknown, names = true, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (names) into.push(...value.split(/[.,:]/));
  } else if (Array.isArray(value)) value.forEach((v) => words(v, names, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.push(key);
      words(child, names && key !== 'filters', into);
    }
  }
  return into;
}

describe('the public query judge, on any query', () => {
  it('never throws, and never accepts a private name at any depth', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PUBLIC_READS)), query, (name, asked) => {
        const parsed = parse(qs.stringify(asked));
        const result = judgePublicQuery(PUBLIC_QUERIES, name, parsed, OPTIONS, 'vi');
        if (result.ok) {
          const { filters, sort, populate, fields } = result.value;
          const names = words({ filters, sort, populate, fields });
          for (const word of PRIVATE) expect(names).not.toContain(word);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(Object.keys(parsed)).toContain(e.path[0]);
        }
      }),
      { numRuns: 2000 }
    );
  });
});
