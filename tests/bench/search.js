#!/usr/bin/env node
/**
 * npm run bench:search — the procedure search uncached, under load, at 2,000 and at 50,000 procedures.
 *
 * In a fresh database (SQLite, and PostgreSQL when reachable), loads the demo articles, published through the
 * Document Service as an editor would (so indexed as the app does), and published procedures whose names are the
 * real names of the two national lists and the demo, cycled with their fields, agencies and subjects (a realistic
 * mix of words), indexes them for search, starts Strapi in production mode with the response cache off, and runs
 * autocannon (20 connections, a warm-up first) with 200 distinct queries cycling: the judged citizens' queries of
 * tests/search/relevance.json and word runs taken from real names, some without diacritics or with a typo. The
 * anchor, in the same run on the same data: raw Strapi's plain list `GET /api/procedures?pagination[pageSize]=25`.
 * At 2,000, also a response-cache hit of one search URL (cache on, 5 s at most) against a bare Node server sending
 * the same bytes. Then the same at 50,000 procedures. Prints the numbers and the verdict of each target of
 * docs/PERFORMANCE.md; asserts nothing. BENCH_SECONDS (10), BENCH_DATABASES (sqlite,postgres), BENCH_PG_URL, BENCH_PORT (13380).
 */
const fs = require('fs');
const path = require('path');
const { compileStrapi } = require('@strapi/strapi');
const {
  bareServer,
  freshEnvironment,
  insert,
  link,
  loadStrapi,
  measure,
  root,
  row,
  runChild,
  seeded,
  startServer,
  stopServer,
  docId,
  unreachable,
} = require('./common');

const CONNECTIONS = 20;
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const PORT = Number(process.env.BENCH_PORT || 13380);
const SIZES = [2000, 50000];
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const { random, pick } = seeded(20261206);

/** The real procedures: the two national lists and the demo, as [name, field, agency, subjects]. */
async function realProcedures() {
  const { readNationalList } = require(path.join(root, 'dist', 'src', 'domain', 'national-list'));
  const rows = [];
  for (const file of ['danh-sach-tthc-bo-tu-phap.xlsx', 'danh-sach-tthc-bo-xay-dung.xlsx']) {
    const list = await readNationalList(
      fs.readFileSync(path.join(root, 'tests', 'fixtures', 'national-portal', file))
    );
    for (const r of list.rows)
      rows.push([r.name, r.field, r.implementingAgency || 'Sở', 'Công dân, tổ chức']);
  }
  for (const p of require(path.join(root, 'database', 'demo', 'procedures.json')))
    rows.push([p.vi.name, null, p.vi.implementingAgency, p.vi.subjects]);
  return rows;
}

/** 200 distinct queries: the judged ones, then word runs of real names, some folded or with one letter changed. */
function queries(procedures) {
  const { fold } = require(path.join(root, 'dist', 'src', 'domain', 'search-text'));
  const judged = require(path.join(root, 'tests', 'search', 'relevance.json')).map((entry) => entry.q);
  const all = new Set(judged);
  while (all.size < 200) {
    const words = pick(procedures)[0]
      .split(/\s+/)
      .filter((word) => /\p{L}{2,}/u.test(word));
    if (words.length < 3) continue;
    const start = Math.floor(random() * (words.length - 2));
    let q = words.slice(start, start + 2 + Math.floor(random() * 2)).join(' ');
    const roll = random();
    if (roll < 0.3) q = fold(q);
    else if (roll < 0.45) q = q.replace(/\p{L}(?=\p{L}{4})/u, 'x');
    all.add(q);
  }
  return [...all].slice(0, 200).map((q) => `/api/procedures/search?q=${encodeURIComponent(q)}`);
}

/** The demo articles (vi, en), through the Document Service: its content events index the published ones. */
async function loadArticles(strapi) {
  const { toBlocks } = require(path.join(root, 'dist', 'src', 'seed'));
  const articles = strapi.documents('api::article.article');
  for (const article of require(path.join(root, 'database', 'demo', 'articles.json'))) {
    const status = article.published ? 'published' : 'draft';
    const data = (text) => ({
      ...text,
      body: toBlocks(text.body),
      kind: article.kind,
      channel: article.channel,
    });
    const { documentId } = await articles.create({ locale: 'vi', status, data: data(article.vi) });
    if (article.en) await articles.update({ documentId, locale: 'en', status, data: data(article.en) });
  }
}

/**
 * In a child process (`--load`, its environment naming the database): the demo articles on the first load, then
 * published procedures from BENCH_FROM up to BENCH_SIZE, linked to their fields (created once), and indexes them.
 */
async function load() {
  const size = Number(process.env.BENCH_SIZE);
  const from = Number(process.env.BENCH_FROM);
  const strapi = await loadStrapi();
  try {
    if (from === 0) await loadArticles(strapi);
    const real = await realProcedures();
    const fields = new Map();
    const fieldRows = strapi.db.query('api::procedure-field.procedure-field');
    for (const name of new Set(real.map(([, field]) => field || 'Đất đai'))) {
      let published = await fieldRows.findOne({
        where: { name, locale: 'vi', publishedAt: { $notNull: true } },
      });
      if (!published) {
        const doc = await strapi.documents('api::procedure-field.procedure-field').create({
          locale: 'vi',
          status: 'published',
          data: { code: `f-${fields.size + 1}`, name },
        });
        published = await fieldRows.findOne({
          where: { documentId: doc.documentId, publishedAt: { $notNull: true } },
        });
      }
      fields.set(name, published.id);
    }
    const now = new Date();
    const rows = [];
    const fieldOf = [];
    for (let i = from; i < size; i += 1) {
      const [name, field, agency, subjects] = real[i % real.length];
      const round = Math.floor(i / real.length);
      rows.push({
        documentId: docId(),
        nationalCode: `7.${String(i).padStart(6, '0')}`,
        name: round ? `${name} (lần ${round + 1})` : name,
        implementingAgency: agency,
        subjects,
        onlineLevel: 'partly_online',
        legalStatus: 'in_force',
        locale: 'vi',
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      });
      fieldOf.push(fields.get(field || 'Đất đai'));
    }
    const ids = await insert(strapi, 'api::procedure.procedure', rows);
    await link(
      strapi,
      'api::procedure.procedure',
      'field',
      ids.map((id, index) => [id, fieldOf[index]])
    );
    const { reindexProcedures } = require(path.join(root, 'dist', 'src', 'infra', 'search-index'));
    const documentIds = rows.map((r) => r.documentId);
    for (let i = 0; i < documentIds.length; i += 2000)
      await reindexProcedures(strapi, documentIds.slice(i, i + 2000));
    // Vacuumed now, so that autovacuum, woken by the rows just inserted, does not share the 2 cores with the run.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
  } finally {
    await strapi.destroy();
  }
}

/** A response-cache hit of one search URL, and the same bytes from a bare Node server (the ceiling). */
async function cachedHit(env, searchPath) {
  const base = { connections: CONNECTIONS, duration: Math.min(DURATION, 5) };
  const server = await startServer({ ...env, RESPONSE_CACHE: 'on' }, PORT);
  let bytes;
  let hit;
  try {
    const url = `http://127.0.0.1:${PORT}${searchPath}`;
    bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    if ((await fetch(url)).headers.get('x-cache') !== 'HIT') throw new Error('the search URL is not cached');
    hit = row(`search, response-cache hit (${SIZES[0]})`, await measure({ ...base, url }));
  } finally {
    await stopServer(server);
  }
  const bare = await bareServer(bytes, PORT + 1);
  try {
    const ceiling = row(
      `same ${bytes.length} bytes, bare Node http`,
      await measure({ ...base, url: `http://127.0.0.1:${PORT + 1}/` })
    );
    return [hit, ceiling].map((r) => ({ size: SIZES[0], ...r }));
  } finally {
    await stopServer(bare);
  }
}

async function run(database) {
  if (database === 'postgres') {
    const problem = await unreachable(PG_URL);
    if (problem) return console.log(`PostgreSQL at ${PG_URL} is not reachable (${problem}): skipped`);
    process.env.DATABASE_URL = PG_URL;
  } else delete process.env.DATABASE_URL;
  const { env, drop } = await freshEnvironment('bench_search');
  const label = database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const results = [];
  try {
    const paths = queries(await realProcedures());
    let loaded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await runChild(__filename, '--load', {
        ...process.env,
        ...env,
        BENCH_SIZE: String(size),
        BENCH_FROM: String(loaded),
      });
      loaded = size;
      console.log(
        `${label}: ${size} procedures loaded and indexed in ${Math.round((Date.now() - started) / 1000)} s`
      );
      const server = await startServer({ ...env, RESPONSE_CACHE: 'off' }, PORT);
      try {
        const base = { connections: CONNECTIONS, duration: DURATION };
        const url = `http://127.0.0.1:${PORT}`;
        // A node reads the procedures into memory as it starts listening: the first search waits for that.
        const cold = Date.now();
        const first = await fetch(`${url}${paths[0]}`);
        if (!first.ok) throw new Error(`first search: ${first.status}`);
        const firstMs = Date.now() - cold;
        console.log(`${label}: the first search after start answered in ${firstMs} ms`);
        let next = 0;
        const cycling = [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
        ];
        results.push({
          size,
          ...row(`search, 200 queries cycling (${size})`, await measure({ ...base, url, requests: cycling })),
          firstMs,
        });
        results.push({
          size,
          ...row(
            `raw list, pageSize 25 (${size})`,
            await measure({ ...base, url: `${url}/api/procedures?pagination[pageSize]=25` })
          ),
        });
      } finally {
        await stopServer(server);
      }
      if (size === SIZES[0]) results.push(...(await cachedHit(env, paths[0])));
    }
  } finally {
    await drop();
  }
  return { label, results };
}

async function main() {
  if (process.argv.includes('--load')) return load();
  await compileStrapi();
  const runs = [];
  for (const database of DATABASES) {
    const outcome = await run(database);
    if (outcome) runs.push(outcome);
  }
  const verdicts = [];
  for (const { label, results } of runs) {
    console.log(
      `\n${label}, ${CONNECTIONS} connections, ${DURATION} s each after a 3 s warm-up, response cache off but for the hit`
    );
    console.table(results.map(({ size: _size, firstMs: _firstMs, ...r }) => r));
    const at = (size, kind) => results.find((r) => r.size === size && r.scenario.startsWith(kind));
    const [small, large] = SIZES;
    const search = at(small, 'search, 200');
    const raw = at(small, 'raw');
    const big = at(large, 'search, 200');
    const hit = at(small, 'search, response-cache hit');
    const bare = at(small, 'same');
    verdicts.push(
      {
        database: label,
        target: `search p97.5 <= 50 ms (${small})`,
        measured: `${search['p97.5 ms']} ms`,
        met: search['p97.5 ms'] <= 50,
      },
      {
        database: label,
        target: `search >= 3x the raw list's req/s (${small})`,
        measured: `${search['req/s']} vs ${raw['req/s']} req/s: ${(search['req/s'] / raw['req/s']).toFixed(2)}x`,
        met: search['req/s'] >= 3 * raw['req/s'],
      },
      {
        database: label,
        target: `p97.5 at ${large} <= 2x the ${small} figure`,
        // autocannon gives up on a request after 10 s: no 2xx at all means every request timed out.
        measured: big['2xx']
          ? `${big['p97.5 ms']} vs ${search['p97.5 ms']} ms`
          : `no answer within 10 s (${big.errors} errors)`,
        met: big['2xx'] > 0 && big['p97.5 ms'] <= 2 * search['p97.5 ms'],
      },
      {
        database: label,
        target: `response-cache hit >= 70% of bare Node (${small})`,
        measured: `${hit['req/s']} vs ${bare['req/s']} req/s: ${Math.round((100 * hit['req/s']) / bare['req/s'])}%`,
        met: hit['req/s'] >= 0.7 * bare['req/s'],
      }
    );
  }
  console.table(verdicts);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
