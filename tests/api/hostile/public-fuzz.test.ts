/**
 * Property-based fuzzing of every public read route (issue 12): `filters`, `sort`, `populate`, `fields`,
 * `pagination` and `locale` combinations, built from the allow-list's own names mixed with private names, case
 * variants, numeric keys, nested operators and malformed `$and`/`$or`/`$not`. For every request: no 5xx, no planted
 * secret in the body, and a filter on the secret gives the same answer as one on a value that matches nothing.
 *
 *   FUZZ_SEED=123 FUZZ_RUNS=500 npx jest --selectProjects api -- tests/api/hostile/public-fuzz.test.ts
 */
import fc from 'fast-check';
import qs from 'qs';
import request from 'supertest';
import { PUBLIC_QUERIES, PUBLIC_READS } from '../../../src/bootstrap/public-queries';
import type { QueryEntry } from '../../../src/domain/public-query';
import { plantSecrets, SECRET, type PlantedSecrets } from '../../setup/public-secrets';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** Stands for a value to compare: once the secret, once a value that matches nothing. */
const PROBE = '@@probe@@';
const NOTHING = 'QXJZVKW';
let planted: PlantedSecrets;
const statuses = new Map<number, number>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const PRIVATE = [
  'localizations',
  'createdBy',
  'updatedBy',
  'unit',
  'submission',
  'folder',
  'related',
  'feedbacks',
];
const SAFE_OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
];
const MORE_OPERATORS = ['$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$lt', '$gte', '$between'];
const BAD_OPERATORS = [
  '$regex',
  '$raw',
  '$eqi',
  '$EQ',
  '$Or',
  '$jsonSupersetOf',
  '$null',
  '$notNull',
  '$not',
];
const LEAVES = [
  'x',
  'true',
  'false',
  '*',
  '',
  '0',
  '-1',
  '1.5',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  'asc',
  'desc',
];

const caseVariants = (name: string) => [name, name.toUpperCase(), name[0].toUpperCase() + name.slice(1)];

/** Names a client might try on this entry: its own, private ones, case variants and numeric keys. */
function namesOf(entry: QueryEntry): fc.Arbitrary<string> {
  const own = [...Object.keys(entry.filter), ...entry.sort, ...entry.fields, ...Object.keys(entry.populate)];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(own.length ? own : ['title'])) },
    { weight: 2, arbitrary: fc.constantFrom(...PRIVATE) },
    { weight: 1, arbitrary: fc.constantFrom(...own.concat(PRIVATE).flatMap(caseVariants)) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1', '99', 'id', 'documentId', '__proto__', 'constructor') }
  );
}

const leaf = fc.oneof(fc.constantFrom(...LEAVES), fc.string({ maxLength: 8 }), fc.constant(PROBE));

/** A well-formed condition on one attribute of an entry, possibly through a relation. */
function condition(entry: QueryEntry, depth: number): fc.Arbitrary<Entry> {
  const attributes = Object.keys(entry.filter);
  const relations =
    depth < 2
      ? Object.keys(entry.populate).filter((k) => PUBLIC_QUERIES[entry.populate[k]].kind !== 'media')
      : [];
  const operand = fc.oneof(
    fc.record({ op: fc.constantFrom(...SAFE_OPERATORS), value: fc.constant(PROBE) }),
    fc.record({ op: fc.constantFrom(...MORE_OPERATORS, ...BAD_OPERATORS), value: leaf })
  );
  const onAttribute = fc
    .tuple(fc.constantFrom(...(attributes.length ? attributes : ['title'])), operand, fc.boolean())
    .map(([name, { op, value }, asList]) => ({
      [name]: { [op]: asList || op === '$in' || op === '$between' ? [value, NOTHING] : value },
    }));
  if (relations.length === 0) return onAttribute;
  return fc.oneof(
    onAttribute,
    fc
      .constantFrom(...relations)
      .chain((name) => condition(PUBLIC_QUERIES[entry.populate[name]], depth + 1).map((c) => ({ [name]: c })))
  );
}

/** Filters: well-formed conditions, logical wrappers of every shape, and free trees of hostile keys. */
function filtersOf(entry: QueryEntry): fc.Arbitrary<unknown> {
  const names = namesOf(entry);
  const free = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(
        fc.oneof(names, fc.constantFrom(...SAFE_OPERATORS, ...BAD_OPERATORS, '$and', '$or')),
        tie('node'),
        {
          maxKeys: 3,
        }
      )
    ),
  })).node;
  const good = condition(entry, 0);
  return fc.oneof(
    good,
    fc.record({ $or: fc.array(good, { minLength: 1, maxLength: 3 }) }),
    fc.record({ $and: fc.oneof(fc.array(good, { maxLength: 2 }), good, leaf) }),
    fc.record({ $not: fc.oneof(good, leaf, fc.array(good, { maxLength: 2 })) }),
    good.map((c) => {
      const [name, ops] = Object.entries(c)[0];
      return { [name]: { $eq: ops } };
    }),
    fc.dictionary(names, free, { maxKeys: 3 }),
    leaf
  );
}

function sortOf(entry: QueryEntry): fc.Arbitrary<unknown> {
  const relations = Object.keys(entry.populate);
  const path = fc.oneof(
    namesOf(entry),
    fc
      .tuple(fc.constantFrom(...(relations.length ? relations : ['campaign'])), namesOf(entry))
      .map(([r, n]) => `${r}.${n}`)
  );
  const segment = fc
    .tuple(path, fc.constantFrom('', ':asc', ':desc', ':DESC', ':sideways', '::'))
    .map(([p, d]) => p + d);
  return fc.oneof(
    segment,
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join(',')),
    fc.array(segment, { maxLength: 3 }),
    fc.dictionary(
      path,
      fc.oneof(fc.constantFrom('asc', 'desc', 'up'), fc.dictionary(namesOf(entry), fc.constant('asc'))),
      {
        maxKeys: 2,
      }
    )
  );
}

function populateOf(entry: QueryEntry, depth = 0): fc.Arbitrary<unknown> {
  const names = namesOf(entry);
  const nested: fc.Arbitrary<unknown> =
    depth < 2
      ? fc.oneof(
          fc.constantFrom(true, 'true', 'false', '*', 'x'),
          fc
            .constantFrom(
              ...(Object.values(entry.populate).length
                ? Object.values(entry.populate)
                : ['api::campaign.campaign'])
            )
            .chain((target) =>
              fc.record(
                {
                  populate: populateOf(PUBLIC_QUERIES[target], depth + 1),
                  fields: fc.array(namesOf(PUBLIC_QUERIES[target]), { maxLength: 3 }),
                  filters: filtersOf(PUBLIC_QUERIES[target]),
                  sort: sortOf(PUBLIC_QUERIES[target]),
                  on: fc.constant({ x: true }),
                },
                { requiredKeys: [] }
              )
            )
        )
      : fc.constantFrom(true, '*');
  return fc.oneof(
    fc.constant('*'),
    names,
    fc.array(names, { maxLength: 3 }),
    fc.dictionary(names, nested, { maxKeys: 3 })
  );
}

const number = fc.oneof(
  fc.integer({ min: -5, max: 12_000 }).map(String),
  fc.constantFrom('999999999999999999999', '1e3', '1.5', 'abc', '', '0x10', '-0')
);
const pagination = fc.record(
  {
    page: number,
    pageSize: number,
    start: number,
    limit: number,
    withCount: fc.constantFrom('true', 'false', 'x'),
  },
  { requiredKeys: [] }
);
const locale = fc.constantFrom('vi', 'en', '*', 'VI', 'xx', '', ['vi', 'en']);
const status = fc.constantFrom('published', 'draft', 'DRAFT', ['draft'], 'modified');

const VALID_VALUES = {
  integer: '2021',
  date: '2021-06-01',
  datetime: '2021-06-01T00:00:00.000Z',
  boolean: 'true',
};

/** A condition the allow-list accepts: a probe on a text attribute, or a typed value, possibly via a relation. */
function validCondition(entry: QueryEntry, depth = 0): fc.Arbitrary<Entry> {
  const attributes = Object.entries(entry.filter);
  const relations =
    depth < 2
      ? Object.keys(entry.populate).filter((k) => PUBLIC_QUERIES[entry.populate[k]].kind !== 'media')
      : [];
  const onAttribute = fc.constantFrom(...attributes).chain(([name, type]) =>
    type === 'text'
      ? fc.constantFrom(...SAFE_OPERATORS, '$startsWithi', '$endsWith').map((op) => ({
          [name]: { [op]: op.endsWith('In') || op === '$in' ? [PROBE, NOTHING] : PROBE },
        }))
      : fc.constantFrom('$eq', '$ne', '$lt', '$gte').map((op) => ({ [name]: { [op]: VALID_VALUES[type] } }))
  );
  if (relations.length === 0) return onAttribute;
  return fc.oneof(
    { weight: 3, arbitrary: onAttribute },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...relations)
        .chain((name) =>
          validCondition(PUBLIC_QUERIES[entry.populate[name]], depth + 1).map((c) => ({ [name]: c }))
        ),
    }
  );
}

/** A query the allow-list accepts, so that the database is reached with the probe. */
function validQueryOf(entry: QueryEntry) {
  const subset = (names: readonly string[]) =>
    fc.subarray([...names], { minLength: 1, maxLength: Math.min(3, names.length) });
  const populate = Object.keys(entry.populate).length
    ? fc.oneof(
        fc.constant('*'),
        subset(Object.keys(entry.populate)).map((keys) =>
          Object.fromEntries(
            keys.map((k) => [k, { fields: PUBLIC_QUERIES[entry.populate[k]].fields.slice(0, 2) }])
          )
        )
      )
    : fc.constant(undefined);
  const condition = Object.keys(entry.filter).length ? validCondition(entry) : fc.constant(undefined);
  return fc.record(
    {
      filters: fc.oneof(
        condition,
        fc.array(condition, { minLength: 1, maxLength: 2 }).map(($or) => ({ $or }))
      ),
      sort: entry.sort.length
        ? fc
            .tuple(fc.constantFrom(...entry.sort), fc.constantFrom('asc', 'desc'))
            .map(([n, d]) => `${n}:${d}`)
        : fc.constant(undefined),
      populate,
      fields: subset(entry.fields),
      pagination: fc.record({
        page: fc.integer({ min: 1, max: 3 }),
        pageSize: fc.integer({ min: 1, max: 100 }),
      }),
      locale: fc.constantFrom('vi', 'en'),
    },
    { requiredKeys: [] }
  );
}

function hostileQueryOf(entry: QueryEntry) {
  return fc.record(
    {
      filters: filtersOf(entry),
      sort: sortOf(entry),
      populate: populateOf(entry),
      fields: fc.oneof(fc.array(namesOf(entry), { maxLength: 3 }), namesOf(entry), fc.constant('*')),
      pagination,
      locale,
      status,
      publicationState: fc.constant('preview'),
    },
    { requiredKeys: [] }
  );
}

const queryOf = (entry: QueryEntry) => fc.oneof(validQueryOf(entry), hostileQueryOf(entry));

/** The query with every probe replaced by `value`, serialised as a browser would send it. */
const serialise = (query: unknown, value: string) =>
  qs.stringify(JSON.parse(JSON.stringify(query).split(PROBE).join(value)));

const routes = (): { path: string; uid: string }[] =>
  Object.entries(PUBLIC_READS).flatMap(([uid, actions]) => {
    const type = app.strapi().contentType(uid as never) as unknown as Entry;
    const base =
      type.kind === 'singleType' ? `/api/${type.info.singularName}` : `/api/${type.info.pluralName}`;
    return actions.map((action) => ({ uid, path: action === 'findOne' ? `${base}/:documentId` : base }));
  });

const SECRET_TEXTS = () => [SECRET, planted.phone, 'secret.example'];

async function send(path: string) {
  const res = await request(app.server()).get(path);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const text = JSON.stringify(res.body ?? '');
  if (res.status >= 500) throw new Error(`${res.status} on ${path}: ${text}`);
  for (const secret of SECRET_TEXTS()) {
    if (text.toUpperCase().includes(secret.toUpperCase()))
      throw new Error(`"${secret}" in the answer to ${path}`);
  }
  return res;
}

beforeAll(async () => {
  planted = await plantSecrets(app.strapi());
  console.log(`public-fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
});

afterAll(() => {
  const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...statuses].map(([code, n]) => `${n}×${code}`).join(', ');
  console.log(`public-fuzz: ${sent} requests sent (${byStatus}), FUZZ_SEED=${SEED}`);
});

describe('fuzzing the public read routes', () => {
  it(
    'answers every query without a 5xx, a secret, or a total that depends on the secret',
    async () => {
      const ids = new Map<string, string>();
      for (const { uid } of routes()) {
        if (ids.has(uid)) continue;
        const found = await app
          .strapi()
          .documents(uid as never)
          .findFirst({ status: 'published' } as never);
        ids.set(uid, (found as Entry | null)?.documentId ?? 'none');
      }
      ids.set('api::article.article', planted.article.documentId);

      for (const [index, route] of routes().entries()) {
        const path = route.path.replace(':documentId', ids.get(route.uid)!);
        await fc.assert(
          fc.asyncProperty(queryOf(PUBLIC_QUERIES[route.uid]), async (query) => {
            const withSecret = await send(`${path}?${serialise(query, SECRET)}`);
            if (!JSON.stringify(query).includes(PROBE)) return;
            const withNothing = await send(`${path}?${serialise(query, NOTHING)}`);
            expect(withSecret.status).toBe(withNothing.status);
            expect(withSecret.body.meta?.pagination?.total).toEqual(withNothing.body.meta?.pagination?.total);
            expect(
              Array.isArray(withSecret.body.data) ? withSecret.body.data.length : !!withSecret.body.data
            ).toEqual(
              Array.isArray(withNothing.body.data) ? withNothing.body.data.length : !!withNothing.body.data
            );
          }),
          { seed: SEED + index, numRuns: RUNS, endOnFailure: true }
        );
      }
    },
    Math.max(120_000, RUNS * 3_000)
  );
});
